#include "io/table_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "io/csv_tokenizer.hpp"
#include "io/dataset_reader.hpp"
#include "io/label_column.hpp"
#include "io/number_parse.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {

const char* to_string(ColumnUse use) {
    switch (use) {
        case ColumnUse::label: return "label";
        case ColumnUse::numeric: return "numeric";
        case ColumnUse::categorical: return "categorical";
        case ColumnUse::text: return "text";
        case ColumnUse::id: return "id";
        case ColumnUse::truth: return "truth";
        case ColumnUse::probability: return "probability";
        case ColumnUse::ignored: return "ignored";
    }
    return "ignored";
}

namespace {

std::string quoted(std::string_view s) {
    std::string t(s.substr(0, 60));
    if (s.size() > 60) t += "...";
    return "'" + t + "'";
}

// Cells pandas reads as missing by default (compared in lower case); an empty cell is missing too.
bool is_missing_marker(std::string_view t) {
    if (t.empty()) return true;
    if (t.size() > 4 || (t[0] >= '0' && t[0] <= '9')) return false;  // numbers: the common case, no copy
    const std::string l = lower_name(t);
    return l == "na" || l == "n/a" || l == "nan" || l == "null" || l == "none" || l == "#n/a" || l == "-nan";
}

// The shortest text that reads back as the same double (as JavaScript's String(number)).
std::string shortest(double v) {
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

std::string where(std::int64_t data_row, std::int64_t first_line) {
    if (first_line <= 0) return "data row " + std::to_string(data_row);
    return "data row " + std::to_string(data_row) + ", line " + std::to_string(data_row + first_line - 1) +
           " of the file";
}

}  // namespace

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
    std::size_t number_cells = 0, other_cells = 0;
    std::int64_t first_other_row = 0;
    std::string first_other_text;

    std::size_t size() const { return numeric ? numbers.size() : strings.size(); }

    void to_text() {
        numeric = false;
        strings.reserve(numbers.size() + 1);
        missing_flags.reserve(numbers.size() + 1);
        for (double v : numbers) {
            strings.push_back(std::isnan(v) ? std::string() : shortest(v));
            missing_flags.push_back(std::isnan(v) ? 1 : 0);
        }
        std::vector<double>().swap(numbers);
    }

    void note_missing(std::int64_t row) {
        if (missing++ == 0) first_missing_row = row;
    }

