// An example index with its sort key, and the order every ranking uses (docs/ALGORITHMS.md §11).
#pragma once

#include <cmath>
#include <cstdint>

namespace labelscope {

struct KeyedIndex {
    double key;
    std::int32_t index;
};

// The order of docs/ALGORITHMS.md §11: ascending key, ties by lower index, NaN last (as numpy sorts).
// A strict total order, so the m smallest are one well-defined set. A function object, so
// nth_element inlines it.
struct KeyedLess {
    bool operator()(const KeyedIndex& a, const KeyedIndex& b) const {
        if (a.key < b.key) return true;
        if (a.key > b.key) return false;
        if (a.key == b.key) return a.index < b.index;
        const bool a_nan = std::isnan(a.key), b_nan = std::isnan(b.key);
        return a_nan != b_nan ? b_nan : a.index < b.index;
    }
};

}  // namespace labelscope
