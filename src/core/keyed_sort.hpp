// Sorting example indices by a per-example key in the order of docs/ALGORITHMS.md §11, fast: the ranked
// output sorts every flagged example by its score.
#pragma once

#include <vector>

#include "types.hpp"

namespace labelscope {

// Sorts `indices` by (keys[i], i) ascending: ties by lower index, NaN last, -0.0 == 0.0.
void sort_indices_by_key(IndexList& indices, const std::vector<double>& keys);

}  // namespace labelscope
