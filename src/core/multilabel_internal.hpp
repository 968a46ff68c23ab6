// Shared pieces of the multi-label implementation (not part of the public API): the one-vs-rest
// reduction with each class's shared steps, so every multi-label function runs them the same way.
#pragma once

#include <cstdint>
#include <vector>

#include "confident_joint.hpp"
#include "multilabel.hpp"

namespace labelscope {

// A class's binary sub-problem with the steps every filter needs (thresholds, confident joint).
struct ClassSteps {
    BinaryProblem problem;
    std::vector<std::int64_t> counts;  // (examples without the class, with it)
    std::vector<double> thresholds;    // (absent, present)
    ConfidentJoint joint;
};

// Builds sub-problems on demand from a dense 0/1 membership table (N x K bytes, built once).
template <class T>
class OneVsRest {
public:
    OneVsRest(MultiLabelsView labels, ProbsView<T> probs);
    std::size_t num_examples() const { return probs_.rows; }
    std::size_t num_classes() const { return probs_.cols; }
    bool has(std::size_t i, std::size_t k) const { return member_[i * probs_.cols + k] != 0; }
    void fill(std::size_t k, BinaryProblem& out) const;
    ClassSteps steps(std::size_t k) const;

private:
    MultiLabelsView labels_;
    ProbsView<T> probs_;
    std::vector<std::uint8_t> member_;
};

// Flags of one class's sub-problem with the multi-label options mapped to it (no validation).
template <class T>
Mask class_issue_flags(const ClassSteps& steps, const MultiLabelFindOptions& options, std::size_t k);

template <class T>
std::vector<Mask> per_class_flags(const OneVsRest<T>& ovr, const MultiLabelFindOptions& options);

// The multi-label mask of docs/ALGORITHMS.md §13.3 (no validation).
template <class T>
Mask multilabel_flags(const OneVsRest<T>& ovr, const MultiLabelFindOptions& options);

// Flagged examples in rank order (docs/ALGORITHMS.md §13.5, cleanlab's order for the low_* methods); `scores`
// receives the aggregated `rank_by` scores of every example.
template <class T>
IndexList rank_multilabel_flags(const OneVsRest<T>& ovr, MultiLabelsView labels, ProbsView<T> probs, const Mask& flags,
                                FilterBy method, ScoreOptions rank_by, const AggregatorOptions& aggregator,
                                std::vector<double>& scores);

template <class T>
std::int64_t count_multilabel_confident_learning(const OneVsRest<T>& ovr);

// N x K per-class scores and their aggregation (no validation).
template <class T>
RealMatrix per_class_scores(const OneVsRest<T>& ovr, ScoreOptions options);

template <class T>
std::vector<double> aggregated_scores(const OneVsRest<T>& ovr, ScoreOptions options,
                                      const AggregatorOptions& aggregator);

}  // namespace labelscope
