// Internal to the table reader: the columns of a labelled table as read (numbers while every cell
// is a number, text from the first cell that is not) and the CSV sink that fills them, one header
// row then one value per column and data row. table_builder.hpp decides what each column is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_tokenizer.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {

// The shortest text that reads back as the same double (as JavaScript's String(number)).
std::string shortest_text(double v);

// One column as read: numbers while every cell so far is a number, text from the first cell that is not.
struct StoredColumn {
    std::string name;
    std::int64_t file_column = 0;  // 1-based; 0 for columns handed over whole
    bool numeric = true;
    std::vector<double> numbers;              // numeric mode: NaN = missing
    std::vector<std::string> strings;         // text mode
    std::vector<std::uint8_t> missing_flags;  // text mode: 1 = missing
    std::size_t missing = 0;
    std::int64_t first_missing_row = 0;
    // Missing cells that were not empty (NA, null, ...), counted apart from empty cells because an
    // empty cell in a column of label sets is the empty set, and a word for a missing value is not.
    std::size_t missing_words = 0;
    std::int64_t first_missing_word_row = 0;
    std::string first_missing_word;
    std::size_t number_cells = 0, other_cells = 0;
    std::int64_t first_other_row = 0;
    std::string first_other_text;

    std::size_t size() const { return numeric ? numbers.size() : strings.size(); }
    void to_text();
    void note_missing(std::int64_t row);
    void add(std::string_view cell, std::int64_t row, bool decimal_comma);
};

struct TableColumnStore {
    std::vector<StoredColumn> columns;
    std::int64_t first_line = 0;  // file line of data row 1 (0: not a CSV)
};

// Parses the cells of one CSV into `store`. Throws ReadError naming the file, data row and column.
class TableCsvSink final : public CellSink {
public:
    TableCsvSink(std::string file, TableColumnStore& store);

    void feed(const std::uint8_t* data, std::size_t size);
    void finish();
    void cell(std::string_view text, std::int64_t row, std::int64_t column) override;
    void end_row(std::int64_t row, std::int64_t cells) override;

private:
    ReadError in_data_rows(const ReadError& e) const;
    void start_columns();
    void take(std::size_t c, std::string_view text, std::int64_t row);
    [[noreturn]] void blank_row_error() const;

    std::string file_;
    TableColumnStore& store_;
    CsvTokenizer tokenizer_;
    std::vector<std::string> header_;
    std::int64_t header_row_ = 0;
    std::string first_cell_;
    std::int64_t blank_row_ = 0;
    std::int64_t rows_ = 0;
    bool decimal_comma_ = false;
};

}  // namespace labelscope::io
