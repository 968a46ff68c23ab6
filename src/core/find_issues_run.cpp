#include "find_issues_run.hpp"

#include <optional>

#include "confident_joint.hpp"
#include "filter.hpp"
#include "label_classes.hpp"
#include "options.hpp"
#include "scores.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {

template <class T>
FindIssuesResult find_issues_run(LabelsView labels, ProbsView<T> probs, const FindIssuesRequest& request) {
    FindIssuesResult r;
    if (request.values_validated)
        require_two_label_classes(labels);
    else
        r.warnings = validate_inputs(labels, probs);
    FindIssuesOptions find;
    find.filter_by = parse_filter_by(request.filter_by);
    find.frac_noise = request.frac_noise;
    find.min_examples_per_class = request.min_examples_per_class;
    find.num_to_remove_per_class = request.num_to_remove_per_class;
    find.confident_joint = request.confident_joint;
    validate_find_options(find, probs.cols);
    std::optional<ScoreOptions> rank;
    if (request.rank_by != "none") {
        rank = ScoreOptions{parse_score_method(request.rank_by), request.adjust_pred_probs};
        validate_score_options(*rank);
    }
    const std::vector<std::int64_t> counts = label_counts(labels, probs.cols);
    const Warnings method_warnings = find_issues_warnings(counts, find);
    r.warnings.insert(r.warnings.end(), method_warnings.begin(), method_warnings.end());
    const std::vector<double> thresholds = confident_thresholds(labels, probs);
    r.mask = find_label_issues_from(labels, probs, find, counts, compute_confident_joint(labels, probs, thresholds));
    r.indices = mask_to_indices(r.mask);
    if (rank) sort_by_score(r.indices, label_quality_scores(labels, probs, *rank, thresholds));
    return r;
}

template FindIssuesResult find_issues_run(LabelsView, ProbsView<double>, const FindIssuesRequest&);
template FindIssuesResult find_issues_run(LabelsView, ProbsView<float>, const FindIssuesRequest&);

}  // namespace labelscope
