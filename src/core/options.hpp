// Method names and option structs, with cleanlab's option values as the canonical spelling.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "types.hpp"

namespace labelscope {

enum class FilterBy {
    prune_by_noise_rate,  // default
    prune_by_class,
    both,
    confident_learning,
    predicted_neq_given,
    low_normalized_margin,
    low_self_confidence,
};

enum class ScoreMethod { self_confidence, normalized_margin, confidence_weighted_entropy };

enum class PyMethod { cnt, eqn, marginal, marginal_ps };

enum class EstimationMethod { off_diagonal, off_diagonal_calibrated, off_diagonal_custom };

enum class OodMethod { entropy, least_confidence, gen };

// The three methods that prune by counts from the confident joint.
inline bool is_prune_method(FilterBy f) {
    return f == FilterBy::prune_by_noise_rate || f == FilterBy::prune_by_class || f == FilterBy::both;
}

// Parsers throw LabelScopeError(invalid_option) listing the accepted names.
FilterBy parse_filter_by(std::string_view name);
ScoreMethod parse_score_method(std::string_view name);
PyMethod parse_py_method(std::string_view name);
EstimationMethod parse_estimation_method(std::string_view name);
OodMethod parse_ood_method(std::string_view name);

const char* to_string(FilterBy v);
const char* to_string(ScoreMethod v);
const char* to_string(PyMethod v);
const char* to_string(EstimationMethod v);
const char* to_string(OodMethod v);

// find_label_issues options (docs/ALGORITHMS.md §10), cleanlab defaults.
struct FindIssuesOptions {
    FilterBy filter_by = FilterBy::prune_by_noise_rate;
    double frac_noise = 1.0;
    // Empty = not given. Otherwise one count per class (prune methods only).
    std::vector<std::int64_t> num_to_remove_per_class;
    std::int64_t min_examples_per_class = 1;
    // Optional user confident joint (K x K), used as given by the prune methods.
    const CountMatrix* confident_joint = nullptr;
};

// Label quality score options (docs/ALGORITHMS.md §9).
struct ScoreOptions {
    ScoreMethod method = ScoreMethod::self_confidence;
    bool adjust_pred_probs = false;
};

}  // namespace labelscope
