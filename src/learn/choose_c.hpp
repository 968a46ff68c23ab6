// The automatic choice of C, one home for the single-label trainer (cross_val.cpp) and
// one-vs-rest (one_vs_rest.cpp); docs/ALGORITHMS.md §19.5.
//
// The first fold's training rows are split again into `folds` inner folds by the caller's fold
// builder. Inner splits (inner fold v held out, the rest trained on) are used in order, as many as
// the work budget allows (all of them on small data, where one split's held-out rows are few and
// its score noisy; at least one). On every split the grid C_GRID is fitted in increasing order with
// warm starts (at most PATH_ITERATIONS iterations per value); each C is scored by the held-out log
// loss summed over the splits' held-out rows, and the path stops at the first C that scores worse
// than the best so far. C = DEFAULT_C (scikit-learn's default) is the prior: the C with the lowest
// loss replaces it only if it scores lower by more than one standard error of the difference of the
// two sums (paired over the held-out rows), so C moves away from the default only on clear evidence.
// A path that stopped before reaching the default keeps its lowest C: the loss already rose on the
// way toward the default.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "learn/design.hpp"

namespace labelscope::learn {

constexpr double C_GRID[] = {0.001, 0.01, 0.1, 1.0, 10.0, 100.0};
// The prior C: the one chosen unless another scores lower by more than one standard error.
constexpr double DEFAULT_C = 1.0;
// Iterations per C value on the path (each fit starts from the previous C's solution).
constexpr int PATH_ITERATIONS = 50;
// Inner splits are added while their summed work (training rows x (dense columns + 1) + text
// entries, times the caller's cost per value) stays within this: all 5 splits for 10,000 x 30
// tabular rows with 3 classes or 3,000 short texts, one for 10,000 x 784 pixels.
constexpr double INNER_WORK_BUDGET = 4.0e6;

struct HeldOut {
    double loss = 0;   // log loss summed over the held-out rows (and classes, for one-vs-rest)
    double count = 0;  // the terms summed
    // Each held-out row's part of `loss`, in the split's order: the standard error of a difference
    // between two C's comes from these paired terms.
    std::vector<double> row_loss;
};

// One inner split's model(s) along the path: fit at c from the previous c's solution, then score
// the split's held-out rows.
class PathFit {
public:
    virtual ~PathFit() = default;
    virtual HeldOut fit_and_score(double c) = 0;
};

// Makes a split's PathFit. design: built on `train` only; it outlives the PathFit.
using MakePathFit = std::function<std::unique_ptr<PathFit>(
    const Design& design, const std::vector<std::uint32_t>& train, const std::vector<std::uint32_t>& valid)>;

struct ChosenC {
    double c = 0;
    double lowest = 0;  // the C with the lowest summed loss (c is DEFAULT_C instead when within one standard error)
    int splits = 0;     // inner splits scored
    std::string tried;  // "0.001, 0.01, 0.1"
};

// "; 0.1 scored lowest, by less than one standard error" when the rule kept a C nearer the default.
std::string lowest_note(const ChosenC& chosen);

// rows: the first fold's training rows; inner_fold[i] in [0, folds): the inner fold of rows[i].
// cost_per_value: the fits' relative cost per feature value (classes, or 2 x classes one-vs-rest).
ChosenC choose_c(const Features::Data& data, const std::vector<std::uint32_t>& rows, const std::vector<int>& inner_fold,
                 int folds, double cost_per_value, const MakePathFit& make);

}  // namespace labelscope::learn
