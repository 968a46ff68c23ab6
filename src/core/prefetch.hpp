// Hints to start loading rows that a loop will read a few iterations later. Rows read one value
// at a time (800 bytes apart at K = 100), or in scattered order, outrun the hardware prefetcher.
#pragma once

#include <cstddef>

#include "types.hpp"

namespace labelscope {

// How many rows ahead loops ask for.
inline constexpr std::size_t PREFETCH_DISTANCE = 16;

inline void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    (void)address;
#endif
}

// In a loop over rows in index order that reads P[i][label i]: asks for that value
// PREFETCH_DISTANCE rows ahead.
template <class T>
void prefetch_label_value_ahead(LabelsView labels, ProbsView<T> probs, std::size_t i) {
    const std::size_t ahead = i + PREFETCH_DISTANCE;
    if (ahead < labels.size) prefetch(probs.row(ahead) + labels[ahead]);
}

// A whole row, for loops that visit rows out of order.
template <class T>
void prefetch_row(ProbsView<T> probs, std::size_t i) {
    const T* row = probs.row(i);
    prefetch(row);
    prefetch(row + probs.cols - 1);  // a short row can straddle two cache lines
}

}  // namespace labelscope