    void add(std::string_view cell, std::int64_t row, bool decimal_comma) {
        const std::string_view t = trim(cell);
        if (is_missing_marker(t)) {
            note_missing(row);
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
};

struct TableColumnStore {
    std::vector<StoredColumn> columns;
    std::int64_t first_line = 0;  // file line of data row 1 (0: not a CSV)
};

class TableCsvSink final : public CellSink {
public:
    TableCsvSink(std::string file, TableColumnStore& store)
        : file_(std::move(file)), store_(store), tokenizer_(*this, file_) {}

    void feed(const std::uint8_t* data, std::size_t size) {
        try {
            tokenizer_.feed(reinterpret_cast<const char*>(data), size);
        } catch (const ReadError& e) {
            throw in_data_rows(e);
        }
    }

    void finish() {
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

    void cell(std::string_view text, std::int64_t row, std::int64_t column) override {
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

    void end_row(std::int64_t row, std::int64_t cells) override {
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

private:
    // An error of the file (file rows) in data rows, as the table's values report theirs; the first
    // row that is not blank is always the header, so an error there names its line (a problem of the
    // whole file found there, UTF-16 or binary data, names no place).
    ReadError in_data_rows(const ReadError& e) const {
        if (header_row_ == 0 && (e.code() == "utf16" || e.code() == "not_text"))
            return ReadError(e.code(), e.what(), e.file(), 0, 0);
        return io::in_data_rows(e, header_row_ > 0 ? header_row_ + 1 : e.row() + 1);
    }

    void start_columns() {
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
                                "Two columns are named " + quoted(col.name) + ". Give every column its own name.",
                                file_, header_row_, col.file_column);
            store_.columns.push_back(std::move(col));
        }
        store_.first_line = header_row_ + 1;
    }

    void take(std::size_t c, std::string_view text, std::int64_t row) {
        store_.columns[c].add(text, row - header_row_, decimal_comma_);
    }

    [[noreturn]] void blank_row_error() const {
        throw ReadError(ReadErrorCode::blank_row,
                        "This row is empty but more data follows. Remove the blank line or fill in the example.", file_,
                        blank_row_, 1);
    }

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

namespace {

// Decides and builds: the label column first, then a use for every other column.
class TableBuilder {
public:
    TableBuilder(const TableOptions& options, const std::string& file, TableColumnStore& store)
        : options_(options), file_(file), store_(store), n_(store.columns.empty() ? 0 : store.columns[0].size()) {}

    FeatureTable build() {
        table_.file = file_;
        table_.num_examples = n_;
        if (store_.columns.empty() || n_ == 0)
            throw ReadError(ReadErrorCode::no_data_rows, "The table has no rows. Add one row per example.", file_);
        std::vector<std::string> lowered;
        for (const auto& c : store_.columns) lowered.push_back(lower_name(c.name));
        const std::size_t label = find_label(lowered);
        read_labels(store_.columns[label]);
        table_.columns.resize(store_.columns.size());
        for (std::size_t c = 0; c < store_.columns.size(); ++c) {
            table_.columns[c].name = store_.columns[c].name;
            table_.columns[c].column = store_.columns[c].file_column;
            table_.columns[c].missing = store_.columns[c].missing;
        }
        choose(table_.columns[label], ColumnUse::label, "label column");
        const std::set<std::string> listed = listed_features(lowered);
        check_roles(lowered, label);
        if (listed.count(lowered[label]))
            throw not_a_feature(store_.columns[label], "is the label column: it cannot also be a feature");
        const std::string text_wanted = lower_name(options_.text_column);
        if (!text_wanted.empty() && std::find(lowered.begin(), lowered.end(), text_wanted) == lowered.end())
            throw no_column(options_.text_column, "the text column");
        std::vector<std::size_t> text_candidates;
        for (std::size_t c = 0; c < store_.columns.size(); ++c) {
            if (c == label) continue;
            auto& choice = table_.columns[c];
            const auto& col = store_.columns[c];
            const std::string& name = lowered[c];
            const ColumnUse* role = chosen_role(name);
            if (is_true_label_name(name) || is_known_error_name(name)) {
                if (listed.count(name) || (role && *role != ColumnUse::ignored))
                    throw not_a_feature(col, "holds known truth (the correct labels), never a feature");
                choose(choice, ColumnUse::truth, "known truth: never a feature");
            } else if (is_export_column_name(name)) {
                if (listed.count(name) || (role && *role != ColumnUse::ignored))
                    throw not_a_feature(col,
                                        "was added by a labelscope export (the label before correction, "
                                        "a score): never a feature");
                choose(choice, ColumnUse::ignored, "added by a labelscope export: never a feature");
            } else if (role && name != text_wanted) {
                choose_role(c, *role, choice);
            } else if (name == text_wanted) {
                choose(choice, ColumnUse::text, "chosen as the text column");
                text_candidates.insert(text_candidates.begin(), c);
            } else if (!listed.empty() && !listed.count(name)) {
                choose_unlisted(c, name, choice);
            } else if (!listed.empty()) {
                choose_listed(c, choice);
            } else {
                choose_automatically(c, name, choice, text_candidates);
            }
        }
        pick_text(text_candidates, !text_wanted.empty());
        exclude_probabilities(lowered);
        check_missing();
        build_features();
        return std::move(table_);
    }

private:
    std::size_t find_label(const std::vector<std::string>& lowered) const {
        const std::string wanted = lower_name(options_.label_column);
        std::ptrdiff_t label = -1;
        if (wanted.empty()) {
            label = find_label_column(lowered);
        } else {
            const auto it = std::find(lowered.begin(), lowered.end(), wanted);
            if (it != lowered.end()) label = it - lowered.begin();
        }
        if (label >= 0) return static_cast<std::size_t>(label);
        std::string list;
        for (const auto& c : store_.columns) list += (list.empty() ? "" : ", ") + quoted(c.name);
        throw ReadError(ReadErrorCode::missing_column,
                        (wanted.empty() ? std::string("No label column found")
                                        : "No column named " + quoted(options_.label_column)) +
                            ". The columns are: " + list + ". Name the label column one of " +
                            label_column_names_text() + ", or choose it (--label-column).",
                        file_, header_line(), 0);
    }

    // Errors about a whole column name no row (rows are data rows here; the header is none of them).
    static std::int64_t header_line() { return 0; }
    // Errors give the data row (1-based, header excluded); the message adds the file's line.
    static std::int64_t line_of(std::int64_t data_row) { return data_row; }

    ReadError located(const std::string& code, const std::string& message, const StoredColumn& col,
                      std::int64_t data_row) const {
        return ReadError(code,
                         message + " (" + where(data_row, store_.first_line) + ", column " + quoted(col.name) + ")",
                         file_, line_of(data_row), col.file_column);
    }

    ReadError no_column(const std::string& name, const std::string& what) const {
        std::string list;
        for (const auto& c : store_.columns) list += (list.empty() ? "" : ", ") + quoted(c.name);
        return ReadError(ReadErrorCode::missing_column,
                         "No column named " + quoted(name) + " for " + what + ". The columns are: " + list + ".", file_,
                         header_line(), 0);
    }

    ReadError not_a_feature(const StoredColumn& col, const std::string& why) const {
        return ReadError(ReadErrorCode::missing_column, "Column " + quoted(col.name) + " " + why + ".", file_,
                         header_line(), col.file_column);
    }

    // The person's role for a column (TableOptions::roles), or null for the automatic choice.
    const ColumnUse* chosen_role(const std::string& lowered) const {
        for (const auto& r : options_.roles)
            if (lower_name(r.first) == lowered) return &r.second;
        return nullptr;
    }

    void check_roles(const std::vector<std::string>& lowered, std::size_t label) const {
        for (const auto& r : options_.roles) {
            const std::string l = lower_name(r.first);
            const auto it = std::find(lowered.begin(), lowered.end(), l);
            if (it == lowered.end()) throw no_column(r.first, "a column role");
            if (r.second != ColumnUse::numeric && r.second != ColumnUse::categorical && r.second != ColumnUse::ignored)
                throw ReadError(ReadErrorCode::missing_column,
                                "Column " + quoted(r.first) +
                                    ": a column's role can be numeric, categorical or "
                                    "ignored here; choose the label and text columns by their own options.",
                                file_, header_line(),
                                store_.columns[static_cast<std::size_t>(it - lowered.begin())].file_column);
            if (static_cast<std::size_t>(it - lowered.begin()) == label && r.second != ColumnUse::ignored)
                throw not_a_feature(store_.columns[label], "is the label column: it cannot also be a feature");
        }
    }

    void choose_role(std::size_t c, ColumnUse role, ColumnChoice& choice) {
        const auto& col = store_.columns[c];
        if (role == ColumnUse::ignored) return choose(choice, ColumnUse::ignored, "not used (chosen)");
        if (role == ColumnUse::numeric) {
            if (col.numeric) return choose(choice, ColumnUse::numeric, "numbers (chosen)");
            if (col.other_cells == 0)
                throw not_a_feature(col, "holds text, not numbers: choose it as categories or leave it out");
            throw located("bad_number",
                          quoted(col.first_other_text) +
                              " is not a number, and the column was chosen as numbers. "
                              "Choose it as categories or leave it out, or fix the cell",
                          col, col.first_other_row);
        }
        const std::size_t distinct = col.numeric ? distinct_numbers(col) : distinct_strings(col, options_.max_levels);
        choice.distinct = distinct;
        if (distinct > options_.max_levels)
            throw not_a_feature(col, "was chosen as categories but has more than " +
                                         std::to_string(options_.max_levels) +
                                         " distinct values. Use it as numbers, as the text column, or leave it out");
        choose(choice, ColumnUse::categorical, std::to_string(distinct) + " categories (chosen)");
    }

    std::size_t distinct_numbers(const StoredColumn& col) const {
        std::set<double> seen;
        for (const double v : col.numbers) {
            if (std::isnan(v)) continue;
            seen.insert(v);
            if (seen.size() > options_.max_levels) break;
        }
        return seen.size();
    }

    std::set<std::string> listed_features(const std::vector<std::string>& lowered) const {
        std::set<std::string> listed;
        if (options_.features.size() == 1 && lower_name(options_.features[0]) == "all") return listed;
        for (const auto& f : options_.features) {
            const std::string l = lower_name(f);
            if (l.empty()) continue;
            if (std::find(lowered.begin(), lowered.end(), l) == lowered.end()) throw no_column(f, "a feature");
            listed.insert(l);
        }
        return listed;
    }

    static void choose(ColumnChoice& choice, ColumnUse use, std::string reason) {
        choice.use = use;
        choice.reason = std::move(reason);
    }

    void read_labels(StoredColumn& col) {
        table_.label_column = col.name;
        table_.labels.file = file_;
        if (col.missing > 0)
            throw located("bad_label", "The label is empty. Every example needs its given label", col,
                          col.first_missing_row);
        auto& labels = table_.labels.labels;
        labels.resize(n_);
        if (col.numeric) {  // class indices or numeric codes: the distinct values, in increasing order
            std::vector<double> distinct(col.numbers);
            std::sort(distinct.begin(), distinct.end());
            distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
            for (std::size_t i = 0; i < n_; ++i) {
                const double v = col.numbers[i];
                if (v != std::trunc(v) || std::abs(v) > 2147483647.0)
                    throw located("bad_label",
                                  quoted(shortest(v)) + " is not a class: numeric labels must be whole numbers", col,
                                  static_cast<std::int64_t>(i + 1));
                labels[i] =
                    static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin());
            }
            for (double v : distinct) table_.labels.class_names.push_back(shortest(v));
            return;
        }
        std::vector<std::string> distinct(col.strings);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (std::size_t i = 0; i < n_; ++i)
            labels[i] = static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), col.strings[i]) -
                                                  distinct.begin());
        table_.labels.class_names = std::move(distinct);
    }

    std::size_t distinct_strings(const StoredColumn& col, std::size_t stop_after) const {
        std::unordered_set<std::string_view> seen;
        for (std::size_t i = 0; i < col.strings.size(); ++i) {
            if (col.missing_flags[i]) continue;
            seen.insert(col.strings[i]);
            if (seen.size() > stop_after) break;
        }
        return seen.size();
    }

    // A column of numbers with some cells that are not: most cells numbers, so the others are
    // errors (a typo, a unit, a word for a missing value) rather than categories.
    bool mostly_numbers(const StoredColumn& col) const {
        return col.other_cells > 0 && col.number_cells > col.other_cells;
    }

    [[noreturn]] void bad_number(const StoredColumn& col) const {
        throw located("bad_number",
                      quoted(col.first_other_text) +
                          " is not a number, in a column of numbers. Fix the cell (a number "
                          "such as 2.5, decimal point, no units), or leave it empty for a missing value",
                      col, col.first_other_row);
    }

    bool consecutive_integers(const StoredColumn& col) const {
        if (n_ < 3 || col.missing > 0) return false;
        const double start = col.numbers[0];
        if (start != 0 && start != 1) return false;
        for (std::size_t i = 0; i < n_; ++i)
            if (col.numbers[i] != start + static_cast<double>(i)) return false;
        return true;
    }

    void choose_listed(std::size_t c, ColumnChoice& choice) {
        const auto& col = store_.columns[c];
        if (col.numeric) return choose(choice, ColumnUse::numeric, "numbers (in the features list)");
        if (mostly_numbers(col)) bad_number(col);
        const std::size_t distinct = distinct_strings(col, options_.max_levels);
        choice.distinct = distinct;
        if (distinct <= options_.max_levels)
            return choose(choice, ColumnUse::categorical, "categories (in the features list)");
        throw not_a_feature(col, "has more than " + std::to_string(options_.max_levels) +
                                     " distinct values: too many for categories. Use it as the text column "
                                     "(--text-column) or leave it out of the features");
    }

    // Not in the features list: never a feature, but an id column is still shown as one.
    void choose_unlisted(std::size_t c, const std::string& name, ColumnChoice& choice) {
        std::vector<std::size_t> texts;
        try {
            choose_automatically(c, name, choice, texts);
        } catch (const ReadError&) {
            choice.use = ColumnUse::ignored;
        }
        if (choice.use != ColumnUse::id) choose(choice, ColumnUse::ignored, "not in the features list");
    }

    void choose_automatically(std::size_t c, const std::string& name, ColumnChoice& choice,
                              std::vector<std::size_t>& text_candidates) {
        const auto& col = store_.columns[c];
        if (col.missing == n_) return choose(choice, ColumnUse::ignored, "empty on every row");
        if (col.numeric) {
            if (is_id_name(name)) return choose(choice, ColumnUse::id, "an id column by its name");
            if (consecutive_integers(col)) return choose(choice, ColumnUse::id, "row numbers (unique per row)");
            return choose(choice, ColumnUse::numeric, "numbers");
        }
        if (mostly_numbers(col) && !is_id_name(name)) bad_number(col);
        const std::size_t distinct = distinct_strings(col, n_);
        choice.distinct = distinct;
        if (distinct <= options_.max_levels && distinct * 2 < n_)
            return choose(choice, ColumnUse::categorical, std::to_string(distinct) + " categories");
        std::size_t with_space = 0, length = 0, present = 0;
        for (std::size_t i = 0; i < col.strings.size(); ++i) {
            if (col.missing_flags[i]) continue;
            ++present;
            length += col.strings[i].size();
            with_space += col.strings[i].find(' ') != std::string::npos;
        }
        const bool texty = present > 0 && (with_space * 2 >= present || length >= 20 * present);
        if (texty) {
            choose(choice, ColumnUse::text, "free text");
            text_candidates.push_back(c);
            return;
        }
        if (distinct == present && present == n_) return choose(choice, ColumnUse::id, "unique per row (an id)");
        choose(choice, ColumnUse::ignored,
               std::to_string(distinct) + " distinct short values: too many for categories, too short for text");
    }

    // The one text column: the one chosen, else the candidate with the longest texts.
    void pick_text(const std::vector<std::size_t>& candidates, bool chosen) {
        if (candidates.empty()) return;
        std::size_t best = candidates[0];
        if (!chosen) {
            double best_mean = -1;
            for (std::size_t c : candidates) {
                double total = 0;
                for (const auto& s : store_.columns[c].strings) total += static_cast<double>(s.size());
                const double mean = total / static_cast<double>(n_);
                if (mean > best_mean) best_mean = mean, best = c;
            }
        }
        for (std::size_t c : candidates)
            if (c != best)
                choose(table_.columns[c], ColumnUse::ignored,
                       "free text, but " + quoted(store_.columns[best].name) +
                           " is the text column (one is used; choose another with the text column option)");
    }

    // Columns named after the classes (p_<class>, prob_<class>, <class>) are probabilities, not features.
    void exclude_probabilities(const std::vector<std::string>& lowered) {
        const auto& classes = table_.labels.class_names;
        std::vector<std::size_t> matched_classes;
        for (std::size_t c = 0; c < lowered.size(); ++c) {
            auto& choice = table_.columns[c];
            if (choice.use != ColumnUse::numeric || !options_.features.empty() || chosen_role(lowered[c])) continue;
            for (std::size_t k = 0; k < classes.size(); ++k) {
                const std::string cls = lower_name(classes[k]);
                for (const char* prefix : {"", "p_", "prob_", "proba_", "pred_", "prob_class_"}) {
                    if (lowered[c] != prefix + cls) continue;
                    choose(choice, ColumnUse::probability,
                           "named after class " + quoted(classes[k]) + ": a probability, not a feature");
                    matched_classes.push_back(k);
                }
            }
        }
        std::sort(matched_classes.begin(), matched_classes.end());
        matched_classes.erase(std::unique(matched_classes.begin(), matched_classes.end()), matched_classes.end());
        if (classes.size() >= 2 && matched_classes.size() == classes.size())
            throw ReadError("not_features",
                            "These columns look like predicted probabilities (one per class), not features: this file "
                            "already has out-of-sample probabilities. Analyse it as it is (--data with find-issues or "
                            "audit), or name the feature columns (--features).",
                            file_, header_line(), 0);
    }

    void check_missing() const {
        for (std::size_t c = 0; c < store_.columns.size(); ++c) {
            const auto use = table_.columns[c].use;
            const auto& col = store_.columns[c];
            if ((use == ColumnUse::numeric || use == ColumnUse::categorical) && col.missing > 0 && !options_.impute)
                throw located("missing_value",
                              "A value is missing. Fill it in, leave the column out of the features, or ask for "
                              "imputation (missing values replaced by the training fold's mean)",
                              col, col.first_missing_row);
            if (use == ColumnUse::text && col.missing == n_)
                throw ReadError("constant_features",
                                "The text column " + quoted(col.name) +
                                    " is empty on every row: there is no text to "
                                    "learn from. Choose another text column, or none.",
                                file_, header_line(), col.file_column);
        }
    }

    void build_features() {
        std::size_t used = 0;
        for (std::size_t c = 0; c < store_.columns.size(); ++c) {
            auto& col = store_.columns[c];
            switch (table_.columns[c].use) {
                case ColumnUse::numeric:
                    if (!col.numeric) col.numbers.clear();
                    table_.numeric.push_back({col.name, std::move(col.numbers)});
                    ++used;
                    break;
                case ColumnUse::categorical: {
                    if (col.numeric) col.to_text();
                    CategoricalFeature f{col.name, std::vector<std::int32_t>(n_, -1), {}};
                    std::unordered_map<std::string, std::int32_t> codes;
                    for (std::size_t i = 0; i < n_; ++i) {
                        if (col.missing_flags[i]) continue;
                        auto [it, added] = codes.emplace(col.strings[i], static_cast<std::int32_t>(f.levels.size()));
                        if (added) f.levels.push_back(col.strings[i]);
                        f.codes[i] = it->second;
                    }
                    table_.categorical.push_back(std::move(f));
                    ++used;
                    break;
                }
                case ColumnUse::text:
                    if (col.numeric) col.to_text();
                    table_.passthrough.push_back({col.name, col.strings});
                    table_.text.push_back({col.name, std::move(col.strings)});
                    ++used;
                    break;
                case ColumnUse::id:
                case ColumnUse::truth:
                    if (col.numeric) col.to_text();
                    table_.passthrough.push_back({col.name, std::move(col.strings)});
                    break;
                default: break;
            }
        }
        if (used == 0)
            throw ReadError("constant_features",
                            "No column can be used as a feature (every column other than the label is an id, known "
                            "truth, empty or ignored). Name the feature columns (--features) or a text column.",
                            file_, header_line(), 0);
        std::string classes;
        for (const auto& k : table_.labels.class_names) classes += (classes.empty() ? "" : ", ") + k;
        table_.notes.push_back(file_ + ": " + std::to_string(n_) + " rows, label column " +
                               quoted(table_.label_column) + " (" + std::to_string(table_.labels.class_names.size()) +
                               " classes: " + classes + ")");
        for (const auto& choice : table_.columns)
            table_.notes.push_back(quoted(choice.name) + ": " + io::to_string(choice.use) + " (" + choice.reason + ")");
    }

    const TableOptions& options_;
    const std::string& file_;
    TableColumnStore& store_;
    std::size_t n_;
    FeatureTable table_;
};

}  // namespace

