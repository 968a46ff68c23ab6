// How many label issues a dataset has (docs/ALGORITHMS.md §8) and the "reduce" step (§10.9).
#pragma once

#include <cstdint>

#include "confident_joint.hpp"
#include "numeric.hpp"
#include "options.hpp"
#include "types.hpp"

namespace labelscope {

// True if the given label wins the argmax once it gets a +1e-6 bonus (first index on ties);
// such examples are never flagged (docs/ALGORITHMS.md §10.9).
template <class T>
inline bool given_label_wins_with_bonus(const T* row, std::size_t k, std::int32_t given) {
    const auto s = static_cast<std::size_t>(given);
    const double boosted = static_cast<double>(row[s]) + EPS;
    // First-index argmax of the boosted row is `s`: strictly above every earlier class,
    // at least equal to every later one.
    for (std::size_t j = 0; j < s; ++j)
        if (!(boosted > static_cast<double>(row[j]))) return false;
    for (std::size_t j = s + 1; j < k; ++j)
        if (!(boosted >= static_cast<double>(row[j]))) return false;
    return true;
}

// The reduce step itself: clears every flag whose example's given label wins with the bonus.
template <class T>
void apply_reduce_step(LabelsView labels, ProbsView<T> probs, Mask& flags);

// 'off_diagonal' count from an already computed confident joint: off-diagonal examples
// that survive the reduce step.
template <class T>
std::int64_t count_off_diagonal_issues(LabelsView labels, ProbsView<T> probs, const ConfidentJoint& cj);

// Validated. `custom_joint` is required for off_diagonal_custom and ignored otherwise.
template <class T>
std::int64_t num_label_issues(LabelsView labels, ProbsView<T> probs,
                              EstimationMethod method = EstimationMethod::off_diagonal,
                              const CountMatrix* custom_joint = nullptr);

}  // namespace labelscope
