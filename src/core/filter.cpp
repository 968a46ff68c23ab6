#include "filter.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "errors.hpp"
#include "num_issues.hpp"
#include "numeric.hpp"
#include "scores.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {

void validate_find_options(const FindIssuesOptions& options, std::size_t k) {
    if (!(options.frac_noise > 0.0 && options.frac_noise <= 1.0))
        throw LabelScopeError(ErrorCode::invalid_option,
                              "frac_noise must be in (0, 1] (the fraction of the estimated issues to return); got " +
                                  format_number(options.frac_noise) + ".");
    if (options.min_examples_per_class < 0)
        throw LabelScopeError(ErrorCode::invalid_option, "min_examples_per_class must be >= 0; got " +
                                                             std::to_string(options.min_examples_per_class) + ".");
    if (!options.num_to_remove_per_class.empty()) {
        if (!is_prune_method(options.filter_by))
            throw LabelScopeError(ErrorCode::invalid_option,
                                  std::string("num_to_remove_per_class only works with prune_by_noise_rate, "
                                              "prune_by_class or both, not with ") +
                                      to_string(options.filter_by) + ".");
        if (options.num_to_remove_per_class.size() != k)
            throw LabelScopeError(ErrorCode::invalid_option,
                                  "num_to_remove_per_class needs one count per class (" + std::to_string(k) +
                                      "), got " + std::to_string(options.num_to_remove_per_class.size()) + ".");
        for (std::size_t c = 0; c < k; ++c)
            if (options.num_to_remove_per_class[c] < 0)
                throw LabelScopeError(ErrorCode::invalid_option,
                                      "num_to_remove_per_class[" + std::to_string(c) + "] is negative.", -1,
                                      static_cast<std::int64_t>(c));
    }
    if (options.confident_joint != nullptr &&
        (options.confident_joint->rows != k || options.confident_joint->cols != k))
        throw LabelScopeError(ErrorCode::invalid_option,
                              "confident_joint must be " + std::to_string(k) + " x " + std::to_string(k) + ".");
}

namespace {

// Examples of each given class, in index order.
std::vector<IndexList> members_by_class(LabelsView labels, std::size_t k) {
    std::vector<IndexList> members(k);
    for (std::size_t i = 0; i < labels.size; ++i)
        members[static_cast<std::size_t>(labels[i])].push_back(static_cast<std::int32_t>(i));
    return members;
}

// Prune-count matrix M (SPEC §9.2–9.3): M[j][k] examples given k that truly belong to j.
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

    // num_to_remove_per_class replaces M (SPEC §9.3, including cleanlab's row/column mix).
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
            row[c] = c == j ? static_cast<double>(counts[j] - remove[j])
                            : psi(j, c) * static_cast<double>(remove[j]) / nu;
        const std::vector<double> rounded = round_preserving_sum(row);
        // A non-finite count (0/0) means "prune nothing" for that cell.
        for (std::size_t c = 0; c < k; ++c) out(j, c) = std::isfinite(rounded[c]) ? rounded[c] : 0.0;
    }
    return out;
}

// Classes the prune methods look at: more than min_examples_per_class examples, and never a
// class with a single example (cleanlab computes its flag and then drops it, SPEC §9.7).
bool prunable(std::int64_t n_k, std::int64_t min_examples) { return n_k > min_examples && n_k > 1; }

template <class T>
void prune_by_class(ProbsView<T> probs, const RealMatrix& m, const std::vector<IndexList>& members,
                    std::int64_t min_examples, Mask& flags) {
    std::vector<double> key(probs.rows);
    for (std::size_t c = 0; c < members.size(); ++c) {
        const IndexList& ids = members[c];
        const auto n_k = static_cast<std::int64_t>(ids.size());
        if (!prunable(n_k, min_examples)) continue;
        const auto remove = static_cast<std::int64_t>(static_cast<double>(n_k) - m(c, c));
        if (remove < 1) continue;
        // Lowest self-confidence first, ties by index.
        IndexList order = ids;
        for (std::int32_t i : ids) key[static_cast<std::size_t>(i)] = probs(static_cast<std::size_t>(i), c);
        const auto cut = static_cast<std::size_t>(std::min(remove, n_k));
        auto less = [&](std::int32_t a, std::int32_t b) {
            const double ka = key[static_cast<std::size_t>(a)], kb = key[static_cast<std::size_t>(b)];
            return ka < kb || (ka == kb && a < b);
        };
        std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(cut) - 1, order.end(), less);
        for (std::size_t r = 0; r < cut; ++r) flags[static_cast<std::size_t>(order[r])] = 1;
    }
}

