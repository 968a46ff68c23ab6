#include "read_error.hpp"

namespace labelscope::io {

const char* to_string(ReadErrorCode code) {
    switch (code) {
        case ReadErrorCode::empty_file: return "empty_file";
        case ReadErrorCode::no_data_rows: return "no_data_rows";
        case ReadErrorCode::not_text: return "not_text";
        case ReadErrorCode::utf16: return "utf16";
        case ReadErrorCode::not_utf8: return "not_utf8";
        case ReadErrorCode::unterminated_quote: return "unterminated_quote";
        case ReadErrorCode::bad_quote: return "bad_quote";
        case ReadErrorCode::ragged_row: return "ragged_row";
        case ReadErrorCode::blank_row: return "blank_row";
        case ReadErrorCode::bad_number: return "bad_number";
        case ReadErrorCode::bad_label: return "bad_label";
        case ReadErrorCode::unknown_class: return "unknown_class";
        case ReadErrorCode::missing_column: return "missing_column";
        case ReadErrorCode::duplicate_column: return "duplicate_column";
        case ReadErrorCode::row_count_mismatch: return "row_count_mismatch";
        case ReadErrorCode::bad_npy: return "bad_npy";
        case ReadErrorCode::missing_file: return "missing_file";
        case ReadErrorCode::implausible_probabilities: return "implausible_probabilities";
    }
    return "unknown";
}

std::string quoted(std::string_view value) {
    std::string t(value.substr(0, 60));
    if (value.size() > 60) t += "...";
    return "'" + t + "'";
}

}  // namespace labelscope::io
