#include "errors.hpp"

namespace labelscope {

const char* to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::empty_input: return "empty_input";
        case ErrorCode::too_few_classes: return "too_few_classes";
        case ErrorCode::single_label_class: return "single_label_class";
        case ErrorCode::length_mismatch: return "length_mismatch";
        case ErrorCode::too_many_examples: return "too_many_examples";
        case ErrorCode::non_finite: return "non_finite";
        case ErrorCode::out_of_range: return "out_of_range";
        case ErrorCode::label_out_of_range: return "label_out_of_range";
        case ErrorCode::invalid_option: return "invalid_option";
        case ErrorCode::missing_value: return "missing_value";
        case ErrorCode::too_few_examples: return "too_few_examples";
        case ErrorCode::constant_features: return "constant_features";
        case ErrorCode::cancelled: return "cancelled";
    }
    return "unknown";
}

const char* to_string(WarningCode code) {
    switch (code) {
        case WarningCode::rows_not_normalized: return "rows_not_normalized";
        case WarningCode::values_slightly_outside: return "values_slightly_outside";
        case WarningCode::class_too_small: return "class_too_small";
        case WarningCode::option_ignored: return "option_ignored";
    }
    return "unknown";
}

}  // namespace labelscope
