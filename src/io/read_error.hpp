// Reader errors are data: code, message, and where (file, 1-based row with the header counted,
// 1-based column; in_data_rows turns the row into a data row, or into `line` for the header line).
// Thrown as an exception inside C++, turned into a plain object at the edges.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace labelscope::io {

enum class ReadErrorCode {
    empty_file,                 // no bytes, or only blank lines
    no_data_rows,               // a header and nothing else
    not_text,                   // binary content (NUL bytes) dropped as CSV
    utf16,                      // UTF-16 text: ask for UTF-8
    not_utf8,                   // bytes that are not UTF-8 (Windows-1252, Latin-1): ask for UTF-8
    unterminated_quote,         // a quoted field runs to the end of the file
    bad_quote,                  // text after a closing quote
    ragged_row,                 // a row with a different number of cells than the header
    blank_row,                  // an empty line between data rows
    bad_number,                 // a probability cell that is not a number
    bad_label,                  // a label that is not a class index (float, negative, blank)
    unknown_class,              // a label name that matches no probability column
    missing_column,             // label column not found / no probability columns
    duplicate_column,           // two columns with the same header
    row_count_mismatch,         // labels and pred_probs have different lengths
    bad_npy,                    // .npy header, dtype, order, shape or truncated body
    missing_file,               // a dataset without labels or pred_probs
    implausible_probabilities,  // most rows do not sum to 1: features or scores, not probabilities
};

const char* to_string(ReadErrorCode code);

// A value as the readers' messages quote it: in single quotes, cut after 60 characters ("...").
std::string quoted(std::string_view value);

// `code` is a ReadErrorCode name, or the core's ErrorCode name when the core rejected a value.
class ReadError : public std::runtime_error {
public:
    ReadError(ReadErrorCode code, const std::string& message, std::string file = {}, std::int64_t row = 0,
              std::int64_t column = 0)
        : ReadError(std::string(to_string(code)), message, std::move(file), row, column) {}
    ReadError(std::string code, const std::string& message, std::string file, std::int64_t row, std::int64_t column,
              std::int64_t line = 0)
        : std::runtime_error(message),
          code_(std::move(code)),
          file_(std::move(file)),
          row_(row),
          column_(column),
          line_(line) {}

    const std::string& code() const { return code_; }
    const std::string& file() const { return file_; }
    std::int64_t row() const { return row_; }        // 0 = unknown
    std::int64_t column() const { return column_; }  // 0 = unknown
    // The file line of an error in the header line, which is no data row (row is then 0); 0 = none.
    std::int64_t line() const { return line_; }

private:
    std::string code_;
    std::string file_;
    std::int64_t row_;
    std::int64_t column_;
    std::int64_t line_;
};

}  // namespace labelscope::io
