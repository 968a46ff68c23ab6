#include "prune.hpp"

#include <algorithm>
#include <cmath>

#include "class_selections.hpp"
#include "numeric.hpp"

namespace labelscope {

RealMatrix prune_counts(const CountMatrix& joint, const FindIssuesOptions& options,
                        const std::vector<std::int64_t>& counts) {
    const std::size_t k = joint.rows;
    RealMatrix m(k, k);
    for (std::size_t j = 0; j < k; ++j)
        for (std::size_t c = 0; c < k; ++c) m(j, c) = static_cast<double>(joint(c, j));  // transpose

    // (a) keep at least min_examples_per_class on the diagonal of each column.
    const double keep = static_cast<double>(options.min_examples_per_class);
    for (std::size_t c = 0; c < k; ++c) {
        const double d = m(c, c), d_new = std::max(d, keep), delta = d_new - d;
        std::size_t nonzero = 0;
        for (std::size_t j = 0; j < k; ++j) nonzero += m(j, c) != 0.0;
        const double z = static_cast<double>(std::max<std::size_t>(nonzero > 0 ? nonzero - 1 : 0, 1));
        for (std::size_t j = 0; j < k; ++j) m(j, c) = std::max(m(j, c) - delta / z, 0.0);
        m(c, c) = d_new;
    }
    // (b) frac_noise: shrink off-diagonal counts, keep column totals, truncate toward zero.
    const double f = options.frac_noise;
    for (std::size_t c = 0; c < k; ++c) {
        double moved = 0;
        for (std::size_t j = 0; j < k; ++j) {
            if (j == c) continue;
            const double old = m(j, c);
            m(j, c) = old * f;
            moved += old - m(j, c);
        }
        m(c, c) += moved;
    }
    for (double& v : m.values) v = std::trunc(v);

    const auto& remove = options.num_to_remove_per_class;
    if (remove.empty()) return m;

    // num_to_remove_per_class replaces M (docs/ALGORITHMS.md §10.3, including cleanlab's row/column mix).
    std::vector<double> row_sum(k, 0.0);
    for (std::size_t r = 0; r < k; ++r) row_sum[r] = pairwise_sum(&m.values[r * k], k);
    RealMatrix psi(k, k);
    for (std::size_t j = 0; j < k; ++j)
        for (std::size_t c = 0; c < k; ++c) psi(j, c) = m(j, c) / row_sum[c];
    RealMatrix out(k, k);
    for (std::size_t j = 0; j < k; ++j) {
        const double nu = pairwise_sum(&psi.values[j * k], k) - psi(j, j);
        std::vector<double> row(k);
        for (std::size_t c = 0; c < k; ++c)
            row[c] =
                c == j ? static_cast<double>(counts[j] - remove[j]) : psi(j, c) * static_cast<double>(remove[j]) / nu;
        const std::vector<double> rounded = round_preserving_sum(row);
        // A non-finite count (0/0) means "prune nothing" for that cell.
        for (std::size_t c = 0; c < k; ++c) out(j, c) = std::isfinite(rounded[c]) ? rounded[c] : 0.0;
    }
    return out;
}

namespace {

// Classes the prune methods look at: more than min_examples_per_class examples, and never a
// class with a single example (cleanlab computes its flag and then drops it, docs/ALGORITHMS.md §10.7).
bool prunable(std::int64_t n_k, std::int64_t min_examples) { return n_k > min_examples && n_k > 1; }

// Per example, which method picked it (bits of one byte).
constexpr std::uint8_t PICKED_BY_NOISE = 1;  // prune_by_noise_rate
constexpr std::uint8_t PICKED_BY_CLASS = 2;  // prune_by_class

// What the prune methods will pick: selections ordered by class, and whole classes.
struct PrunePlan {
    std::vector<ClassSelection> selections;
    std::vector<std::uint8_t> whole_class;  // per class: PICKED_* bits every member gets
};

PrunePlan plan_prune(const RealMatrix& m, const std::vector<std::int64_t>& counts, FilterBy method,
                     std::int64_t min_examples) {
    const std::size_t k = m.rows;
    PrunePlan plan;
    plan.whole_class.assign(k, 0);
    for (std::size_t c = 0; c < k; ++c) {
        const std::int64_t n_k = counts[c];
        if (!prunable(n_k, min_examples)) continue;
        const auto n_real = static_cast<double>(n_k);
        if (method != FilterBy::prune_by_noise_rate) {
            // The n_k - M[k][k] lowest self-confidences.
            const double remove = n_real - m(c, c);
            if (remove >= n_real)
                plan.whole_class[c] |= PICKED_BY_CLASS;
            else if (remove >= 1)
                plan.selections.push_back({c, c, static_cast<std::size_t>(remove), PICKED_BY_CLASS});
        }
        if (method != FilterBy::prune_by_class) {
            // For each j, the M[j][k] largest margins P[i][j] - P[i][k]. M[j][k] >= n_k for any j
            // picks the whole class, and then the other selections add nothing.
            for (std::size_t j = 0; j < k; ++j)
                if (j != c && m(j, c) >= n_real) plan.whole_class[c] |= PICKED_BY_NOISE;
            for (std::size_t j = 0; j < k && !(plan.whole_class[c] & PICKED_BY_NOISE); ++j)
                if (j != c && m(j, c) >= 1)  // counts are whole numbers
                    plan.selections.push_back({c, j, static_cast<std::size_t>(m(j, c)), PICKED_BY_NOISE});
        }
    }
    return plan;
}

}  // namespace

template <class T>
Mask prune_flags(LabelsView labels, ProbsView<T> probs, const RealMatrix& m, const std::vector<std::int64_t>& counts,
                 FilterBy method, std::int64_t min_examples) {
    const std::size_t n = labels.size;
    const PrunePlan plan = plan_prune(m, counts, method, min_examples);
    Mask marks(n, 0);
    if (std::any_of(plan.whole_class.begin(), plan.whole_class.end(), [](std::uint8_t b) { return b != 0; }))
        for (std::size_t i = 0; i < n; ++i) marks[i] = plan.whole_class[static_cast<std::size_t>(labels[i])];
    select_in_classes(labels, probs, counts, plan.selections, marks);

    // Flagged: picked by the method (both: by each of the two).
    const std::uint8_t wanted = method == FilterBy::prune_by_noise_rate ? PICKED_BY_NOISE
                                : method == FilterBy::prune_by_class    ? PICKED_BY_CLASS
                                                                        : PICKED_BY_NOISE | PICKED_BY_CLASS;
    for (std::size_t i = 0; i < n; ++i) marks[i] = marks[i] == wanted;
    return marks;
}

template Mask prune_flags<double>(LabelsView, ProbsView<double>, const RealMatrix&, const std::vector<std::int64_t>&,
                                  FilterBy, std::int64_t);
template Mask prune_flags<float>(LabelsView, ProbsView<float>, const RealMatrix&, const std::vector<std::int64_t>&,
                                 FilterBy, std::int64_t);

}  // namespace labelscope
