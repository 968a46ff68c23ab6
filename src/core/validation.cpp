#include "validation.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "label_classes.hpp"
#include "numeric.hpp"
#include "parallel.hpp"

namespace labelscope {
namespace {

// Rows whose sum is further than this from 1 are reported (float32 softmax output stays well inside).
constexpr double ROW_SUM_TOLERANCE = 1e-3;

void check_shape(std::size_t num_labels, std::size_t rows, std::size_t cols, bool have_labels) {
    if (rows == 0)
        throw LabelScopeError(ErrorCode::empty_input,
                              "pred_probs has no rows: there are no examples to analyse. Provide at least one "
                              "example (one row of predicted probabilities per labelled example).");
    if (cols < 2)
        throw LabelScopeError(ErrorCode::too_few_classes,
                              "pred_probs has " + std::to_string(cols) +
                                  " column(s) but needs one column per class and at least 2 classes. Check that "
                                  "the file holds the model's probabilities for every class, not just one score.");
    if (rows > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        throw LabelScopeError(ErrorCode::too_many_examples,
                              "pred_probs has " + std::to_string(rows) +
                                  " rows; labelscope handles at most 2147483647 examples. Split the dataset.");
    if (have_labels && num_labels != rows)
        throw LabelScopeError(ErrorCode::length_mismatch,
                              "labels has " + std::to_string(num_labels) + " entries but pred_probs has " +
                                  std::to_string(rows) +
                                  " rows. Both must describe the same examples in the same order; check that "
                                  "neither file has extra or missing rows.");
}

// What check_rows found in a range of rows; ranges combine in row order (combine below).
struct ValueStats {
    std::int64_t slightly_outside = 0, first_outside = -1;
    double worst_outside = 0;
    std::int64_t unnormalized = 0, first_unnormalized = -1;
    double first_unnormalized_sum = 0;

    void combine(const ValueStats& later) {
        slightly_outside += later.slightly_outside;
        if (first_outside < 0) first_outside = later.first_outside;
        if (later.worst_outside > worst_outside) worst_outside = later.worst_outside;
        unnormalized += later.unnormalized;
        if (first_unnormalized < 0) {
            first_unnormalized = later.first_unnormalized;
            first_unnormalized_sum = later.first_unnormalized_sum;
        }
    }
};

// Rows [begin, end): throws at the first bad value, as one pass over every row would.
template <class T>
ValueStats check_rows(ProbsView<T> probs, std::size_t begin, std::size_t end) {
    const std::size_t k = probs.cols;
    std::int64_t slightly_outside = 0, first_outside = -1;
    double worst_outside = 0;
    std::int64_t unnormalized = 0, first_unnormalized = -1;
    double first_unnormalized_sum = 0;
    const auto note_sum = [&](std::size_t i, double sum) {
        if (std::fabs(sum - 1.0) > ROW_SUM_TOLERANCE) {
            if (first_unnormalized < 0) {
                first_unnormalized = static_cast<std::int64_t>(i);
                first_unnormalized_sum = sum;
            }
            ++unnormalized;
        }
    };
    for (std::size_t i = begin; i < end; ++i) {
        // Fastest path: two rows at a time whose values all lie in [0, 1], each row's sum the same
        // additions in the same order as below, in two chains the processor overlaps (a row's
        // additions wait on one another: one row at a time ran at half the speed).
        if (i + 1 < end) {
            const T* a = probs.row(i);
            const T* b = probs.row(i + 1);
            double sum_a = 0, sum_b = 0;
            bool in_unit = true;
            for (std::size_t j = 0; j < k; ++j) {
                const double v = static_cast<double>(a[j]), w = static_cast<double>(b[j]);
                in_unit &= (v >= 0.0) & (v <= 1.0) & (w >= 0.0) & (w <= 1.0);
                sum_a += v;
                sum_b += w;
            }
            if (in_unit) {
                note_sum(i, sum_a);
                note_sum(i + 1, sum_b);
                ++i;
                continue;
            }
        }
        const T* row = probs.row(i);
        double sum = 0;
        // Fast path: a row whose values all lie in [0, 1] (false for NaN too) needs only its sum,
        // the same additions in the same order as below. Branch-free, it runs ~3x faster in WASM.
        bool in_unit = true;
        for (std::size_t j = 0; j < k; ++j) {
            const double v = static_cast<double>(row[j]);
            in_unit &= (v >= 0.0) & (v <= 1.0);
            sum += v;
        }
        if (!in_unit) sum = 0;
        bool outside = false;
        for (std::size_t j = 0; j < k && !in_unit; ++j) {
            const double v = static_cast<double>(row[j]);
            if (!std::isfinite(v))
                throw LabelScopeError(ErrorCode::non_finite,
                                      "pred_probs[" + std::to_string(i) + "][" + std::to_string(j) + "] is " +
                                          format_number(v) + " (example " + std::to_string(i) + ", class " +
                                          std::to_string(j) +
                                          "). Predicted probabilities must be finite numbers between 0 and 1; "
                                          "fix or drop this example's row in the model output.",
                                      static_cast<std::int64_t>(i), static_cast<std::int64_t>(j));
            if (v < 0.0 || v > 1.0) {
                if (v < -RANGE_TOLERANCE || v > 1.0 + RANGE_TOLERANCE)
                    throw LabelScopeError(
                        ErrorCode::out_of_range,
                        "pred_probs[" + std::to_string(i) + "][" + std::to_string(j) + "] is " + format_number(v) +
                            " (example " + std::to_string(i) + ", class " + std::to_string(j) +
                            "), outside [0, 1]. These look like scores or logits, not probabilities: apply "
                            "softmax to the model output first.",
                        static_cast<std::int64_t>(i), static_cast<std::int64_t>(j));
                if (!outside) {
                    outside = true;
                    if (first_outside < 0) first_outside = static_cast<std::int64_t>(i);
                    ++slightly_outside;
                }
                const double excess = v < 0 ? -v : v - 1.0;
                if (excess > worst_outside) worst_outside = excess;
            }
            sum += v;
        }
        note_sum(i, sum);
    }
    return {slightly_outside, first_outside, worst_outside, unnormalized, first_unnormalized, first_unnormalized_sum};
}

// Every row, in pieces on the helper threads (src/core/parallel.hpp): each row's sum is the same
// additions in the same order, the counts and firsts combine in row order, and the error thrown is
// that of the first bad row (run_pieces rethrows the lowest piece's), so the result is the same.
template <class T>
Warnings check_values(ProbsView<T> probs) {
    const std::size_t n = probs.rows;
    constexpr std::size_t MIN_VALUES_PER_PIECE = std::size_t{1} << 18;
    const std::size_t pieces =
        tiered_pieces(parallel_pieces(n, n * probs.cols, MIN_VALUES_PER_PIECE), n, n * probs.cols);
    std::vector<ValueStats> found(pieces);
    run_pieces(pieces, [&](std::size_t p) {
        found[p] = check_rows(probs, piece_begin(n, pieces, p), piece_begin(n, pieces, p + 1));
    });
    ValueStats all;
    for (const ValueStats& f : found) all.combine(f);
    const auto [slightly_outside, first_outside, worst_outside, unnormalized, first_unnormalized,
                first_unnormalized_sum] = all;
    Warnings warnings;
    if (slightly_outside > 0)
        warnings.push_back({WarningCode::values_slightly_outside,
                            std::to_string(slightly_outside) +
                                " row(s) have probabilities slightly outside [0, 1] (by at most " +
                                format_number(worst_outside) + "; first: example " + std::to_string(first_outside) +
                                "), likely float rounding. They are used as given.",
                            slightly_outside, first_outside, -1});
    if (unnormalized > 0)
        warnings.push_back({WarningCode::rows_not_normalized,
                            std::to_string(unnormalized) + " row(s) of pred_probs do not sum to 1 (first: example " +
                                std::to_string(first_unnormalized) + " sums to " +
                                format_number(first_unnormalized_sum) +
                                "). They are used as given, as cleanlab does; results differ from the normalised "
                                "rows. Apply softmax to the model output if these are not probabilities.",
                            unnormalized, first_unnormalized, -1});
    return warnings;
}

}  // namespace

template <class T>
Warnings validate_inputs(LabelsView labels, ProbsView<T> probs, ValidationOptions options) {
    check_shape(labels.size, probs.rows, probs.cols, true);
    const auto k = static_cast<std::int64_t>(probs.cols);
    for (std::size_t i = 0; i < labels.size; ++i) {
        const std::int64_t label = labels[i];
        if (label < 0 || label >= k)
            throw LabelScopeError(ErrorCode::label_out_of_range,
                                  "Label " + std::to_string(label) + " of example " + std::to_string(i) +
                                      " is not a class index: with " + std::to_string(k) +
                                      " pred_probs columns, labels must be integers 0.." + std::to_string(k - 1) +
                                      ". Check that the labels and pred_probs use the same classes.",
                                  static_cast<std::int64_t>(i), label);
    }
    if (options.require_two_label_classes) require_two_label_classes(labels);
    return check_values(probs);
}

template <class T>
Warnings validate_probs(ProbsView<T> probs) {
    check_shape(0, probs.rows, probs.cols, false);
    return check_values(probs);
}

std::vector<std::int64_t> label_counts(LabelsView labels, std::size_t num_classes) {
    std::vector<std::int64_t> counts(num_classes, 0);
    for (std::size_t i = 0; i < labels.size; ++i) ++counts[static_cast<std::size_t>(labels[i])];
    return counts;
}

template Warnings validate_inputs<double>(LabelsView, ProbsView<double>, ValidationOptions);
template Warnings validate_inputs<float>(LabelsView, ProbsView<float>, ValidationOptions);
template Warnings validate_probs<double>(ProbsView<double>);
template Warnings validate_probs<float>(ProbsView<float>);

}  // namespace labelscope
