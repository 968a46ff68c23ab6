#include "thresholds.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "numeric.hpp"
#include "parallel.hpp"
#include "prefetch.hpp"

namespace labelscope {

template <class T>
std::vector<double> confident_thresholds(LabelsView labels, ProbsView<T> probs) {
    const std::size_t n = labels.size, k = probs.cols;
    // numpy's pairwise mean depends on where each value sits in its class (docs/ALGORITHMS.md §2.4), so the
    // self-confidences are gathered in index order: one flat buffer, class after class. Rows in pieces on the
    // helper threads (src/core/parallel.hpp): each piece counts its labels per class, so it knows where its
    // values go in each class's run (after those of the pieces before it), and the buffer holds the same
    // values in the same places as one pass would fill it.
    constexpr std::size_t MIN_VALUES_PER_PIECE = std::size_t{1} << 18;
    const std::size_t pieces = k > 4096 ? 1 : tiered_pieces(parallel_pieces(n, n * k, MIN_VALUES_PER_PIECE), n, n * k);
    std::vector<std::size_t> next(pieces * k, 0);  // piece p, class c at [p * k + c]: first counts, then slots
    run_pieces(pieces, [&](std::size_t p) {
        std::size_t* count = next.data() + p * k;
        for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i)
            ++count[static_cast<std::size_t>(labels[i])];
    });
    std::vector<std::size_t> start(k + 1, 0);
    std::size_t at = 0;
    for (std::size_t c = 0; c < k; ++c) {
        start[c] = at;
        for (std::size_t p = 0; p < pieces; ++p) at += std::exchange(next[p * k + c], at);
    }
    start[k] = at;
    // Every slot is written below: no zero-fill first (a memset of 8 bytes a row, slow in WebAssembly).
    const std::unique_ptr<double[]> self_confidence(new double[n > 0 ? n : 1]);
    run_pieces(pieces, [&](std::size_t p) {
        std::size_t* slot = next.data() + p * k;
        for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i) {
            prefetch_label_value_ahead(labels, probs, i);
            const auto label = static_cast<std::size_t>(labels[i]);
            self_confidence[slot[label]++] = probs(i, label);
        }
    });
    std::vector<double> thresholds(k);
    for (std::size_t c = 0; c < k; ++c) {
        const std::size_t count = start[c + 1] - start[c];
        const double* values = self_confidence.get() + start[c];
        const double t = count == 0 ? T_MISSING : pairwise_sum(values, count) / static_cast<double>(count);
        thresholds[c] = std::max(t, T_FLOOR);
    }
    return thresholds;
}

template std::vector<double> confident_thresholds<double>(LabelsView, ProbsView<double>);
template std::vector<double> confident_thresholds<float>(LabelsView, ProbsView<float>);

}  // namespace labelscope
