#include "keyed_sort.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

#include "parallel.hpp"

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

// Sorts items[0, n) by bits (LSD radix, stable: equal bits keep their order), using scratch[0, n).
void radix_sort(BitsIndex* items, BitsIndex* scratch, std::size_t n) {
    std::array<std::array<std::size_t, 256>, BYTES> count{};
    for (std::size_t r = 0; r < n; ++r)
        for (int b = 0; b < BYTES; ++b) ++count[b][(items[r].bits >> (8 * b)) & 0xff];
    BitsIndex *from = items, *to = scratch;
    for (int b = 0; b < BYTES; ++b) {
        auto& bucket = count[b];
        // A byte that every key shares leaves the order unchanged.
        if (std::find(bucket.begin(), bucket.end(), n) != bucket.end()) continue;
        std::size_t start = 0;
        for (std::size_t& c : bucket) start += std::exchange(c, start);
        for (std::size_t r = 0; r < n; ++r) to[bucket[(from[r].bits >> (8 * b)) & 0xff]++] = from[r];
        std::swap(from, to);
    }
    if (from != items) std::copy(from, from + n, items);
}

bool bits_less(const BitsIndex& a, const BitsIndex& b) {
    return a.bits < b.bits || (a.bits == b.bits && a.index < b.index);
}

}  // namespace

void sort_indices_by_key(IndexList& indices, const std::vector<double>& keys) {
    // LSD radix sort is stable: indices in ascending order keep that order among equal keys,
    // which is the tie rule. (Callers pass them in order; others are put in order first.)
    if (!std::is_sorted(indices.begin(), indices.end())) std::sort(indices.begin(), indices.end());

    // In pieces on the helper threads (src/core/parallel.hpp): each piece sorts its run of the
    // indices, then runs are merged by (key, index), the one order every (key, index) pair has, so
    // the result is that of one sort.
    const std::size_t n = indices.size();
    // Only big rankings: a piece that waits on a helper the machine does not schedule costs more than
    // sorting 100k flagged rows (~5 ms) on one thread.
    constexpr std::size_t MIN_ITEMS_PER_PIECE = std::size_t{1} << 18;
    const std::size_t pieces = parallel_pieces(n, n, MIN_ITEMS_PER_PIECE);
    // Every item is written before it is read: no zero-fill (a memset, slow in WebAssembly).
    std::unique_ptr<BitsIndex[]> from(new BitsIndex[n > 0 ? n : 1]), to(new BitsIndex[n > 0 ? n : 1]);
    run_pieces(pieces, [&](std::size_t p) {
        const std::size_t begin = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1);
        for (std::size_t r = begin; r < end; ++r)
            from[r] = {ordered_bits(keys[static_cast<std::size_t>(indices[r])]), indices[r]};
        radix_sort(from.get() + begin, to.get() + begin, end - begin);
    });
    for (std::size_t width = 1; width < pieces; width *= 2) {  // runs of `width` pieces merged in pairs
        const std::size_t pairs = (pieces + 2 * width - 1) / (2 * width);
        run_pieces(pairs, [&](std::size_t q) {
            const std::size_t lo = piece_begin(n, pieces, 2 * width * q);
            const std::size_t mid = piece_begin(n, pieces, std::min(2 * width * q + width, pieces));
            const std::size_t hi = piece_begin(n, pieces, std::min(2 * width * q + 2 * width, pieces));
            std::merge(from.get() + lo, from.get() + mid, from.get() + mid, from.get() + hi, to.get() + lo, bits_less);
        });
        from.swap(to);
    }
    for (std::size_t r = 0; r < n; ++r) indices[r] = from[r].index;
}

}  // namespace labelscope
