// Multi-label classification (docs/ALGORITHMS.md §13): every example has a set of classes (possibly empty),
// pred_probs holds one independent probability per class (rows need not sum to 1), and every
// class is a one-vs-rest binary problem solved with the single-label machinery (§4–§10).
//
// Labels representation: CSR (compressed rows). The classes of example i are
// classes[offsets[i] .. offsets[i+1]); offsets has N + 1 entries and starts at 0. It is what the
// readers produce and what crosses into WebAssembly as two Int32Arrays, and it costs O(N + number
// of labels), where a dense N x K 0/1 matrix would cost N * K. A class listed twice in one set
// counts once. Internally the reduction builds each class's 0/1 column when it is needed.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "errors.hpp"
#include "health.hpp"
#include "options.hpp"
#include "types.hpp"

namespace labelscope {

struct MultiLabelsView {
    const std::int32_t* offsets = nullptr;  // size + 1 entries, offsets[0] = 0, non-decreasing
    const std::int32_t* classes = nullptr;  // offsets[size] class indices
    std::size_t size = 0;                   // N

    std::size_t set_size(std::size_t i) const { return static_cast<std::size_t>(offsets[i + 1] - offsets[i]); }
    const std::int32_t* set_begin(std::size_t i) const { return classes + offsets[i]; }
    const std::int32_t* set_end(std::size_t i) const { return classes + offsets[i + 1]; }
};

// Owning CSR label sets (tests, readers, bindings).
struct MultiLabels {
    std::vector<std::int32_t> offsets{0};
    std::vector<std::int32_t> classes;

    void add(std::initializer_list<std::int32_t> set) { add(set.begin(), set.end()); }
    template <class It>
    void add(It first, It last) {
        classes.insert(classes.end(), first, last);
        offsets.push_back(static_cast<std::int32_t>(classes.size()));
    }
    std::size_t size() const { return offsets.size() - 1; }
    MultiLabelsView view() const { return {offsets.data(), classes.data(), size()}; }
};

// One class's binary sub-problem (docs/ALGORITHMS.md §13.1): labels 1 = class in the set, 0 = not;
// probabilities row i = (1 - P[i][k], P[i][k]), column 0 = "absent", column 1 = "present".
struct BinaryProblem {
    std::vector<std::int32_t> labels;
    std::vector<double> probs;  // N x 2, row-major

