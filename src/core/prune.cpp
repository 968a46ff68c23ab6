#include "prune.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "class_selections.hpp"
#include "numeric.hpp"

namespace labelscope {

namespace {

// Column c of M (col[j] = M[j][c]) from row c of the joint. Steps (a), (b) and the truncation each
// touch one column at a time, so a column needs no other: M is never needed whole (800 MB of
// doubles at K = 10,000) unless num_to_remove_per_class mixes rows and columns.
void prune_column(const CountMatrix& joint, std::size_t c, const FindIssuesOptions& options, std::vector<double>& col) {
    const std::size_t k = joint.rows;
    for (std::size_t j = 0; j < k; ++j) col[j] = static_cast<double>(joint(c, j));  // transpose
    // (a) keep at least min_examples_per_class on the diagonal of each column.
    const double keep = static_cast<double>(options.min_examples_per_class);
    const double d = col[c], d_new = std::max(d, keep), delta = d_new - d;
    std::size_t nonzero = 0;
    for (std::size_t j = 0; j < k; ++j) nonzero += col[j] != 0.0;
    const double z = static_cast<double>(std::max<std::size_t>(nonzero > 0 ? nonzero - 1 : 0, 1));
    for (std::size_t j = 0; j < k; ++j) col[j] = std::max(col[j] - delta / z, 0.0);
    col[c] = d_new;
    // (b) frac_noise: shrink off-diagonal counts, keep column totals, truncate toward zero.
    const double f = options.frac_noise;
    double moved = 0;
    for (std::size_t j = 0; j < k; ++j) {
        if (j == c) continue;
        const double old = col[j];
        col[j] = old * f;
        moved += old - col[j];
    }
    col[c] += moved;
    for (double& v : col) v = std::trunc(v);
}

}  // namespace

RealMatrix prune_counts(const CountMatrix& joint, const FindIssuesOptions& options,
                        const std::vector<std::int64_t>& counts) {
    const std::size_t k = joint.rows;
    RealMatrix m(k, k);
    std::vector<double> col(k);
    for (std::size_t c = 0; c < k; ++c) {
        prune_column(joint, c, options, col);
        for (std::size_t j = 0; j < k; ++j) m(j, c) = col[j];
    }

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

// column(c, col) fills col[j] = M[j][c].
PrunePlan plan_prune(std::size_t k, const std::function<void(std::size_t, std::vector<double>&)>& column,
                     const std::vector<std::int64_t>& counts, FilterBy method, std::int64_t min_examples) {
    PrunePlan plan;
    plan.whole_class.assign(k, 0);
    std::vector<double> col(k);
    for (std::size_t c = 0; c < k; ++c) {
        const std::int64_t n_k = counts[c];
        if (!prunable(n_k, min_examples)) continue;
        column(c, col);
        const auto n_real = static_cast<double>(n_k);
        if (method != FilterBy::prune_by_noise_rate) {
            // The n_k - M[k][k] lowest self-confidences.
            const double remove = n_real - col[c];
            if (remove >= n_real)
                plan.whole_class[c] |= PICKED_BY_CLASS;
            else if (remove >= 1)
                plan.selections.push_back({c, c, static_cast<std::size_t>(remove), PICKED_BY_CLASS});
        }
        if (method != FilterBy::prune_by_class) {
            // For each j, the M[j][k] largest margins P[i][j] - P[i][k]. M[j][k] >= n_k for any j
            // picks the whole class, and then the other selections add nothing.
            for (std::size_t j = 0; j < k; ++j)
                if (j != c && col[j] >= n_real) plan.whole_class[c] |= PICKED_BY_NOISE;
            for (std::size_t j = 0; j < k && !(plan.whole_class[c] & PICKED_BY_NOISE); ++j)
                if (j != c && col[j] >= 1)  // counts are whole numbers
                    plan.selections.push_back({c, j, static_cast<std::size_t>(col[j]), PICKED_BY_NOISE});
        }
    }
    return plan;
}

template <class T>
Mask flags_of_plan(LabelsView labels, ProbsView<T> probs, const PrunePlan& plan,
                   const std::vector<std::int64_t>& counts, FilterBy method) {
    const std::size_t n = labels.size;
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

}  // namespace

template <class T>
Mask prune_flags(LabelsView labels, ProbsView<T> probs, const RealMatrix& m, const std::vector<std::int64_t>& counts,
                 FilterBy method, std::int64_t min_examples) {
    const auto column = [&m](std::size_t c, std::vector<double>& col) {
        for (std::size_t j = 0; j < m.rows; ++j) col[j] = m(j, c);
    };
    return flags_of_plan(labels, probs, plan_prune(m.rows, column, counts, method, min_examples), counts, method);
}

template <class T>
Mask prune_flags(LabelsView labels, ProbsView<T> probs, const CountMatrix& joint, const FindIssuesOptions& options,
                 const std::vector<std::int64_t>& counts) {
    if (!options.num_to_remove_per_class.empty())
        return prune_flags(labels, probs, prune_counts(joint, options, counts), counts, options.filter_by,
                           options.min_examples_per_class);
    const auto column = [&](std::size_t c, std::vector<double>& col) { prune_column(joint, c, options, col); };
    const PrunePlan plan = plan_prune(joint.rows, column, counts, options.filter_by, options.min_examples_per_class);
    return flags_of_plan(labels, probs, plan, counts, options.filter_by);
}

template Mask prune_flags<double>(LabelsView, ProbsView<double>, const RealMatrix&, const std::vector<std::int64_t>&,
                                  FilterBy, std::int64_t);
template Mask prune_flags<double>(LabelsView, ProbsView<double>, const CountMatrix&, const FindIssuesOptions&,
                                  const std::vector<std::int64_t>&);
template Mask prune_flags<float>(LabelsView, ProbsView<float>, const CountMatrix&, const FindIssuesOptions&,
                                 const std::vector<std::int64_t>&);
template Mask prune_flags<float>(LabelsView, ProbsView<float>, const RealMatrix&, const std::vector<std::int64_t>&,
                                 FilterBy, std::int64_t);

}  // namespace labelscope
