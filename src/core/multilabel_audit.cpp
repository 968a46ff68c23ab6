#include "multilabel_audit.hpp"

#include <algorithm>
#include <string>

#include "filter.hpp"
#include "multilabel_internal.hpp"
#include "scores.hpp"

namespace labelscope {
namespace {

bool is_default(const MultiLabelFindOptions& o) {
    const FindIssuesOptions d;
    return o.find.filter_by == d.filter_by && o.find.frac_noise == d.frac_noise &&
           o.find.num_to_remove_per_class.empty() && o.find.min_examples_per_class == d.min_examples_per_class &&
           o.confident_joint == nullptr;
}

// The prune methods flag nothing on a side of a class with too few examples (docs/ALGORITHMS.md §10.4–§10.7).
void warn_small_classes(const std::vector<std::int64_t>& present, std::int64_t n, const MultiLabelFindOptions& o,
                        Warnings& out) {
    if (!is_prune_method(o.find.filter_by)) return;
    const std::int64_t min = o.find.min_examples_per_class;
    for (std::size_t c = 0; c < present.size(); ++c) {
        const std::int64_t with = present[c], without = n - present[c];
        std::string side;
        std::int64_t count = 0;
        if (with <= min || with <= 1)
            side = "is in", count = with;
        else if (without <= min || without <= 1)
            side = "is missing from", count = without;
        else
            continue;
        out.push_back({WarningCode::class_too_small,
                       "Class " + std::to_string(c) + " " + side + " " + std::to_string(count) +
                           " example(s) only, too few for " + to_string(o.find.filter_by) +
                           " to flag those examples for this class (min_examples_per_class = " + std::to_string(min) +
                           ").",
                       count, -1, static_cast<std::int64_t>(c)});
    }
}

}  // namespace

template <class T>
MultiLabelReport audit_multilabel(MultiLabelsView labels, ProbsView<T> probs, const MultiLabelAuditOptions& options) {
    MultiLabelReport r;
    r.warnings = validate_multilabel_inputs(labels, probs, true);
    validate_multilabel_find_options(options.find, probs.cols);
    const ScoreOptions score = options.rank_by.value_or(ScoreOptions{});
    validate_score_options(score);
    validate_aggregator(options.aggregator);
    const std::size_t n = probs.rows, k = probs.cols;
    r.num_examples = n;
    r.num_classes = k;
    r.label_counts = multilabel_label_counts(labels, k);
    warn_small_classes(r.label_counts, static_cast<std::int64_t>(n), options.find, r.warnings);

    const OneVsRest<T> ovr(labels, probs);
    const bool low = options.find.find.filter_by == FilterBy::low_self_confidence ||
                     options.find.find.filter_by == FilterBy::low_normalized_margin;
    const bool same_as_default = is_default(options.find);
    MultiLabelFindOptions cl;
    cl.find.filter_by = FilterBy::confident_learning;
    r.thresholds = RealMatrix(k, 2);
    Mask any(n, 0), any_cl(n, 0);
    std::vector<IndexList> default_flags;
    for (std::size_t c = 0; c < k; ++c) {
        const ClassSteps s = ovr.steps(c);
        r.thresholds(c, 0) = s.thresholds[0];
        r.thresholds(c, 1) = s.thresholds[1];
        r.confident_joint.calibrated.push_back(s.joint.calibrated);
        r.confident_joint.uncalibrated.push_back(s.joint.uncalibrated);
        const Mask mine = class_issue_flags<T>(s, options.find, c);
        const Mask by_cl = class_issue_flags<T>(s, cl, c);
        for (std::size_t i = 0; i < n; ++i) {
            any[i] |= mine[i];
            any_cl[i] |= by_cl[i];
        }
        r.class_issues.push_back(mask_to_indices(mine));
        default_flags.push_back(same_as_default ? r.class_issues.back()
                                                : mask_to_indices(class_issue_flags<T>(s, MultiLabelFindOptions{}, c)));
    }
    r.num_label_issues = static_cast<std::int64_t>(std::count(any_cl.begin(), any_cl.end(), std::uint8_t{1}));
    if (low) {
        any.assign(n, 0);
        const auto defaults = aggregated_scores(ovr, ScoreOptions{}, AggregatorOptions{});
        for (std::int32_t i : lowest_scores(defaults, static_cast<std::size_t>(r.num_label_issues)))
            any[static_cast<std::size_t>(i)] = 1;
    }
    r.is_label_issue = std::move(any);
    if (options.rank_by) {
        r.issues = rank_multilabel_flags(ovr, labels, probs, r.is_label_issue, options.find.find.filter_by, score,
                                         options.aggregator, r.label_quality);
    } else {
        r.issues = mask_to_indices(r.is_label_issue);
        r.label_quality = aggregated_scores(ovr, score, options.aggregator);
    }
    r.health = multilabel_health_from(labels, k, default_flags);
    return r;
}

template MultiLabelReport audit_multilabel<double>(MultiLabelsView, ProbsView<double>, const MultiLabelAuditOptions&);
template MultiLabelReport audit_multilabel<float>(MultiLabelsView, ProbsView<float>, const MultiLabelAuditOptions&);

}  // namespace labelscope
