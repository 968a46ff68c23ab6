#include "io/multilabel_parts.hpp"

#include <algorithm>

#include "io/csv_tokenizer.hpp"
#include "io/number_parse.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {
namespace {

// Labels CSV/TSV: a set column (header `labels`, `label`, ...), one 0/1 column per class
// (`label_<class>`), or no header (each row's cells are one set: `a;b` read with ';' as the
// delimiter comes out as two cells).
class LabelSetSink final : public CellSink, public FileParser {
public:
    LabelSetSink(std::string name, LabelSetColumn& sets, std::vector<TextColumn>& extra, std::int64_t& first_row,
                 std::int64_t& column, std::vector<std::string>& class_columns, std::size_t& trailing_blanks)
        : name_(std::move(name)),
          tokenizer_(*this, name_),
          sets_(sets),
          extra_(extra),
          first_row_(first_row),
          column_(column),
          class_columns_(class_columns),
          trailing_blanks_(trailing_blanks) {}

    void feed(const std::uint8_t* data, std::size_t size) override {
        tokenizer_.feed(reinterpret_cast<const char*>(data), size);
    }
    void finish() override {
        tokenizer_.finish();
        if (mode_ == Mode::undecided || sets_.size() == 0)
            throw ReadError(ReadErrorCode::no_data_rows, "The labels file has no data rows. Add one row per example.",
                            name_, 0, 0);
    }

    void cell(std::string_view text, std::int64_t row, std::int64_t column) override {
        (void)row, (void)column;
        cells_.emplace_back(text);
    }

    void end_row(std::int64_t row, std::int64_t num_cells) override {
        struct Clear {
            std::vector<std::string>& cells;
            ~Clear() { cells.clear(); }
        } clear{cells_};
        if (mode_ == Mode::undecided) return decide(row);
        if (mode_ == Mode::set_column && header_size_ == 1 && cells_.size() > 1) {
            // A lone set column with an unquoted JSON array or set: its delimiters were not cell breaks.
            std::string joined = cells_[0];
            for (std::size_t c = 1; c < cells_.size(); ++c) joined += tokenizer_.delimiter() + cells_[c];
            cells_.assign(1, joined);
            num_cells = 1;
        }
        const bool blank = num_cells == 1 && trim(cells_[0]).empty();
        if (mode_ != Mode::headerless && !blank && static_cast<std::size_t>(num_cells) != header_size_)
            throw ReadError(ReadErrorCode::ragged_row,
                            "This row has " + std::to_string(num_cells) + " cell(s) but the header has " +
                                std::to_string(header_size_) + ". Every row needs a value in every column.",
                            name_, row, std::min<std::int64_t>(num_cells, static_cast<std::int64_t>(header_size_)) + 1);
        trailing_blanks_ = blank ? trailing_blanks_ + 1 : 0;
        data_row(row, blank);
    }

private:
    enum class Mode { undecided, set_column, class_columns, headerless };

    void decide(std::int64_t row) {
        std::vector<std::string> lowered;
        for (const auto& c : cells_) lowered.push_back(lower_name(c));
        header_size_ = cells_.size();
        const std::ptrdiff_t set = find_label_column(lowered);
        for (std::size_t c = 0; c < lowered.size(); ++c)
            if (is_class_column_name(lowered[c])) class_of_column_.push_back(static_cast<std::int64_t>(c));
        if (set >= 0 && class_of_column_.empty()) {
            mode_ = Mode::set_column;
            set_column_ = static_cast<std::size_t>(set);
            column_ = set + 1;
        } else if (!class_of_column_.empty()) {
            mode_ = Mode::class_columns;
            column_ = class_of_column_[0] + 1;
            for (std::int64_t c : class_of_column_)
                class_columns_.emplace_back(
                    trim(cells_[static_cast<std::size_t>(c)]).substr(CLASS_COLUMN_PREFIX.size()));
        } else {
            mode_ = Mode::headerless;
            column_ = 1;
            first_row_ = row;
            return data_row(row, cells_.size() == 1 && trim(cells_[0]).empty());
        }
        first_row_ = row + 1;
        is_class_column_.assign(cells_.size(), -1);
        for (std::size_t r = 0; r < class_of_column_.size(); ++r)
            is_class_column_[static_cast<std::size_t>(class_of_column_[r])] = static_cast<std::int64_t>(r);
        for (std::size_t c = 0; c < cells_.size(); ++c) {
            if ((mode_ == Mode::set_column && c == set_column_) || is_class_column_[c] >= 0) continue;
            extra_slot_.push_back({c, extra_.size()});
            extra_.push_back({std::string(trim(cells_[c])), {}});
        }
    }

    void data_row(std::int64_t row, bool blank) {
        if (mode_ == Mode::headerless) {
            std::string joined;
            for (const auto& c : cells_)
                if (!trim(c).empty()) joined += (joined.empty() ? "" : ";") + std::string(trim(c));
            if (tokenizer_.delimiter() != ';' && cells_.size() > 1)
                throw ReadError(ReadErrorCode::missing_column,
                                "The labels file has several columns but no header naming the label column. Add a "
                                "header: 'labels' for a column of sets, or label_<class> for one 0/1 column per class.",
                                name_, row, 0);
            sets_.add_cell(joined, name_, row, 1);
            return;
        }
        for (const auto& [c, slot] : extra_slot_) extra_[slot].values.emplace_back(blank ? "" : trim(cells_[c]));
        if (mode_ == Mode::set_column) {
            sets_.add_cell(blank ? std::string_view() : std::string_view(cells_[set_column_]), name_, row, column_);
            return;
        }
        names_.clear();
        for (std::size_t r = 0; r < class_of_column_.size(); ++r) {
            const auto c = static_cast<std::size_t>(class_of_column_[r]);
            const std::string_view v = blank ? std::string_view() : trim(cells_[c]);
            const int bit = zero_one(v);
            if (bit == 1)
                names_.push_back(class_columns_[r]);
            else if (bit < 0)
                throw ReadError(ReadErrorCode::bad_label,
                                "The cell '" + std::string(v) + "' of column label_" + class_columns_[r] +
                                    " is not 0 or 1. One column per class holds 1 when the class applies, else 0.",
                                name_, row, static_cast<std::int64_t>(c) + 1);
        }
        sets_.add_names(names_, row);
    }

    std::string name_;
    CsvTokenizer tokenizer_;
    LabelSetColumn& sets_;
    std::vector<TextColumn>& extra_;
    std::int64_t& first_row_;
    std::int64_t& column_;
    std::vector<std::string>& class_columns_;
    std::size_t& trailing_blanks_;
    Mode mode_ = Mode::undecided;
    std::size_t header_size_ = 0;
    std::size_t set_column_ = 0;
    std::vector<std::int64_t> class_of_column_;  // file column (0-based) of each class column
    std::vector<std::int64_t> is_class_column_;
    std::vector<std::pair<std::size_t, std::size_t>> extra_slot_;
    std::vector<std::string> cells_;
    std::vector<std::string> names_;
};

}  // namespace

std::unique_ptr<FileParser> make_label_sets_csv(std::string name, LabelSetColumn& sets, std::vector<TextColumn>& extra,
                                                std::int64_t& first_row, std::int64_t& column,
                                                std::vector<std::string>& class_columns, std::size_t& trailing_blanks) {
    return std::make_unique<LabelSetSink>(std::move(name), sets, extra, first_row, column, class_columns,
                                          trailing_blanks);
}

}  // namespace labelscope::io
