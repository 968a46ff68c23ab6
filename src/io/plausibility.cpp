#include "io/plausibility.hpp"

#include <algorithm>
#include <string>

#include "core/numeric.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {
namespace {

double row_sum(const Dataset& d, std::size_t row) {
    double sum = 0;
    for (std::size_t c = 0; c < d.num_classes; ++c)
        sum += d.is_float32() ? static_cast<double>(d.probs_f32[row * d.num_classes + c])
                              : d.probs[row * d.num_classes + c];
    return sum;
}

std::string column_list(const std::vector<std::string>& names) {
    constexpr std::size_t shown = 6;
    std::string text;
    for (std::size_t c = 0; c < std::min(names.size(), shown); ++c) text += (c ? ", " : "") + names[c];
    if (names.size() > shown) text += ", ... (" + std::to_string(names.size()) + " columns)";
    return text;
}

}  // namespace

void check_probabilities_plausible(const Dataset& d, const Warnings& warnings) {
    const auto unnormalized = std::find_if(warnings.begin(), warnings.end(),
                                           [](const Warning& w) { return w.code == WarningCode::rows_not_normalized; });
    if (unnormalized == warnings.end() || d.num_examples == 0) return;
    if (2 * unnormalized->count <= static_cast<std::int64_t>(d.num_examples)) return;
    const auto first = static_cast<std::size_t>(std::max<std::int64_t>(unnormalized->first_example, 0));
    const SourceMap& s = d.source;
    const std::int64_t row = s.probs_first_row + static_cast<std::int64_t>(first);
    throw ReadError(
        ReadErrorCode::implausible_probabilities,
        std::to_string(unnormalized->count) + " of " + std::to_string(d.num_examples) +
            " rows do not sum to 1 (this one sums to " + format_number(row_sum(d, first)) + "), so the columns " +
            column_list(d.class_names) +
            " look like features or scores, not predicted probabilities. labelscope needs out-of-sample "
            "predicted probabilities: one column per class, each row summing to 1 - for example from scikit-learn's "
            "cross_val_predict(model, X, y, method=\"predict_proba\"), or computed from these columns by "
            "cross-validation ('labelscope cross-val', or \"Compute out-of-sample probabilities\" on the page). "
            "If they really are probabilities, allow unnormalized rows (--allow-unnormalized, or the "
            "allowUnnormalized option) and they are used as given.",
        s.probs_file, row, s.probs_columns.empty() ? 0 : s.probs_columns.front());
}

}  // namespace labelscope::io
