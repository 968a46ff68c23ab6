// One call that computes the shared steps once and returns everything a UI shows.
#pragma once

#include <optional>

#include "confident_joint.hpp"
#include "errors.hpp"
#include "health.hpp"
#include "latent.hpp"
#include "options.hpp"

namespace labelscope {

struct AuditOptions {
    FindIssuesOptions find;
    // Ranking of flagged examples and the per-example score; nullopt = flagged in index order
    // (scores are then self_confidence).
    std::optional<ScoreOptions> rank_by = ScoreOptions{};
    bool asymmetric_overlap = false;
};

struct Report {
    std::size_t num_examples = 0;
    std::size_t num_classes = 0;
    IndexList issues;                   // flagged examples in rank order
    Mask is_label_issue;                // per example
    std::vector<double> label_quality;  // per example, method of rank_by
    // Per example: the class the confident joint counted it under if any, else the model's argmax.
    std::vector<std::int32_t> suggested_label;
    std::vector<std::int32_t> confident_joint_label;  // -1 if no class was confident
    std::vector<std::int32_t> predicted_label;        // argmax of the row (first on ties)
    std::vector<std::int64_t> label_counts;
    std::vector<double> thresholds;
    CountMatrix confident_joint;        // calibrated
    CountMatrix confident_joint_uncalibrated;
    RealMatrix joint;
    LatentEstimates latent;             // estimate_py_and_noise_matrices_from_probabilities defaults
    std::int64_t num_label_issues = 0;  // 'off_diagonal' estimate
    double health_score = 0;
    std::vector<ClassQuality> class_quality;
    std::vector<ClassOverlap> overlapping_classes;
    Warnings warnings;
};

template <class T>
Report audit(LabelsView labels, ProbsView<T> probs, const AuditOptions& options = {});

}  // namespace labelscope
