#include "io/multilabel_parts.hpp"

#include <algorithm>

#include "io/csv_tokenizer.hpp"
#include "io/number_parse.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {
namespace {

// One CSV with the label sets (a set column, or label_<class> 0/1 columns) and one probability
// column per class: p_<class>/prob_<class> columns when there are any, else every other column
// whose first data cell is a number (id-like, truth and export columns excepted). Other columns
// are kept as text (id, text, ...).
class CombinedSink final : public CellSink, public FileParser {
public:
    CombinedSink(std::string name, LabelSetColumn& sets, ReaderParts& parts, const ReadOptions& options,
                 std::int64_t& first_row, std::int64_t& column, std::vector<std::string>& class_columns)
        : name_(std::move(name)),
          tokenizer_(*this, name_),
          sets_(sets),
          parts_(parts),
          options_(options),
          first_row_(first_row),
          column_(column),
          class_columns_(class_columns) {}

    void feed(const std::uint8_t* data, std::size_t size) override {
        tokenizer_.feed(reinterpret_cast<const char*>(data), size);
    }
    void finish() override {
        tokenizer_.finish();
        if (!parts_.probs || sets_.size() == 0)
            throw ReadError(ReadErrorCode::no_data_rows, "The file has no data rows. Add one row per example.", name_,
                            0, 0);
    }
    void cell(std::string_view text, std::int64_t, std::int64_t) override { cells_.emplace_back(text); }

    void end_row(std::int64_t row, std::int64_t num_cells) override {
        struct Clear {
            std::vector<std::string>& cells;
            ~Clear() { cells.clear(); }
        } clear{cells_};
        if (header_.empty()) {
            header_ = cells_;
            first_row_ = row + 1;  // so that an error about the header names its line, not a data row
            return;
        }
        if (num_cells == 1 && trim(cells_[0]).empty()) return;  // blank line (at the end)
        if (roles_.empty()) decide(row);
        if (cells_.size() != header_.size())
            throw ReadError(ReadErrorCode::ragged_row,
                            "This row has " + std::to_string(cells_.size()) + " cell(s) but the header has " +
                                std::to_string(header_.size()) + ". Every row needs a value in every column.",
                            name_, row, static_cast<std::int64_t>(std::min(cells_.size(), header_.size())) + 1);
        ParsedProbs& p = *parts_.probs;
        names_.clear();
        for (std::size_t c = 0; c < cells_.size(); ++c) {
            const std::string_view v = trim(cells_[c]);
            switch (roles_[c]) {
                case Role::prob: {
                    const auto d = parse_double(v);
                    if (!d)
                        throw ReadError(ReadErrorCode::bad_number,
                                        "'" + std::string(v) +
                                            "' is not a number. Probabilities must be numbers "
                                            "between 0 and 1.",
                                        name_, row, static_cast<std::int64_t>(c) + 1);
                    if (options_.float32)
                        p.values_f32.push_back(static_cast<float>(*d));
                    else
                        p.values.push_back(*d);
                    break;
                }
                case Role::set: sets_.add_cell(cells_[c], name_, row, static_cast<std::int64_t>(c) + 1); break;
                case Role::class_column: {
                    const int bit = zero_one(v);
                    if (bit == 1)
                        names_.push_back(class_columns_[slot_[c]]);
                    else if (bit < 0)
                        throw ReadError(ReadErrorCode::bad_label,
                                        "The cell '" + std::string(v) + "' of column " + header_[c] +
                                            " is not 0 or 1. One column per class holds 1 when the class applies.",
                                        name_, row, static_cast<std::int64_t>(c) + 1);
                    break;
                }
                case Role::text: parts_.extra_columns[slot_[c]].values.emplace_back(v); break;
                case Role::ignored: break;
            }
        }
        if (!class_columns_.empty()) sets_.add_names(names_, row);
        ++p.rows;
    }

private:
    enum class Role { prob, set, class_column, text, ignored };

    void decide(std::int64_t row) {
        const std::size_t n = header_.size();
        std::vector<std::string> lowered(n);
        for (std::size_t c = 0; c < n; ++c) lowered[c] = lower_name(header_[c]);
        roles_.assign(n, Role::ignored);
        slot_.assign(n, 0);
        const std::ptrdiff_t set =
            options_.label_column.empty()
                ? find_label_column(lowered)
                : std::find(lowered.begin(), lowered.end(), lower_name(options_.label_column)) - lowered.begin();
        bool any_class_column = false, any_prefixed = false;
        for (std::size_t c = 0; c < n; ++c) {
            any_class_column |= is_class_column_name(lowered[c]);
            any_prefixed |= probability_prefix_length(lowered[c]) > 0 && !is_label_name(lowered[c]);
        }
        if (!any_class_column && (set < 0 || static_cast<std::size_t>(set) >= n))
            throw ReadError(ReadErrorCode::missing_column,
                            "No label column found. Name the column of label sets 'labels' (or give its name), or "
                            "use one 0/1 column per class named label_<class>.",
                            name_, 1, 0);
        parts_.probs.emplace();
        ParsedProbs& p = *parts_.probs;
        p.file = name_;
        p.first_row = row;
        first_row_ = row;
        for (std::size_t c = 0; c < n; ++c) {
            const std::string& l = lowered[c];
            const std::string_view original = trim(header_[c]);
            if (any_class_column && is_class_column_name(l)) {
                roles_[c] = Role::class_column;
                slot_[c] = class_columns_.size();
                class_columns_.emplace_back(original.substr(CLASS_COLUMN_PREFIX.size()));
                if (class_columns_.size() == 1) column_ = static_cast<std::int64_t>(c) + 1;
            } else if (!any_class_column && static_cast<std::ptrdiff_t>(c) == set) {
                roles_[c] = Role::set;
                column_ = static_cast<std::int64_t>(c) + 1;
            } else if (is_true_label_name(l) || is_known_error_name(l) || is_export_column_name(l)) {
                roles_[c] = Role::ignored;
            } else if (any_prefixed ? probability_prefix_length(l) > 0
                                    : !is_id_name(l) && parse_double(trim(cells_[c])).has_value()) {
                roles_[c] = Role::prob;
                p.columns.push_back(static_cast<std::int64_t>(c) + 1);
                std::string cls(original);
                if (any_prefixed) cls.erase(0, probability_prefix_length(cls));
                p.header.push_back(cls);
            } else {
                roles_[c] = Role::text;
                slot_[c] = parts_.extra_columns.size();
                parts_.extra_columns.push_back({std::string(original), {}});
            }
        }
        p.k = p.header.size();
        if (p.k == 0)
            throw ReadError(ReadErrorCode::missing_column,
                            "No probability columns found: add one numeric column per class (e.g. p_<class>).", name_,
                            1, 0);
    }

    std::string name_;
    CsvTokenizer tokenizer_;
    LabelSetColumn& sets_;
    ReaderParts& parts_;
    const ReadOptions& options_;
    std::int64_t& first_row_;
    std::int64_t& column_;
    std::vector<std::string>& class_columns_;
    std::vector<std::string> header_, cells_, names_;
    std::vector<Role> roles_;
    std::vector<std::size_t> slot_;
};

}  // namespace

std::unique_ptr<FileParser> make_combined_label_sets_csv(std::string name, LabelSetColumn& sets, ReaderParts& parts,
                                                         const ReadOptions& options, std::int64_t& first_row,
                                                         std::int64_t& column,
                                                         std::vector<std::string>& class_columns) {
    return std::make_unique<CombinedSink>(std::move(name), sets, parts, options, first_row, column, class_columns);
}

}  // namespace labelscope::io
