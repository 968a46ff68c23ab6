// Streaming selection of the m smallest (key, index) pairs in a small fixed buffer, for the
// prune methods (docs/ALGORITHMS.md §10.4–10.5): one pass over the data feeds many selections at once.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "keyed_index.hpp"

namespace labelscope {

// Keeps a superset of the `keep` smallest pairs offered so far in `buffer`; when it is full,
// nth_element shrinks it back to exactly `keep` and their largest becomes the cut-off that
// later offers must beat. Linear time overall, whatever the order of the keys.
// Offers must come in increasing index order: a key equal to the cut-off then loses the tie.
class SmallestKeys {
public:
    // capacity > keep >= 1; `buffer` holds `capacity` pairs. `bound` (optional, not NaN) is a
    // guess of a key that at least `keep` offers will not exceed: larger keys are turned away
    // at once. If the guess was too low, complete() says so after finish().
    SmallestKeys(KeyedIndex* buffer, std::size_t capacity, std::size_t keep, double bound = NAN)
        : buffer_(buffer),
          capacity_(capacity),
          keep_(keep),
          bound_(bound),
          cut_key_(std::isnan(bound) ? NAN : std::nextafter(bound, INFINITY)) {}

    void offer(double key, std::int32_t index) {
        // Most keys fail this one comparison. NaN (no cut-off yet, or a NaN key or cut-off)
        // falls through to the exact order.
        if (key >= cut_key_) return;
        offer_exactly({key, index});
    }

    // Call after the last offer; then [begin, end) holds the selected pairs, in no particular
    // order, and they are the `keep` smallest of all offers if complete().
    void finish() { shrink(); }
    bool complete() const { return size_ >= keep_; }
    const KeyedIndex* begin() const { return buffer_; }
    const KeyedIndex* end() const { return buffer_ + size_; }

private:
    void offer_exactly(const KeyedIndex& item) {
        if (has_cut_) {
            if (!KeyedLess{}(item, cut_)) return;
        } else if (!std::isnan(bound_) && !(item.key <= bound_)) {
            return;  // a NaN key is above any bound
        }
        buffer_[size_++] = item;
        if (size_ == capacity_) shrink();
    }

    void shrink() {
        if (size_ <= keep_) return;
        std::nth_element(buffer_, buffer_ + keep_ - 1, buffer_ + size_, KeyedLess{});
        size_ = keep_;
        cut_ = buffer_[keep_ - 1];
        cut_key_ = cut_.key;
        has_cut_ = true;
    }

    KeyedIndex* buffer_;
    std::size_t capacity_, keep_, size_ = 0;
    double bound_;
    double cut_key_;  // keys >= this are turned away at once; NaN: ask offer_exactly
    KeyedIndex cut_{0.0, 0};
    bool has_cut_ = false;
};

}  // namespace labelscope
