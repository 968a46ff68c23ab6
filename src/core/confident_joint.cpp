#include "confident_joint.hpp"

#include "numeric.hpp"
#include "parallel.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {

template <class T>
ConfidentJoint compute_confident_joint(LabelsView labels, ProbsView<T> probs, const std::vector<double>& thresholds) {
    const std::size_t n = probs.rows, k = probs.cols;
    ConfidentJoint cj;
    cj.uncalibrated = CountMatrix(k, k, 0);
    cj.guess.assign(n, -1);

    // The comparison is P >= t - 1e-6 exactly as cleanlab evaluates it (docs/ALGORITHMS.md §5, §16.2 #1).
    std::vector<double> cutoff(k);
    for (std::size_t c = 0; c < k; ++c) cutoff[c] = thresholds[c] - EPS;

    // Rows in pieces on the helper threads (src/core/parallel.hpp): each piece counts into its own
    // matrix and list; integer counts add up the same in any order and the lists join in row order.
    // Pieces only while their K x K matrices stay small next to the data.
    constexpr std::size_t MIN_VALUES_PER_PIECE = std::size_t{1} << 18;
    const std::size_t pieces = k > 512 ? 1 : tiered_pieces(parallel_pieces(n, n * k, MIN_VALUES_PER_PIECE), n, n * k);
    std::vector<CountMatrix> counts(pieces > 1 ? pieces - 1 : 0, CountMatrix(k, k, 0));
    std::vector<IndexList> off(pieces);
    run_pieces(pieces, [&](std::size_t p) {
        CountMatrix& joint = p == 0 ? cj.uncalibrated : counts[p - 1];
        IndexList& off_diagonal = off[p];
        for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i) {
            const T* row = probs.row(i);
            std::size_t confident = 0, only = 0;
            for (std::size_t c = 0; c < k; ++c) {
                // Branch-free: which classes pass is unpredictable.
                const bool passes = static_cast<double>(row[c]) >= cutoff[c];
                confident += passes;
                only = passes ? c : only;
            }
            if (confident == 0) continue;
            // Several confident classes: the global argmax wins, even if it is not confident (§5 step 4).
            const std::size_t g = confident == 1 ? only : argmax_first(row, k);
            const auto given = static_cast<std::size_t>(labels[i]);
            cj.guess[i] = static_cast<std::int32_t>(g);
            ++joint(given, g);
            if (g != given) off_diagonal.push_back(static_cast<std::int32_t>(i));
        }
    });
    for (const CountMatrix& m : counts)
        for (std::size_t e = 0; e < m.values.size(); ++e) cj.uncalibrated.values[e] += m.values[e];
    for (const IndexList& l : off) cj.off_diagonal.insert(cj.off_diagonal.end(), l.begin(), l.end());
    for (std::size_t c = 0; c < k; ++c)
        if (cj.uncalibrated(c, c) < 1) cj.uncalibrated(c, c) = 1;

    cj.calibrated = calibrate_confident_joint(cj.uncalibrated, label_counts(labels, k));
    return cj;
}

template <class T>
ConfidentJoint compute_confident_joint(LabelsView labels, ProbsView<T> probs) {
    validate_inputs(labels, probs, ValidationOptions{false});
    return compute_confident_joint(labels, probs, confident_thresholds(labels, probs));
}

CountMatrix calibrate_confident_joint(const CountMatrix& joint, const std::vector<std::int64_t>& label_counts) {
    const std::size_t k = joint.rows;
    // a(r, c) = joint(r, c) / denom[r] * n_r, computed twice (for its sum, then per row) rather than
    // kept: no K x K array of doubles (800 MB at K = 10,000), and the same bits.
    std::vector<double> denom(k);
    double total_labels = 0;
    PairwiseSum a_total;
    for (std::size_t r = 0; r < k; ++r) {
        double row_sum = 0;
        for (std::size_t c = 0; c < k; ++c) row_sum += static_cast<double>(joint(r, c));  // integers: exact
        denom[r] = std::max(row_sum, TINY);
        // Divide, then multiply: this order reproduces cleanlab bit for bit (docs/ALGORITHMS.md §6.1).
        for (std::size_t c = 0; c < k; ++c)
            a_total.add((static_cast<double>(joint(r, c)) / denom[r]) * static_cast<double>(label_counts[r]));
        total_labels += static_cast<double>(label_counts[r]);
    }
    const double a_sum = std::max(a_total.result(), TINY);
    CountMatrix calibrated(k, k, 0);
    std::vector<double> row(k);
    for (std::size_t r = 0; r < k; ++r) {
        for (std::size_t c = 0; c < k; ++c) {
            const double a = (static_cast<double>(joint(r, c)) / denom[r]) * static_cast<double>(label_counts[r]);
            row[c] = (a / a_sum) * total_labels;
        }
        const std::vector<double> rounded = round_preserving_sum(row);
        for (std::size_t c = 0; c < k; ++c) calibrated(r, c) = static_cast<std::int64_t>(rounded[c]);
    }
    return calibrated;
}

template ConfidentJoint compute_confident_joint<double>(LabelsView, ProbsView<double>, const std::vector<double>&);
template ConfidentJoint compute_confident_joint<float>(LabelsView, ProbsView<float>, const std::vector<double>&);
template ConfidentJoint compute_confident_joint<double>(LabelsView, ProbsView<double>);
template ConfidentJoint compute_confident_joint<float>(LabelsView, ProbsView<float>);

}  // namespace labelscope
