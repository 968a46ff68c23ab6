// Reads a labelled table for cross-validation: a CSV/TSV with a header row arriving in chunks, or
// columns handed over whole (a Parquet file read in JS). Finds the label column by name, decides
// what every other column is (numeric, categorical, free text, id-like, known truth, probability)
// and reports each choice; options override them. Missing and non-numeric cells are errors naming
// the file, the data row (1-based, header excluded) and the column.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/feature_table.hpp"

namespace labelscope::io {

struct TableOptions {
    std::string label_column;           // empty = the label column names (label_column.hpp)
    std::vector<std::string> features;  // empty = every column that suits (automatic)
    std::string text_column;            // empty = the one free-text column, if any
    bool impute = false;                // missing values kept as missing (the trainer imputes) instead of an error
    std::size_t max_levels = 50;        // a string column with more distinct values is no category
    // The person's choice for some columns (by name, any case), over the automatic one: numeric,
    // categorical (one-hot, numbers read as category names) or ignored. The label and text columns
    // are chosen with label_column and text_column.
    std::vector<std::pair<std::string, ColumnUse>> roles;
    // The label column holds sets (a;b, a|b, JSON arrays; one-vs-rest): an empty cell is the empty
    // set, kept as the label "" (no label is empty otherwise).
    bool label_sets = false;
    // Class names that differ only in capitals or spacing ('billing', 'Billing', 'BILLING') are one class, named by
    // its most common spelling (the first in byte order on a tie). Off: they are separate classes, as written.
    bool fold_case = false;
};

// The columns as read and the CSV sink that fills them (table_columns.hpp).
class TableCsvSink;
struct TableColumnStore;

class TableReader {
public:
    explicit TableReader(TableOptions options = {});
    ~TableReader();
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    // One CSV file, in chunks of any size.
    void begin_file(const std::string& name, std::uint64_t total_bytes = 0);
    void feed(const std::uint8_t* data, std::size_t size);
    void end_file();

    // Or whole columns (all of the same length), e.g. from a Parquet file.
    void begin_columns(const std::string& file_name);
    void add_numeric_column(const std::string& name, std::vector<double> values);  // NaN = missing
    // Strings; `missing[i]` marks a null cell (empty = none missing).
    void add_string_column(const std::string& name, std::vector<std::string> values, std::vector<std::uint8_t> missing);
    // A list-valued column of `dim` numbers per row (embeddings): `dim` numeric features name[0], ...
    void add_vector_column(const std::string& name, std::size_t dim, const std::vector<double>& row_major);

    // Classifies the columns and builds the table. Throws ReadError naming file, row and column.
    FeatureTable finish();

private:
    TableOptions options_;
    std::string file_;
    std::unique_ptr<TableColumnStore> store_;
    std::unique_ptr<TableCsvSink> sink_;
};

}  // namespace labelscope::io