    LabelsView labels_view() const { return {labels.data(), labels.size()}; }
    ProbsView<double> probs_view() const { return {probs.data(), labels.size(), 2}; }
};

// How per-class scores become one score per example (docs/ALGORITHMS.md §13.4). min, max and mean are the
// plain numpy reductions cleanlab also accepts as aggregators.
enum class AggregatorMethod { exponential_moving_average, softmin, min, max, mean };

AggregatorMethod parse_aggregator(std::string_view name);  // throws invalid_option listing the names
const char* to_string(AggregatorMethod method);

struct AggregatorOptions {
    AggregatorMethod method = AggregatorMethod::exponential_moving_average;
    std::optional<double> alpha = 0.8;  // EMA weight; nullopt = 2 / (K + 1); must be in [0, 1]
    double temperature = 0.1;           // softmin; must be > 0 (values below 1e-6 act as 1e-6)
};

// find_label_issues options with the multi-label confident joint (K entries of 2 x 2,
// [given][guess], 0 = absent, 1 = present) in place of the K x K one.
struct MultiLabelFindOptions {
    FindIssuesOptions find;  // find.confident_joint must stay null
    const std::vector<CountMatrix>* confident_joint = nullptr;
};

struct MultiLabelJoint {
    std::vector<CountMatrix> calibrated;  // K entries, 2 x 2, [given][guess], 0 = absent
    std::vector<CountMatrix> uncalibrated;
};

// Row of common_multilabel_issues (docs/ALGORITHMS.md §13.7).
struct CommonMultiLabelIssue {
    std::int32_t class_index;
    bool in_given_label;      // true: the class is in the given set but looks wrong (probably extra)
    bool in_suggested_label;  // true: the class is not given but looks right (probably missing)
    std::int64_t num_examples;
    double issue_probability;  // num_examples / N
};

struct MultiLabelHealth {
    double overall_label_health_score = 0;
    std::vector<ClassQuality> classes_by_label_quality;  // rank_classes_by_multilabel_quality
    std::vector<CommonMultiLabelIssue> common_issues;    // common_multilabel_issues
};

// --- validation and the reduction ------------------------------------------------------------

// Throws LabelScopeError for: N = 0, K = 0, length mismatch, malformed offsets, a class index
// outside 0..K-1 (example and class named), NaN/inf, values more than 1e-3 outside [0, 1].
// With `require_absent_somewhere` (the find/health functions, docs/ALGORITHMS.md §13.1) also a class that is
// in every example's set. Returns warnings for values slightly outside [0, 1]; rows not summing
// to 1 are normal here and not reported.
template <class T>
Warnings validate_multilabel_inputs(MultiLabelsView labels, ProbsView<T> probs, bool require_absent_somewhere);

// Sub-problem of class k. No validation.
template <class T>
BinaryProblem binary_problem(MultiLabelsView labels, ProbsView<T> probs, std::size_t k);

// Number of examples whose set holds class k, length K.
std::vector<std::int64_t> multilabel_label_counts(MultiLabelsView labels, std::size_t num_classes);

// --- thresholds and confident joint (docs/ALGORITHMS.md §13.2) -------------------------------

// K x 2: column 0 = threshold of "absent", column 1 = of "present". Validated.
template <class T>
RealMatrix multilabel_confident_thresholds(MultiLabelsView labels, ProbsView<T> probs);

template <class T>
MultiLabelJoint multilabel_compute_confident_joint(MultiLabelsView labels, ProbsView<T> probs);

// Per class the 2 x 2 joint Q = calibrated / sum (docs/ALGORITHMS.md §7.1). Validated.
template <class T>
std::vector<RealMatrix> multilabel_estimate_joint(MultiLabelsView labels, ProbsView<T> probs);

// --- find_label_issues (docs/ALGORITHMS.md §13.3, §13.5) -------------------------------------

// Throws invalid_option for options that do not fit (sizes are per class: K counts, K joints).
void validate_multilabel_find_options(const MultiLabelFindOptions& options, std::size_t k);

// Per class: the examples flagged in that class's sub-problem, in index order, or ranked by
// that sub-problem's score if `rank_by` is given. Validated.
template <class T>
std::vector<IndexList> find_multilabel_issues_per_class(MultiLabelsView labels, ProbsView<T> probs,
                                                        const MultiLabelFindOptions& options = {},
                                                        std::optional<ScoreOptions> rank_by = std::nullopt);

// Mask of examples flagged in any class (prune methods, confident_learning, predicted_neq_given),
// or the m lowest aggregated default scores (low_* methods). Validated.
template <class T>
Mask find_multilabel_label_issues(MultiLabelsView labels, ProbsView<T> probs,
                                  const MultiLabelFindOptions& options = {});

// Flagged examples sorted by the aggregated score with per-class method `rank_by`. For the low_*
// methods this reproduces cleanlab's order (docs/ALGORITHMS.md §13.5: the flagged examples in score order,
// permuted by the order of scores recomputed on the flagged subset), so results match cleanlab.
template <class T>
IndexList find_multilabel_label_issues_ranked(MultiLabelsView labels, ProbsView<T> probs,
                                              const MultiLabelFindOptions& options, ScoreOptions rank_by,
                                              const AggregatorOptions& aggregator = {});

// Multi-label num_label_issues (docs/ALGORITHMS.md §13.6): examples flagged by confident_learning. Validated.
template <class T>
std::int64_t multilabel_num_label_issues(MultiLabelsView labels, ProbsView<T> probs);

// --- label quality scores (docs/ALGORITHMS.md §13.4) -----------------------------------------

void validate_aggregator(const AggregatorOptions& aggregator);

// N x K per-class scores (get_label_quality_scores_per_class). Validated.
template <class T>
RealMatrix multilabel_label_quality_scores_per_class(MultiLabelsView labels, ProbsView<T> probs,
                                                     ScoreOptions options = {});

// One row of per-class scores to one score. `scratch` needs k doubles.
double aggregate_scores(const double* row, std::size_t k, const AggregatorOptions& aggregator, double* scratch);

// Aggregated score per example (get_label_quality_scores). Validated.
template <class T>
std::vector<double> multilabel_label_quality_scores(MultiLabelsView labels, ProbsView<T> probs,
                                                    ScoreOptions options = {},
                                                    const AggregatorOptions& aggregator = {});

// --- dataset health (docs/ALGORITHMS.md §13.7) -----------------------------------------------

// From the per-class flags of the default method (any order: only counts matter); the overall
// score counts the examples flagged in any class.
MultiLabelHealth multilabel_health_from(MultiLabelsView labels, std::size_t num_classes,
                                        const std::vector<IndexList>& per_class_flags);

// overall_multilabel_health_score, rank_classes_by_multilabel_quality and
// common_multilabel_issues with cleanlab's defaults. Validated.
template <class T>
MultiLabelHealth multilabel_health_summary(MultiLabelsView labels, ProbsView<T> probs);

}  // namespace labelscope