FeatureTable TableReader::finish() {
    if (!store_) throw ReadError(ReadErrorCode::missing_file, "No table was given.", file_);
    FeatureTable table = TableBuilder(options_, file_, *store_).build();
    store_.reset();
    sink_.reset();
    return table;
}

void check_cross_val_labels(const LabelSet& labels, int folds) {
    const auto n = labels.labels.size();
    const auto k = labels.class_names.size();
    std::vector<std::size_t> counts(k, 0);
    for (auto y : labels.labels)
        if (y >= 0 && static_cast<std::size_t>(y) < k) ++counts[static_cast<std::size_t>(y)];
    std::size_t present = 0;
    for (auto c : counts) present += c > 0;
    if (present < 2)
        throw ReadError("single_label_class",
                        "Every example has the same label" + (k > 0 ? " (" + quoted(labels.class_names[0]) + ")" : "") +
                            ": there is nothing to learn. Cross-validation needs at least two classes.",
                        labels.file, 0, 0);
    if (n < static_cast<std::size_t>(folds))
        throw ReadError("too_few_examples",
                        "There are " + std::to_string(n) + " examples, fewer than the " + std::to_string(folds) +
                            " folds. Use fewer folds (at least 2), or more examples.",
                        labels.file, 0, 0);
    for (std::size_t c = 0; c < k; ++c)
        if (counts[c] < static_cast<std::size_t>(folds))
            throw ReadError("too_few_examples",
                            "Class " + quoted(labels.class_names[c]) + " has " + std::to_string(counts[c]) +
                                " example" + (counts[c] == 1 ? "" : "s") + ", fewer than the " + std::to_string(folds) +
                                " folds: every fold needs one of each class. " +
                                (counts[c] >= 2 ? "Use " + std::to_string(counts[c]) + " folds or fewer, or add "
                                                : std::string("Add ")) +
                                "examples of it, or remove the class.",
                            labels.file, 0, 0);
}

}  // namespace labelscope::io
