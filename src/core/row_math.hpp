// Per-row helpers shared by label quality scores and OOD scores.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "numeric.hpp"
#include "portable_math.hpp"

namespace labelscope {

// adjust_pred_probs (docs/ALGORITHMS.md §9.4): p'_k = (p_k - t_k + max t) / row sum, in this operation order.
inline void adjust_row(double* row, std::size_t k, const std::vector<double>& thresholds, double max_threshold) {
    for (std::size_t j = 0; j < k; ++j) row[j] = row[j] - thresholds[j] + max_threshold;
    const double sum = pairwise_sum(row, k);
    for (std::size_t j = 0; j < k; ++j) row[j] /= sum;
}

// Normalised entropy H = -sum(xlogy(p, p)) / ln K (docs/ALGORITHMS.md §9.3). Values a hair outside [0, 1]
// (accepted with a warning by validation) are clamped: entropy is undefined for them, and
// cleanlab refuses them outright. `terms` is scratch space of length k.
inline double normalized_entropy(const double* p, std::size_t k, double* terms) {
    for (std::size_t j = 0; j < k; ++j) {
        const double x = std::min(std::max(p[j], 0.0), 1.0);
        terms[j] = x == 0.0 ? 0.0 : x * portable::log(x);
    }
    return -pairwise_sum(terms, k) / portable::log(static_cast<double>(k));
}

}  // namespace labelscope
