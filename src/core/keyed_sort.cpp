#include "keyed_sort.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

namespace labelscope {
namespace {

// Unsigned integer with the order of the keys: -0.0 and 0.0 equal, every NaN last and equal.
std::uint64_t ordered_bits(double key) {
    if (std::isnan(key)) return ~std::uint64_t{0};
    if (key == 0.0) key = 0.0;
    std::uint64_t bits;
    std::memcpy(&bits, &key, sizeof bits);
    constexpr std::uint64_t sign = std::uint64_t{1} << 63;
    return (bits & sign) != 0 ? ~bits : bits | sign;
}

struct BitsIndex {
    std::uint64_t bits;
    std::int32_t index;
};

constexpr int BYTES = 8;  // of the 64-bit image, least significant first

}  // namespace

void sort_indices_by_key(IndexList& indices, const std::vector<double>& keys) {
    // LSD radix sort is stable: indices in ascending order keep that order among equal keys,
    // which is the tie rule. (Callers pass them in order; others are put in order first.)
    if (!std::is_sorted(indices.begin(), indices.end())) std::sort(indices.begin(), indices.end());

    const std::size_t n = indices.size();
    std::vector<BitsIndex> from(n), to(n);
    std::array<std::array<std::size_t, 256>, BYTES> count{};
    for (std::size_t r = 0; r < n; ++r) {
        from[r] = {ordered_bits(keys[static_cast<std::size_t>(indices[r])]), indices[r]};
        for (int b = 0; b < BYTES; ++b) ++count[b][(from[r].bits >> (8 * b)) & 0xff];
    }
    for (int b = 0; b < BYTES; ++b) {
        auto& bucket = count[b];
        // A byte that every key shares leaves the order unchanged.
        if (std::find(bucket.begin(), bucket.end(), n) != bucket.end()) continue;
        std::size_t start = 0;
        for (std::size_t& c : bucket) start += std::exchange(c, start);
        for (const BitsIndex& item : from) to[bucket[(item.bits >> (8 * b)) & 0xff]++] = item;
        from.swap(to);
    }
    for (std::size_t r = 0; r < n; ++r) indices[r] = from[r].index;
}

}  // namespace labelscope
