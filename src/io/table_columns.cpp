#include "io/table_columns.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <set>

#include "io/dataset_reader.hpp"
#include "io/label_column.hpp"
#include "io/number_parse.hpp"

namespace labelscope::io {
namespace {

// Cells pandas reads as missing by default (compared in lower case); an empty cell is missing too.
bool is_missing_marker(std::string_view t) {
    if (t.empty()) return true;
    if (t.size() > 4 || (t[0] >= '0' && t[0] <= '9')) return false;  // numbers: the common case, no copy
    const std::string l = lower_name(t);
    return l == "na" || l == "n/a" || l == "nan" || l == "null" || l == "none" || l == "#n/a" || l == "-nan";
}

}  // namespace

std::string shortest_text(double v) {
    char text[40];
    // Whole numbers as integers ("10", not "1e+01"): ids and numeric class names.
    if (std::fabs(v) < 1e15 && v == std::trunc(v)) {
        std::snprintf(text, sizeof text, "%.0f", v == 0 ? 0.0 : v);
        return text;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, v);
        if (std::strtod(text, nullptr) == v) break;
    }
    return text;
}

void StoredColumn::to_text() {
    numeric = false;
    strings.reserve(numbers.size() + 1);
    missing_flags.reserve(numbers.size() + 1);
    for (double v : numbers) {
        strings.push_back(std::isnan(v) ? std::string() : shortest_text(v));
        missing_flags.push_back(std::isnan(v) ? 1 : 0);
    }
    std::vector<double>().swap(numbers);
}

void StoredColumn::note_missing(std::int64_t row) {
    if (missing++ == 0) first_missing_row = row;
}

void StoredColumn::add(std::string_view cell, std::int64_t row, bool decimal_comma) {
    const std::string_view t = trim(cell);
    if (is_missing_marker(t)) {
        note_missing(row);
        if (!t.empty() && missing_words++ == 0) {
            first_missing_word_row = row;
            first_missing_word = std::string(t);
        }
        if (numeric) {
            numbers.push_back(std::numeric_limits<double>::quiet_NaN());
        } else {
            strings.emplace_back();
            missing_flags.push_back(1);
        }
        return;
    }
    // Short decimals (most cells) by the exact fast path, anything else by parse_double.
    double fast = 0;
    const char* end = t.data() + t.size();
    const char* stop = parse_short_decimal(t.data(), end, decimal_comma, fast);
    const auto v = stop == end ? std::optional<double>(fast) : parse_double(t, decimal_comma);
    const bool number = v && std::isfinite(*v);
    if (number) {
        ++number_cells;
    } else if (other_cells++ == 0) {
        first_other_row = row;
        first_other_text = std::string(t);
    }
    if (numeric && number) {
        numbers.push_back(*v);
        return;
    }
    if (numeric) to_text();
    strings.emplace_back(t);
    missing_flags.push_back(0);
}

TableCsvSink::TableCsvSink(std::string file, TableColumnStore& store)
    : file_(std::move(file)), store_(store), tokenizer_(*this, file_) {}

void TableCsvSink::feed(const std::uint8_t* data, std::size_t size) {
    try {
        tokenizer_.feed(reinterpret_cast<const char*>(data), size);
    } catch (const ReadError& e) {
        throw in_data_rows(e);
    }
}

void TableCsvSink::finish() {
    try {
        tokenizer_.finish();
    } catch (const ReadError& e) {
        throw in_data_rows(e);
    }
    if (header_row_ == 0)
        throw ReadError(ReadErrorCode::empty_file,
                        "The file is empty. Choose a CSV with a header row and one row per example.", file_);
    if (rows_ == 0)  // names no row: there is none
        throw ReadError(ReadErrorCode::no_data_rows,
                        "The file has a header row but no data rows. Add one row per example.", file_);
}

void TableCsvSink::cell(std::string_view text, std::int64_t row, std::int64_t column) {
    if (header_row_ == 0 || row == header_row_) {
        header_.emplace_back(trim(text));
        return;
    }
    if (column == 1) {  // held until the row shows it is not a blank line
        first_cell_.assign(text);
        return;
    }
    if (column > static_cast<std::int64_t>(store_.columns.size()))
        throw ReadError(ReadErrorCode::ragged_row,
                        "This row has more cells than the header (" + std::to_string(store_.columns.size()) +
                            "). Check for an unquoted delimiter inside a value.",
                        file_, row, column);
    if (blank_row_ != 0) blank_row_error();
    if (column == 2) take(0, first_cell_, row);
    take(static_cast<std::size_t>(column - 1), text, row);
}

void TableCsvSink::end_row(std::int64_t row, std::int64_t cells) {
    if (header_row_ == 0) {
        if (cells == 1 && trim(header_[0]).empty()) {  // blank lines before the header
            header_.clear();
            return;
        }
        header_row_ = row;
        start_columns();
        return;
    }
    const bool blank = cells == 1 && trim(first_cell_).empty();
    if (blank && store_.columns.size() > 1) {
        if (blank_row_ == 0) blank_row_ = row;
        return;
    }
    if (blank_row_ != 0) blank_row_error();
    if (cells == 1) take(0, first_cell_, row);
    if (cells < static_cast<std::int64_t>(store_.columns.size()))
        throw ReadError(ReadErrorCode::ragged_row,
                        "This row has " + std::to_string(cells) + " cell(s) but the header has " +
                            std::to_string(store_.columns.size()) + ". Every row needs a value in every column.",
                        file_, row, cells + 1);
    ++rows_;
}

// An error of the file (file rows) in data rows, as the table's values report theirs; the first
// row that is not blank is always the header, so an error there names its line (a problem of the
// whole file found there, UTF-16 or binary data, names no place).
ReadError TableCsvSink::in_data_rows(const ReadError& e) const {
    if (header_row_ == 0 && (e.code() == "utf16" || e.code() == "not_text"))
        return ReadError(e.code(), e.what(), e.file(), 0, 0);
    return io::in_data_rows(e, header_row_ > 0 ? header_row_ + 1 : e.row() + 1);
}

void TableCsvSink::start_columns() {
    decimal_comma_ = tokenizer_.delimiter() == ';';
    const bool all_numbers = std::all_of(header_.begin(), header_.end(), [this](const std::string& h) {
        return parse_double(h, decimal_comma_).has_value();
    });
    if (all_numbers)
        throw ReadError(ReadErrorCode::missing_column,
                        "The first row holds numbers, not column names. A table for cross-validation needs a "
                        "header row naming its columns, the label column among them.",
                        file_, header_row_, 0);
    std::set<std::string> seen;
    for (std::size_t c = 0; c < header_.size(); ++c) {
        StoredColumn col;
        col.name = header_[c].empty() ? "column " + std::to_string(c + 1) : header_[c];
        col.file_column = static_cast<std::int64_t>(c + 1);
        if (!seen.insert(lower_name(col.name)).second)
            throw ReadError(ReadErrorCode::duplicate_column,
                            "Two columns are named " + quoted(col.name) + ". Give every column its own name.", file_,
                            header_row_, col.file_column);
        store_.columns.push_back(std::move(col));
    }
    store_.first_line = header_row_ + 1;
}

void TableCsvSink::take(std::size_t c, std::string_view text, std::int64_t row) {
    store_.columns[c].add(text, row - header_row_, decimal_comma_);
}

void TableCsvSink::blank_row_error() const {
    throw ReadError(ReadErrorCode::blank_row,
                    "This row is empty but more data follows. Remove the blank line or fill in the example.", file_,
                    blank_row_, 1);
}

}  // namespace labelscope::io
