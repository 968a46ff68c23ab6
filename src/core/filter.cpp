#include "filter.hpp"

#include <algorithm>
#include <string>

#include "errors.hpp"
#include "num_issues.hpp"
#include "numeric.hpp"
#include "parallel.hpp"
#include "prune.hpp"
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

template <class T>
Mask find_label_issues_from(LabelsView labels, ProbsView<T> probs, const FindIssuesOptions& options,
                            const std::vector<std::int64_t>& counts, const ConfidentJoint& cj) {
    const std::size_t n = probs.rows, k = probs.cols;
    const FilterBy method = options.filter_by;

    if (method == FilterBy::low_self_confidence || method == FilterBy::low_normalized_margin) {
        // Flag as many as the default num_label_issues, lowest scores first; no reduce step.
        Mask flags(n, 0);
        const std::size_t m = static_cast<std::size_t>(count_off_diagonal_issues(labels, probs, cj));
        const ScoreOptions score{
            method == FilterBy::low_self_confidence ? ScoreMethod::self_confidence : ScoreMethod::normalized_margin,
            false};
        for (std::int32_t i : lowest_scores(label_quality_scores(labels, probs, score, {}), m))
            flags[static_cast<std::size_t>(i)] = 1;
        return flags;
    }

    Mask flags;
    if (method == FilterBy::confident_learning) {
        flags.assign(n, 0);
        for (std::int32_t i : cj.off_diagonal) flags[static_cast<std::size_t>(i)] = 1;
    } else if (method == FilterBy::predicted_neq_given) {
        flags.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            flags[i] = static_cast<std::int32_t>(argmax_first(probs.row(i), k)) != labels[i];
    } else {
        const CountMatrix& joint = options.confident_joint != nullptr ? *options.confident_joint : cj.calibrated;
        flags = prune_flags(labels, probs, joint, options, counts);
    }
    // Reduce step (docs/ALGORITHMS.md §10.9): never flag an example whose given label wins with a 1e-6 bonus.
    apply_reduce_step(labels, probs, flags);
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

// Options that the chosen method ignores (cleanlab warns about them too, docs/ALGORITHMS.md §10.1).
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
    // In pieces on the helper threads (src/core/parallel.hpp): each counts its flagged rows, then
    // writes them after those of the pieces before it.
    const std::size_t n = mask.size();
    constexpr std::size_t MIN_ROWS_PER_PIECE = std::size_t{1} << 20;  // ~1 ms of work: only big masks
    const std::size_t pieces = parallel_pieces(n, n, MIN_ROWS_PER_PIECE);
    std::vector<std::size_t> start(pieces + 1, 0);
    run_pieces(pieces, [&](std::size_t p) {
        const auto first = mask.begin() + static_cast<std::ptrdiff_t>(piece_begin(n, pieces, p));
        const auto last = mask.begin() + static_cast<std::ptrdiff_t>(piece_begin(n, pieces, p + 1));
        start[p + 1] = static_cast<std::size_t>(std::count_if(first, last, [](std::uint8_t f) { return f != 0; }));
    });
    for (std::size_t p = 0; p < pieces; ++p) start[p + 1] += start[p];
    IndexList out(start[pieces]);  // sized once: N can be millions
    run_pieces(pieces, [&](std::size_t p) {
        std::size_t at = start[p];
        for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i)
            if (mask[i]) out[at++] = static_cast<std::int32_t>(i);
    });
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
