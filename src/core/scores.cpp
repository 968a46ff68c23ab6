#include "scores.hpp"

#include <algorithm>
#include <cmath>

#include "errors.hpp"
#include "keyed_index.hpp"
#include "keyed_sort.hpp"
#include "numeric.hpp"
#include "parallel.hpp"
#include "portable_math.hpp"
#include "prefetch.hpp"
#include "row_math.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {
namespace {

double normalized_margin_of(const double* p, std::size_t k, std::size_t y) {
    double other = -INFINITY;
    for (std::size_t j = 0; j < k; ++j)
        if (j != y && p[j] > other) other = p[j];
    return (p[y] - other + 1.0) / 2.0;  // subtract, add 1, halve (docs/ALGORITHMS.md §9.2)
}

double confidence_weighted_entropy_of(const double* p, std::size_t k, std::size_t y, double* terms) {
    const double h = normalized_entropy(p, k, terms);
    const double c = std::max(p[y], P_LOW);
    const double x = h / c;
    return portable::log(x + 1.0) / std::max(x, P_LOW);  // one-hot rows score 0 on purpose (docs/ALGORITHMS.md §9.3)
}

}  // namespace

template <class T>
std::vector<double> label_quality_scores(LabelsView labels, ProbsView<T> probs, ScoreOptions options,
                                         const std::vector<double>& thresholds) {
    const std::size_t n = probs.rows, k = probs.cols;
    double max_threshold = 0;
    if (options.adjust_pred_probs) max_threshold = *std::max_element(thresholds.begin(), thresholds.end());
    const bool given_only = options.method == ScoreMethod::self_confidence && !options.adjust_pred_probs;
    // Row i's score; `row` and `terms` are scratch space of k values.
    const auto score_of = [&](std::size_t i, double* row, double* terms) {
        if (given_only) {  // one value per row: no need to read (or copy) the rest of it
            prefetch_label_value_ahead(labels, probs, i);
            return static_cast<double>(probs(i, static_cast<std::size_t>(labels[i])));
        }
        const T* src = probs.row(i);
        for (std::size_t j = 0; j < k; ++j) row[j] = static_cast<double>(src[j]);
        if (options.adjust_pred_probs) adjust_row(row, k, thresholds, max_threshold);
        const auto y = static_cast<std::size_t>(labels[i]);
        switch (options.method) {
            case ScoreMethod::normalized_margin: return normalized_margin_of(row, k, y);
            case ScoreMethod::confidence_weighted_entropy: return confidence_weighted_entropy_of(row, k, y, terms);
            default: return row[y];
        }
    };
    // Rows in pieces on the helper threads (src/core/parallel.hpp): each row's score depends on that
    // row alone, so any split gives the same scores. On one thread the scores are appended, with no
    // zero-fill first (a memset, slow in WebAssembly).
    constexpr std::size_t MIN_VALUES_PER_PIECE = std::size_t{1} << 18;
    const std::size_t pieces = tiered_pieces(parallel_pieces(n, n * k, MIN_VALUES_PER_PIECE), n, n * k);
    std::vector<double> scores;
    if (pieces <= 1 || parallel_threads() < 2) {  // every piece on this thread, in order
        std::vector<double> row(k), terms(k);
        scores.reserve(n);
        run_pieces(pieces, [&](std::size_t p) {
            for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i)
                scores.push_back(score_of(i, row.data(), terms.data()));
        });
        return scores;
    }
    scores.resize(n);
    run_pieces(pieces, [&](std::size_t p) {
        std::vector<double> row(k), terms(k);
        for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i)
            scores[i] = score_of(i, row.data(), terms.data());
    });
    return scores;
}

void validate_score_options(ScoreOptions options) {
    if (options.method == ScoreMethod::confidence_weighted_entropy && options.adjust_pred_probs)
        throw LabelScopeError(ErrorCode::invalid_option,
                              "adjust_pred_probs is not supported for confidence_weighted_entropy (as in cleanlab). "
                              "Use self_confidence or normalized_margin, or turn adjust_pred_probs off.");
}

template <class T>
std::vector<double> get_label_quality_scores(LabelsView labels, ProbsView<T> probs, ScoreOptions options) {
    validate_inputs(labels, probs, ValidationOptions{false});
    validate_score_options(options);
    std::vector<double> thresholds;
    if (options.adjust_pred_probs) thresholds = confident_thresholds(labels, probs);
    return label_quality_scores(labels, probs, options, thresholds);
}

void sort_by_score(IndexList& indices, const std::vector<double>& scores) { sort_indices_by_key(indices, scores); }

IndexList lowest_scores(const std::vector<double>& scores, std::size_t m) {
    const std::size_t n = scores.size();
    m = std::min(m, n);
    std::vector<KeyedIndex> items(n);
    for (std::size_t i = 0; i < n; ++i) items[i] = {scores[i], static_cast<std::int32_t>(i)};
    std::nth_element(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(m), items.end(), KeyedLess{});
    IndexList out(m);
    for (std::size_t r = 0; r < m; ++r) out[r] = items[r].index;
    std::sort(out.begin(), out.end());
    return out;
}

template std::vector<double> label_quality_scores<double>(LabelsView, ProbsView<double>, ScoreOptions,
                                                          const std::vector<double>&);
template std::vector<double> label_quality_scores<float>(LabelsView, ProbsView<float>, ScoreOptions,
                                                         const std::vector<double>&);
template std::vector<double> get_label_quality_scores<double>(LabelsView, ProbsView<double>, ScoreOptions);
template std::vector<double> get_label_quality_scores<float>(LabelsView, ProbsView<float>, ScoreOptions);

}  // namespace labelscope
