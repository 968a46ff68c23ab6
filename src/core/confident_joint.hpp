// Confident joint C (docs/ALGORITHMS.md §5) and its calibration (§6).
#pragma once

#include <vector>

#include "types.hpp"

namespace labelscope {

struct ConfidentJoint {
    CountMatrix uncalibrated;  // K x K: rows = given label, columns = guessed true label
    CountMatrix calibrated;    // rows sum to n_k, total N
    // Per example: the class the confident joint counted it under, or -1 if no class was confident.
    std::vector<std::int32_t> guess;
    // Examples counted off the diagonal (guess != given), in index order.
    IndexList off_diagonal;
};

// Computes everything above from given thresholds. No validation.
template <class T>
ConfidentJoint compute_confident_joint(LabelsView labels, ProbsView<T> probs, const std::vector<double>& thresholds);

// Convenience: thresholds from the data, then the joint (validated; cleanlab does not validate).
template <class T>
ConfidentJoint compute_confident_joint(LabelsView labels, ProbsView<T> probs);

// Calibrate a K x K count matrix to the label counts (docs/ALGORITHMS.md §6.1), rows via RoundPreservingSum.
CountMatrix calibrate_confident_joint(const CountMatrix& joint, const std::vector<std::int64_t>& label_counts);

}  // namespace labelscope
