// Typed errors and warnings. Errors stop the analysis; warnings travel with the result.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace labelscope {

enum class ErrorCode {
    empty_input,         // N = 0
    too_few_classes,     // K < 2 columns
    single_label_class,  // every label is the same class
    length_mismatch,     // len(labels) != N
    too_many_examples,   // N >= 2^31
    non_finite,          // NaN or +-inf probability
    out_of_range,        // probability more than 1e-3 outside [0, 1]
    label_out_of_range,  // label < 0 or >= K
    invalid_option,      // unknown method name, bad numeric option, wrong-shaped option
    missing_value,       // a missing feature value and no imputation asked for (src/learn)
    too_few_examples,    // fewer examples than folds, or a class with a single example (src/learn)
    constant_features,   // no feature varies (all constant, or an empty text column) (src/learn)
    cancelled,           // the caller's progress callback asked to stop (src/learn)
};

const char* to_string(ErrorCode code);

// Thrown by the core for bad input or options. `example` and `class_index` are -1 when unknown.
class LabelScopeError : public std::runtime_error {
public:
    LabelScopeError(ErrorCode code, const std::string& message, std::int64_t example = -1,
                    std::int64_t class_index = -1)
        : std::runtime_error(message), code_(code), example_(example), class_index_(class_index) {}

    ErrorCode code() const { return code_; }
    std::int64_t example() const { return example_; }
    std::int64_t class_index() const { return class_index_; }

private:
    ErrorCode code_;
    std::int64_t example_;
    std::int64_t class_index_;
};

enum class WarningCode {
    rows_not_normalized,      // some rows do not sum to 1 (used as given)
    values_slightly_outside,  // values within 1e-3 outside [0, 1] (used as given)
    class_too_small,          // a class has <= min_examples_per_class examples: prune methods skip it
    option_ignored,           // an option that has no effect with the chosen method
};

const char* to_string(WarningCode code);

struct Warning {
    WarningCode code;
    std::string message;
    std::int64_t count = 0;           // how many rows / classes are affected
    std::int64_t first_example = -1;  // first affected example, if any
    std::int64_t class_index = -1;    // affected class, if the warning is about one class
};

using Warnings = std::vector<Warning>;

}  // namespace labelscope