template <class T>
void prune_by_noise_rate(ProbsView<T> probs, const RealMatrix& m, const std::vector<IndexList>& members,
                         std::int64_t min_examples, Mask& flags) {
    const std::size_t k = probs.cols;
    std::vector<double> key(probs.rows);
    for (std::size_t c = 0; c < k; ++c) {
        const IndexList& ids = members[c];
        const auto n_k = static_cast<std::int64_t>(ids.size());
        if (!prunable(n_k, min_examples)) continue;
        for (std::size_t j = 0; j < k; ++j) {
            if (j == c || !(m(j, c) > 0.0)) continue;
            const auto count = static_cast<std::int64_t>(m(j, c));
            if (count >= n_k) {
                for (std::int32_t i : ids) flags[static_cast<std::size_t>(i)] = 1;
                continue;
            }
            // Largest margin P[i][j] - P[i][c] first (ascending negated margin), ties by index.
            for (std::int32_t i : ids) {
                const auto ii = static_cast<std::size_t>(i);
                key[ii] = -(probs(ii, j) - probs(ii, c));
            }
            IndexList order = ids;
            auto less = [&](std::int32_t a, std::int32_t b) {
                const double ka = key[static_cast<std::size_t>(a)], kb = key[static_cast<std::size_t>(b)];
                return ka < kb || (ka == kb && a < b);
            };
            const auto cut = static_cast<std::size_t>(count);
            std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(cut) - 1, order.end(), less);
            for (std::size_t r = 0; r < cut; ++r) flags[static_cast<std::size_t>(order[r])] = 1;
        }
    }
}

}  // namespace

template <class T>
Mask find_label_issues_from(LabelsView labels, ProbsView<T> probs, const FindIssuesOptions& options,
                            const std::vector<std::int64_t>& counts, const ConfidentJoint& cj) {
    const std::size_t n = probs.rows, k = probs.cols;
    Mask flags(n, 0);
    const FilterBy method = options.filter_by;

    if (method == FilterBy::low_self_confidence || method == FilterBy::low_normalized_margin) {
        // Flag as many as the default num_label_issues, lowest scores first; no reduce step.
        const std::size_t m = static_cast<std::size_t>(count_off_diagonal_issues(labels, probs, cj));
        const ScoreOptions score{method == FilterBy::low_self_confidence ? ScoreMethod::self_confidence
                                                                         : ScoreMethod::normalized_margin,
                                 false};
        for (std::int32_t i : lowest_scores(label_quality_scores(labels, probs, score, {}), m))
            flags[static_cast<std::size_t>(i)] = 1;
        return flags;
    }

    if (method == FilterBy::confident_learning) {
        for (std::int32_t i : cj.off_diagonal) flags[static_cast<std::size_t>(i)] = 1;
    } else if (method == FilterBy::predicted_neq_given) {
        for (std::size_t i = 0; i < n; ++i)
            flags[i] = static_cast<std::int32_t>(argmax_first(probs.row(i), k)) != labels[i];
    } else {
        const CountMatrix& joint = options.confident_joint != nullptr ? *options.confident_joint : cj.calibrated;
        const RealMatrix m = prune_counts(joint, options, counts);
        const auto members = members_by_class(labels, k);
        const std::int64_t min_examples = options.min_examples_per_class;
        if (method == FilterBy::prune_by_class) {
            prune_by_class(probs, m, members, min_examples, flags);
        } else if (method == FilterBy::prune_by_noise_rate) {
            prune_by_noise_rate(probs, m, members, min_examples, flags);
        } else {  // both
            Mask by_class(n, 0);
            prune_by_class(probs, m, members, min_examples, by_class);
            prune_by_noise_rate(probs, m, members, min_examples, flags);
            for (std::size_t i = 0; i < n; ++i) flags[i] = flags[i] && by_class[i];
        }
    }
    // Reduce step (SPEC §9.9): never flag an example whose given label wins with a 1e-6 bonus.
    for (std::size_t i = 0; i < n; ++i)
        if (flags[i] && given_label_wins_with_bonus(probs.row(i), k, labels[i])) flags[i] = 0;
    return flags;
}

