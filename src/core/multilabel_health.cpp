// Multi-label dataset summaries (docs/ALGORITHMS.md §13.7): the common-issues table, the class table built from
// it, and the overall health score.
#include <algorithm>
#include <cmath>

#include "filter.hpp"
#include "multilabel.hpp"
#include "multilabel_internal.hpp"

namespace labelscope {

MultiLabelHealth multilabel_health_from(MultiLabelsView labels, std::size_t num_classes,
                                        const std::vector<IndexList>& per_class_flags) {
    const std::size_t n = labels.size;
    const double nd = static_cast<double>(n);
    std::vector<std::uint8_t> any(n, 0), has(n, 0);
    MultiLabelHealth out;
    // Rows generated per class: (in given = true, suggested = false), then (false, true).
    for (std::size_t k = 0; k < num_classes; ++k) {
        std::fill(has.begin(), has.end(), std::uint8_t{0});
        for (std::int32_t i : per_class_flags[k]) {
            const auto ii = static_cast<std::size_t>(i);
            any[ii] = 1;
            has[ii] = static_cast<std::uint8_t>(
                std::count(labels.set_begin(ii), labels.set_end(ii), static_cast<std::int32_t>(k)) > 0 ? 2 : 1);
        }
        std::int64_t given = 0, not_given = 0;
        for (std::int32_t i : per_class_flags[k]) (has[static_cast<std::size_t>(i)] == 2 ? given : not_given) += 1;
        const auto c = static_cast<std::int32_t>(k);
        out.common_issues.push_back({c, true, false, given, static_cast<double>(given) / nd});
        out.common_issues.push_back({c, false, true, not_given, static_cast<double>(not_given) / nd});
    }
    std::stable_sort(out.common_issues.begin(), out.common_issues.end(),
                     [](const CommonMultiLabelIssue& a, const CommonMultiLabelIssue& b) {
                         return a.issue_probability > b.issue_probability;
                     });
    // Class table: classes in order of first appearance in the sorted common table, then a stable
    // sort by quality (docs/ALGORITHMS.md §13.7). Counts go through trunc((count / N) * N), as cleanlab's do.
    std::vector<ClassQuality> rows;
    std::vector<std::uint8_t> placed(num_classes, 0);
    for (const auto& issue : out.common_issues) {
        const auto k = static_cast<std::size_t>(issue.class_index);
        if (placed[k]) continue;
        placed[k] = 1;
        double p_given = 0, p_not_given = 0;
        for (const auto& r : out.common_issues)
            if (r.class_index == issue.class_index) (r.in_given_label ? p_given : p_not_given) = r.issue_probability;
        ClassQuality q;
        q.class_index = issue.class_index;
        q.label_issues = static_cast<std::int64_t>(std::trunc(p_given * nd));
        q.inverse_label_issues = static_cast<std::int64_t>(std::trunc(p_not_given * nd));
        q.label_noise = p_given;
        q.inverse_label_noise = p_not_given;
        q.label_quality_score = 1.0 - p_given;
        rows.push_back(q);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ClassQuality& a, const ClassQuality& b) {
        return a.label_quality_score < b.label_quality_score;
    });
    out.classes_by_label_quality = std::move(rows);
    const auto flagged = std::count(any.begin(), any.end(), std::uint8_t{1});
    out.overall_label_health_score = 1.0 - static_cast<double>(flagged) / nd;
    return out;
}

template <class T>
MultiLabelHealth multilabel_health_summary(MultiLabelsView labels, ProbsView<T> probs) {
    validate_multilabel_inputs(labels, probs, true);
    const OneVsRest<T> ovr(labels, probs);
    std::vector<IndexList> flags;
    for (const Mask& m : per_class_flags(ovr, MultiLabelFindOptions{})) flags.push_back(mask_to_indices(m));
    return multilabel_health_from(labels, probs.cols, flags);
}

template MultiLabelHealth multilabel_health_summary<double>(MultiLabelsView, ProbsView<double>);
template MultiLabelHealth multilabel_health_summary<float>(MultiLabelsView, ProbsView<float>);

}  // namespace labelscope
