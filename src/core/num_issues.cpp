#include "num_issues.hpp"

#include "latent.hpp"
#include "numeric.hpp"
#include "parallel.hpp"
#include "prefetch.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {

// Both loops below test rows on their own: in pieces on the helper threads (src/core/parallel.hpp),
// integer counts adding up (and flags cleared) the same whoever tests which row.
constexpr std::size_t MIN_ROWS_PER_PIECE = std::size_t{1} << 14;

template <class T>
std::int64_t count_off_diagonal_issues(LabelsView labels, ProbsView<T> probs, const ConfidentJoint& cj) {
    const IndexList& rows = cj.off_diagonal;
    const std::size_t m = rows.size();
    const std::size_t pieces =
        tiered_pieces(parallel_pieces(m, m * probs.cols, MIN_ROWS_PER_PIECE * probs.cols), m, m * probs.cols);
    std::vector<std::int64_t> counts(pieces, 0);
    run_pieces(pieces, [&](std::size_t p) {
        std::int64_t count = 0;
        for (std::size_t r = piece_begin(m, pieces, p), end = piece_begin(m, pieces, p + 1); r < end; ++r) {
            if (r + PREFETCH_DISTANCE < end) prefetch_row(probs, static_cast<std::size_t>(rows[r + PREFETCH_DISTANCE]));
            const auto i = static_cast<std::size_t>(rows[r]);
            if (!given_label_wins_with_bonus(probs.row(i), probs.cols, labels[i])) ++count;
        }
        counts[p] = count;
    });
    std::int64_t count = 0;
    for (std::int64_t c : counts) count += c;
    return count;
}

template <class T>
void apply_reduce_step(LabelsView labels, ProbsView<T> probs, Mask& flags) {
    const std::size_t n = flags.size();
    const std::size_t pieces = tiered_pieces(parallel_pieces(n, n, MIN_ROWS_PER_PIECE * 16), n, n * probs.cols);
    run_pieces(pieces, [&](std::size_t p) {
        // In batches: find the next flagged rows and request them, then test them.
        std::size_t batch[PREFETCH_DISTANCE];
        for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end;) {
            std::size_t m = 0;
            for (; i < end && m < PREFETCH_DISTANCE; ++i) {
                if (!flags[i]) continue;
                batch[m++] = i;
                prefetch_row(probs, i);
            }
            for (std::size_t r = 0; r < m; ++r)
                if (given_label_wins_with_bonus(probs.row(batch[r]), probs.cols, labels[batch[r]])) flags[batch[r]] = 0;
        }
    });
}

namespace {

std::int64_t off_diagonal_of_calibrated(const CountMatrix& joint, const std::vector<std::int64_t>& counts,
                                        std::size_t n) {
    const RealMatrix q = estimate_joint_from_confident_joint(joint, counts);
    double trace = 0;
    for (std::size_t c = 0; c < q.rows; ++c) trace += q(c, c);
    return static_cast<std::int64_t>(round_half_even((1.0 - trace) * static_cast<double>(n)));
}

}  // namespace

template <class T>
std::int64_t num_label_issues(LabelsView labels, ProbsView<T> probs, EstimationMethod method,
                              const CountMatrix* custom_joint) {
    validate_inputs(labels, probs);
    const std::size_t k = probs.cols;
    const auto counts = label_counts(labels, k);
    if (method == EstimationMethod::off_diagonal_custom) {
        if (custom_joint == nullptr || custom_joint->rows != k || custom_joint->cols != k)
            throw LabelScopeError(ErrorCode::invalid_option,
                                  "estimation_method 'off_diagonal_custom' needs a confident joint of shape " +
                                      std::to_string(k) + " x " + std::to_string(k) + ".");
        return off_diagonal_of_calibrated(*custom_joint, counts, probs.rows);
    }
    const ConfidentJoint cj = compute_confident_joint(labels, probs, confident_thresholds(labels, probs));
    if (method == EstimationMethod::off_diagonal_calibrated)
        return off_diagonal_of_calibrated(cj.calibrated, counts, probs.rows);  // calibrated twice, as cleanlab
    return count_off_diagonal_issues(labels, probs, cj);
}

template std::int64_t count_off_diagonal_issues<double>(LabelsView, ProbsView<double>, const ConfidentJoint&);
template std::int64_t count_off_diagonal_issues<float>(LabelsView, ProbsView<float>, const ConfidentJoint&);
template void apply_reduce_step<double>(LabelsView, ProbsView<double>, Mask&);
template void apply_reduce_step<float>(LabelsView, ProbsView<float>, Mask&);
template std::int64_t num_label_issues<double>(LabelsView, ProbsView<double>, EstimationMethod, const CountMatrix*);
template std::int64_t num_label_issues<float>(LabelsView, ProbsView<float>, EstimationMethod, const CountMatrix*);

}  // namespace labelscope
