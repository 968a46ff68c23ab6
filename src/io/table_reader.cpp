#include "io/table_reader.hpp"

#include <cmath>

#include "io/label_column.hpp"
#include "io/number_parse.hpp"
#include "io/read_error.hpp"
#include "io/table_builder.hpp"
#include "io/table_columns.hpp"

namespace labelscope::io {

TableReader::TableReader(TableOptions options) : options_(std::move(options)) {}
TableReader::~TableReader() = default;

void TableReader::begin_file(const std::string& name, std::uint64_t) {
    file_ = name;
    store_ = std::make_unique<TableColumnStore>();
    sink_ = std::make_unique<TableCsvSink>(name, *store_);
}

void TableReader::feed(const std::uint8_t* data, std::size_t size) { sink_->feed(data, size); }

void TableReader::end_file() { sink_->finish(); }

void TableReader::begin_columns(const std::string& file_name) {
    file_ = file_name;
    store_ = std::make_unique<TableColumnStore>();
    sink_.reset();
}

namespace {

void check_length(const TableColumnStore& store, std::size_t n, const std::string& name, const std::string& file) {
    if (!store.columns.empty() && store.columns[0].size() != n)
        throw ReadError(ReadErrorCode::row_count_mismatch,
                        "Column " + quoted(name) + " has " + std::to_string(n) + " values but column " +
                            quoted(store.columns[0].name) + " has " + std::to_string(store.columns[0].size()) + ".",
                        file, 0, 0);
    for (const auto& c : store.columns)
        if (lower_name(c.name) == lower_name(name))
            throw ReadError(ReadErrorCode::duplicate_column,
                            "Two columns are named " + quoted(name) + ". Give every column its own name.", file, 0, 0);
}

}  // namespace

void TableReader::add_numeric_column(const std::string& name, std::vector<double> values) {
    check_length(*store_, values.size(), name, file_);
    StoredColumn col;
    col.name = name;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i])) {
            col.note_missing(static_cast<std::int64_t>(i + 1));
        } else if (!std::isfinite(values[i])) {
            throw ReadError(ReadErrorCode::bad_number,
                            "Column " + quoted(name) + " holds " + (values[i] > 0 ? "+" : "-") +
                                "infinity in data row " + std::to_string(i + 1) + ". Features must be finite numbers.",
                            file_, static_cast<std::int64_t>(i + 1), 0);
        } else {
            ++col.number_cells;
        }
    }
    col.numbers = std::move(values);
    store_->columns.push_back(std::move(col));
}

void TableReader::add_string_column(const std::string& name, std::vector<std::string> values,
                                    std::vector<std::uint8_t> missing) {
    check_length(*store_, values.size(), name, file_);
    StoredColumn col;
    col.name = name;
    col.numeric = false;
    missing.resize(values.size(), 0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto row = static_cast<std::int64_t>(i + 1);
        if (missing[i] || trim(values[i]).empty()) {
            missing[i] = 1;
            col.note_missing(row);
            values[i].clear();
            continue;
        }
        const auto v = parse_double(trim(values[i]));
        if (v && std::isfinite(*v)) {
            ++col.number_cells;
        } else if (col.other_cells++ == 0) {
            col.first_other_row = row;
            col.first_other_text = values[i];
        }
    }
    col.strings = std::move(values);
    col.missing_flags = std::move(missing);
    store_->columns.push_back(std::move(col));
}

void TableReader::add_vector_column(const std::string& name, std::size_t dim, const std::vector<double>& row_major) {
    if (dim == 0 || row_major.size() % dim != 0)
        throw ReadError(ReadErrorCode::ragged_row,
                        "Column " + quoted(name) +
                            " holds lists of different lengths; every row needs the same number "
                            "of values.",
                        file_, 0, 0);
    const std::size_t n = row_major.size() / dim;
    for (std::size_t d = 0; d < dim; ++d) {
        std::vector<double> values(n);
        for (std::size_t i = 0; i < n; ++i) values[i] = row_major[i * dim + d];
        add_numeric_column(name + "[" + std::to_string(d) + "]", std::move(values));
    }
}

FeatureTable TableReader::finish() {
    if (!store_) throw ReadError(ReadErrorCode::missing_file, "No table was given.", file_);
    FeatureTable table = build_feature_table(options_, file_, *store_);
    store_.reset();
    sink_.reset();
    return table;
}

}  // namespace labelscope::io
