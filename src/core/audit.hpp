// One call that computes the shared steps once and returns everything a UI shows.
#pragma once

#include <optional>
#include <string>

#include "confident_joint.hpp"
#include "errors.hpp"
#include "health.hpp"
#include "latent.hpp"
#include "options.hpp"

namespace labelscope {

// How the report holds its K x K matrices (confident joints, joint, noise matrices) and the pairs of
// overlapping classes. full: dense matrices, every pair. sparse: each matrix's non-zero cells
// (Report::sparse), and only the pairs that overlap. none: no matrices, only the pairs that overlap.
// Every other field is the same in all three. At K = 10,000 one dense matrix is 800 MB.
enum class MatrixForm { full, sparse, none };
MatrixForm parse_matrix_form(const std::string& name);  // "full", "sparse" or "none"
const char* to_string(MatrixForm form);

struct AuditOptions {
    FindIssuesOptions find;
    // Ranking of flagged examples and the per-example score; nullopt = flagged in index order
    // (scores are then self_confidence).
    std::optional<ScoreOptions> rank_by = ScoreOptions{};
    bool asymmetric_overlap = false;
    MatrixForm matrices = MatrixForm::full;
    // The values were checked already (a reader's validate_dataset, whose warnings the caller
    // reports): only the two-label-classes rule is checked again, and report.warnings holds none of
    // validation's. A pass over every value saved.
    bool values_validated = false;
};

// The report's matrices as their non-zero cells (MatrixForm::sparse).
struct SparseMatrices {
    SparseMatrix confident_joint, confident_joint_uncalibrated, joint, noise_matrix, inverse_noise_matrix;
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
    CountMatrix confident_joint;  // calibrated
    CountMatrix confident_joint_uncalibrated;
    RealMatrix joint;
    LatentEstimates latent;             // estimate_py_and_noise_matrices_from_probabilities defaults
    std::int64_t num_label_issues = 0;  // 'off_diagonal' estimate
    double health_score = 0;
    std::vector<ClassQuality> class_quality;
    std::vector<ClassOverlap> overlapping_classes;
    Warnings warnings;
    // Unless matrices = full, the dense matrices above are empty (latent keeps py), sparse holds them
    // with sparse, and overlapping_classes leaves out the pairs with no overlap (the tail of the list).
    MatrixForm matrices = MatrixForm::full;
    SparseMatrices sparse;
};

template <class T>
Report audit(LabelsView labels, ProbsView<T> probs, const AuditOptions& options = {});

// The same audit in stages, so a caller can report progress and stop between them (the web
// worker checks for a cancel message between stages; no stage is longer than one pass over the
// data). The views must outlive the run. audit() is AuditRun driven to the end.
template <class T>
class AuditRun {
public:
    AuditRun(LabelsView labels, ProbsView<T> probs, const AuditOptions& options = {});
    static constexpr int num_stages = 6;
    bool done() const { return stage_ == num_stages; }
    int stages_done() const { return stage_; }
    // Runs the next stage. Throws LabelScopeError on invalid input (in the first stage).
    void step();
    // The report, once done(); the run is spent afterwards.
    Report take();

private:
    LabelsView labels_;
    ProbsView<T> probs_;
    AuditOptions options_;
    ScoreOptions score_;
    ConfidentJoint cj_;
    Report r_;
    int stage_ = 0;
};

}  // namespace labelscope
