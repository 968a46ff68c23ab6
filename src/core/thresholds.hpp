// Per-class confident thresholds t_k (docs/ALGORITHMS.md §4): the mean self-confidence of each class.
#pragma once

#include <vector>

#include "types.hpp"

namespace labelscope {

// t_k = mean of P[i][k] over examples labelled k (2 if none), floored at 2e-6. No validation.
template <class T>
std::vector<double> confident_thresholds(LabelsView labels, ProbsView<T> probs);

}  // namespace labelscope
