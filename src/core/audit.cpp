#include "audit.hpp"

#include <algorithm>
#include <string>

#include "filter.hpp"
#include "num_issues.hpp"
#include "numeric.hpp"
#include "scores.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {

template <class T>
Report audit(LabelsView labels, ProbsView<T> probs, const AuditOptions& options) {
    Report r;
    r.warnings = validate_inputs(labels, probs);
    const std::size_t n = probs.rows, k = probs.cols;
    validate_find_options(options.find, k);
    const ScoreOptions score = options.rank_by.value_or(ScoreOptions{});
    validate_score_options(score);
    r.num_examples = n;
    r.num_classes = k;

    // Shared steps, computed once.
    r.label_counts = label_counts(labels, k);
    r.thresholds = confident_thresholds(labels, probs);
    const ConfidentJoint cj = compute_confident_joint(labels, probs, r.thresholds);
    r.confident_joint = cj.calibrated;
    r.confident_joint_uncalibrated = cj.uncalibrated;
    const Warnings method_warnings = find_issues_warnings(r.label_counts, options.find);
    r.warnings.insert(r.warnings.end(), method_warnings.begin(), method_warnings.end());

    r.is_label_issue = find_label_issues_from(labels, probs, options.find, r.label_counts, cj);
    r.label_quality = label_quality_scores(labels, probs, score, r.thresholds);
    r.issues = mask_to_indices(r.is_label_issue);
    if (options.rank_by) sort_by_score(r.issues, r.label_quality);

    r.confident_joint_label = cj.guess;
    r.predicted_label.resize(n);
    r.suggested_label.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        r.predicted_label[i] = static_cast<std::int32_t>(argmax_first(probs.row(i), k));
        r.suggested_label[i] = cj.guess[i] >= 0 ? cj.guess[i] : r.predicted_label[i];
    }

    const auto n64 = static_cast<std::int64_t>(n);
    r.joint = estimate_joint_from_confident_joint(cj.calibrated, r.label_counts);
    r.latent = estimate_latent(cj.calibrated, r.label_counts, PyMethod::cnt, true);
    r.num_label_issues = count_off_diagonal_issues(labels, probs, cj);
    r.health_score = overall_label_health_score(r.num_label_issues, n64);
    r.class_quality = rank_classes_by_label_quality(r.joint, n64);
    r.overlapping_classes = find_overlapping_classes(r.joint, n64, options.asymmetric_overlap);
    return r;
}

template Report audit<double>(LabelsView, ProbsView<double>, const AuditOptions&);
template Report audit<float>(LabelsView, ProbsView<float>, const AuditOptions&);

}  // namespace labelscope