template <class T>
Mask find_label_issues(LabelsView labels, ProbsView<T> probs, const FindIssuesOptions& options) {
    validate_inputs(labels, probs);
    validate_find_options(options, probs.cols);
    const ConfidentJoint cj = compute_confident_joint(labels, probs, confident_thresholds(labels, probs));
    return find_label_issues_from(labels, probs, options, label_counts(labels, probs.cols), cj);
}

template <class T>
IndexList find_label_issues_ranked(LabelsView labels, ProbsView<T> probs, const FindIssuesOptions& options,
                                   ScoreOptions rank_by) {
    // Validate and compute the thresholds once for both the flags and the ranking scores.
    validate_inputs(labels, probs);
    validate_find_options(options, probs.cols);
    validate_score_options(rank_by);
    const std::vector<double> thresholds = confident_thresholds(labels, probs);
    const ConfidentJoint cj = compute_confident_joint(labels, probs, thresholds);
    IndexList indices =
        mask_to_indices(find_label_issues_from(labels, probs, options, label_counts(labels, probs.cols), cj));
    sort_by_score(indices, label_quality_scores(labels, probs, rank_by, thresholds));
    return indices;
}

namespace {

void warn_small_classes(const std::vector<std::int64_t>& counts, const FindIssuesOptions& options, Warnings& out) {
    if (!is_prune_method(options.filter_by)) return;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] > options.min_examples_per_class && counts[c] > 1) continue;
        out.push_back({WarningCode::class_too_small,
                       "Class " + std::to_string(c) + " has " + std::to_string(counts[c]) +
                           " example(s), too few for " + to_string(options.filter_by) +
                           " to flag any of them (min_examples_per_class = " +
                           std::to_string(options.min_examples_per_class) + ").",
                       counts[c], -1, static_cast<std::int64_t>(c)});
    }
}

// Options that the chosen method ignores (cleanlab warns about them too, SPEC §9.1).
void warn_ignored_options(const FindIssuesOptions& options, Warnings& out) {
    const char* method = to_string(options.filter_by);
    if (!is_prune_method(options.filter_by) && options.frac_noise != 1.0)
        out.push_back({WarningCode::option_ignored,
                       std::string("frac_noise only applies to the prune methods; ") + method + " ignores it.", 0, -1,
                       -1});
    if (options.filter_by == FilterBy::confident_learning && options.confident_joint != nullptr)
        out.push_back({WarningCode::option_ignored,
                       "confident_learning recomputes the confident joint from the data; the given confident_joint "
                       "is ignored.",
                       0, -1, -1});
}


}  // namespace

Warnings find_issues_warnings(const std::vector<std::int64_t>& label_counts, const FindIssuesOptions& options) {
    Warnings out;
    warn_small_classes(label_counts, options, out);
    warn_ignored_options(options, out);
    return out;
}

IndexList mask_to_indices(const Mask& mask) {
    IndexList out;
    for (std::size_t i = 0; i < mask.size(); ++i)
        if (mask[i]) out.push_back(static_cast<std::int32_t>(i));
    return out;
}

template Mask find_label_issues<double>(LabelsView, ProbsView<double>, const FindIssuesOptions&);
template Mask find_label_issues<float>(LabelsView, ProbsView<float>, const FindIssuesOptions&);
template IndexList find_label_issues_ranked<double>(LabelsView, ProbsView<double>, const FindIssuesOptions&,
                                                    ScoreOptions);
template IndexList find_label_issues_ranked<float>(LabelsView, ProbsView<float>, const FindIssuesOptions&,
                                                   ScoreOptions);
template Mask find_label_issues_from<double>(LabelsView, ProbsView<double>, const FindIssuesOptions&,
                                             const std::vector<std::int64_t>&, const ConfidentJoint&);
template Mask find_label_issues_from<float>(LabelsView, ProbsView<float>, const FindIssuesOptions&,
                                            const std::vector<std::int64_t>&, const ConfidentJoint&);

}  // namespace labelscope
