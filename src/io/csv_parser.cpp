// CSV/TSV files in each role: labels, pred_probs, or a combined file. Decides the layout (header,
// which column is what) from the first rows, then turns every cell into a value as it streams by.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <string>

#include "io/csv_prob_rows.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/number_parse.hpp"
#include "io/page_warmer.hpp"
#include "io/read_error.hpp"
#include "io/reader_parts.hpp"

namespace labelscope::io {
namespace {

enum class Col { ignore, label, prob, true_label, known_error, text };

std::string lower(std::string_view s) { return lower_name(s); }

// "0,1,2,...,K-1": what pandas writes as the header of an unnamed DataFrame (K >= 3 only: "0,1"
// is also a valid probability row).
bool is_pandas_default_header(const std::vector<std::string>& cells) {
    if (cells.size() < 3) return false;
    for (std::size_t c = 0; c < cells.size(); ++c)
        if (trim(cells[c]) != std::to_string(c)) return false;
    return true;
}

class CsvParser final : public FileParser, private CellSink {
public:
    CsvParser(FileRole role, std::string name, const ReadOptions& options, ReaderParts& parts,
              std::uint64_t total_bytes)
        : role_(role),
          name_(std::move(name)),
          options_(options),
          parts_(parts),
          tokenizer_(*this, name_),
          total_bytes_(total_bytes) {
        parts_.reading_file = name_;
        parts_.reading_first_row = 0;
    }

    void feed(const std::uint8_t* data, std::size_t size) override {
        try {
            tokenizer_.feed(reinterpret_cast<const char*>(data), size);
        } catch (const ReadError& e) {
            throw early_error(e);
        }
        note_filled();
    }

    void finish() override {
        try {
            tokenizer_.finish();
        } catch (const ReadError& e) {
            throw early_error(e);
        }
        warmer_.stop();
        if (!layout_known_) {
            if (held_.empty())
                throw ReadError(ReadErrorCode::empty_file,
                                "The file is empty. Choose the file that holds the " + role_name() + ".", name_);
            try {
                decide_layout(true);
            } catch (const ReadError& e) {
                throw early_error(e);
            }
        }
        if (data_rows_ == 0)  // names no row: there is none
            throw ReadError(ReadErrorCode::no_data_rows,
                            "The file has a header row but no data rows. Add one row per example.", name_);
        if (probs_ != nullptr) probs_->rows = static_cast<std::size_t>(data_rows_);
        parts_.notes.push_back(name_ + ": " + std::to_string(data_rows_) + " rows, " +
                               (has_header_ ? "with a header row" : "no header row") + ", " + delimiter_name() +
                               "-separated");
    }

private:
    struct HeldRow {
        std::int64_t row;
        std::vector<std::string> cells;
    };

    // An error before the layout is decided. Whether it is in the header is known already when the
    // file must have one (combined; the header rule of decide_layout said so) or when it is in the
    // first row of a pred_probs file or of several cells (a cell that cannot be read is no number,
    // so that row is a header by the same rule): then the first data row is set for in_data_rows.
    // A problem of the whole file (UTF-16, binary data) found in its first row names no place.
    ReadError early_error(const ReadError& e) {
        if (layout_known_ || e.row() <= 0) return e;
        if (held_.empty()) {
            if (e.code() == "utf16" || e.code() == "not_text") return ReadError(e.code(), e.what(), e.file(), 0, 0);
            if (role_ != FileRole::labels || !pending_.empty()) parts_.reading_first_row = e.row() + 1;
        } else if (has_header_ || role_ == FileRole::combined) {
            parts_.reading_first_row = held_[0].row + 1;
        }
        return e;
    }

    std::string role_name() const {
        return role_ == FileRole::labels       ? "labels"
               : role_ == FileRole::pred_probs ? "predicted probabilities"
                                               : "labels and probabilities";
    }
    std::string delimiter_name() const {
        const char d = tokenizer_.delimiter();
        return d == '\t' ? "tab" : d == ';' ? "semicolon" : "comma";
    }

    // --- CellSink ---------------------------------------------------------------------------
    void cell(std::string_view text, std::int64_t row, std::int64_t column) override {
        if (!layout_known_) {
            pending_.emplace_back(text);
            return;
        }
        if (column > expected_cells_)
            throw ReadError(
                ReadErrorCode::ragged_row,
                "This row has more cells than the header (" + std::to_string(expected_cells_) +
                    "). Check for an unquoted delimiter inside a value" +
                    (tokenizer_.delimiter() == ',' ? " (a decimal comma like 1,5 splits a cell in two)" : "") + ".",
                name_, row, column);
        if (column == 1) {  // held until the row shows it is not a blank line
            first_cell_.assign(text);
            return;
        }
        if (column == 2) take(1, first_cell_, row);
        take(column, text, row);
    }

    void end_row(std::int64_t row, std::int64_t cells) override {
        const bool blank = cells == 1 && (layout_known_ ? first_cell_.empty() : pending_[0].empty());
        if (!layout_known_) {
            if (!blank) {
                if (blank_row_ != 0) blank_row_error();
                held_.push_back({row, std::move(pending_)});
            } else if (!held_.empty() && blank_row_ == 0) {
                blank_row_ = row;  // after the header: an error unless only blank lines follow
            }
            pending_.clear();
            if (!held_.empty()) decide_layout(false);
            return;
        }
        if (blank) {  // allowed at the end of the file only
            if (blank_row_ == 0) blank_row_ = row;
            return;
        }
        if (blank_row_ != 0) blank_row_error();
        if (cells == 1) take(1, first_cell_, row);
        if (cells < expected_cells_)
            throw ReadError(ReadErrorCode::ragged_row,
                            "This row has " + std::to_string(cells) + " cell(s) but the " +
                                (has_header_ ? "header has " : "first row has ") + std::to_string(expected_cells_) +
                                ". Every row needs a value in every column.",
                            name_, row, cells + 1);
        ++data_rows_;
    }

    // The fast path: whole rows read in this loop, numbers parsed where they lie. A row is taken
    // only when reading it cell by cell would take it too, giving the same values; anything else
    // (a quote, a blank line, a value to report as an error, a row too long or too short) stops
    // the loop before that row, and its values so far are dropped: the tokenizer then reads it
    // cell by cell, with all of its rules and error messages.
    std::size_t rows(const char* begin, const char* end, std::int64_t row, std::uint64_t offset,
                     std::int64_t& rows_read) override {
        rows_read = 0;
        if (!layout_known_ || blank_row_ != 0) return 0;
        const std::int64_t before = data_rows_;
        const char* p;
        if (all_probs_)
            p = options_.float32 ? prob_rows(begin, end, offset, probs_->values_f32)
                                 : prob_rows(begin, end, offset, probs_->values);
        else if (labels_only_)
            p = label_rows(begin, end, row, offset);
        else
            p = options_.float32 ? mixed_rows(begin, end, row, offset, probs_f32())
                                 : mixed_rows(begin, end, row, offset, probs_f64());
        rows_read = data_rows_ - before;
        note_filled();
        return static_cast<std::size_t>(p - begin);
    }

    // Rows of probabilities only (a pred_probs file): the hot loop of a big CSV (csv_prob_rows.hpp).
    template <class Value>
    const char* prob_rows(const char* begin, const char* end, std::uint64_t offset, std::vector<Value>& values) {
        const ProbCells cells{probs_->k, tokenizer_.delimiter(), decimal_comma_};
        const ProbRows::Grow<Value> grow = [this](std::vector<Value>& v, std::size_t need, std::uint64_t consumed) {
            make_room(v, need, consumed);
        };
        std::size_t rows = 0;
        const char* p = prob_rows_.read(begin, end, offset, total_bytes_, cells, values, grow, rows);
        data_rows_ += static_cast<std::int64_t>(rows);
        return p;
    }

    // A labels file of class indices, one per line; any other row goes to fast_row (names, "2.0",
    // blanks around) or back to the tokenizer.
    const char* label_rows(const char* begin, const char* end, std::int64_t row, std::uint64_t offset) {
        LabelColumn& labels = labels_->values;
        const char* p = begin;
        for (std::int64_t r = row; p != end && *p != '\n' && *p != '\r'; ++r) {
            if (labels.capacity() == labels.size())
                make_room(labels, 1, offset + static_cast<std::uint64_t>(p - begin));
            const char* q = p;
            std::int32_t index = 0;
            while (detail::is_digit(*q) && q - p < 9) index = index * 10 + (*q++ - '0');
            const char* next = q != p ? csv_row_end(q) : nullptr;
            if (next == nullptr || !labels.add_index_if_indices(index)) {
                next = fast_row(p, end, r, probs_f64());
                if (next == nullptr) {
                    drop_partial_row();
                    break;
                }
            }
            p = next;
            ++data_rows_;
        }
        return p;
    }

    // Rows with labels, text or truth columns too (labels files, combined files).
    template <class Value>
    const char* mixed_rows(const char* begin, const char* end, std::int64_t row, std::uint64_t offset,
                           std::vector<Value>* probs) {
        const char* p = begin;
        for (std::int64_t r = row; p != end && *p != '\n' && *p != '\r'; ++r) {  // a blank line goes the usual way
            make_room_for_row(offset + static_cast<std::uint64_t>(p - begin));
            const char* next = fast_row(p, end, r, probs);
            if (next == nullptr) {
                drop_partial_row();
                break;
            }
            p = next;
            ++data_rows_;
        }
        return p;
    }

    // --- layout -----------------------------------------------------------------------------
    void decide_layout(bool at_end) {
        decimal_comma_ = tokenizer_.delimiter() == ';';
        const auto& first = held_[0].cells;
        const auto width = static_cast<std::int64_t>(first.size());
        roles_.assign(first.size(), Col::ignore);
        slots_.assign(first.size(), 0);
        if (role_ == FileRole::pred_probs) {
            // A header has a word in it (a blank cell is a missing number, reported as such), or is
            // pandas' default header 0,1,...,K-1 — which cannot be probabilities once K >= 3.
            has_header_ = std::any_of(first.begin(), first.end(),
                                      [this](const std::string& c) {
                                          return !trim(c).empty() && !parse_double(c, decimal_comma_);
                                      }) ||
                          is_pandas_default_header(first);
            for (std::size_t c = 0; c < first.size(); ++c) roles_[c] = Col::prob;
            prefixed_ = has_header_ && std::all_of(first.begin(), first.end(), [](const std::string& c) {
                            return probability_prefix_length(c) > 0;
                        });
        } else if (role_ == FileRole::labels && width == 1) {
            // A lone first cell is a header if it is a label column name, or if it is not a label
            // while the next row is a number (integers below a word: "label", 3, 1, ...).
            const bool known = is_label_name(lower(first[0]));
            if (!known && held_.size() < 2 && !at_end && !parse_double(first[0])) return;  // wait for row 2
            has_header_ = known || (!parse_double(first[0]) && held_.size() > 1 && parse_double(held_[1].cells[0]));
            roles_[0] = Col::label;
        } else {
            if (role_ == FileRole::combined && held_.size() < 2) {
                if (!at_end) return;  // the first data row tells which columns are numeric
                throw ReadError(ReadErrorCode::no_data_rows,
                                "The file has a header row but no data rows. Add one row per example.", name_);
            }
            has_header_ = true;
            assign_named_columns(first);
        }
        if (has_header_) check_duplicates(first);
        expected_cells_ = width;
        layout_known_ = true;
        create_outputs(first);
        // Where data rows start, to estimate how many values the rest of the file holds.
        data_start_ = has_header_ ? tokenizer_.row_end_offset() : 0;
        all_probs_ = std::all_of(roles_.begin(), roles_.end(), [](Col r) { return r == Col::prob; });
        labels_only_ = roles_.size() == 1 && roles_[0] == Col::label;
        tokenizer_.enable_rows(true);
        // Replay the rows held back while deciding.
        std::vector<HeldRow> held = std::move(held_);
        for (std::size_t r = has_header_ ? 1 : 0; r < held.size(); ++r) {
            const auto& cells = held[r].cells;
            for (std::size_t c = 0; c < cells.size(); ++c)
                cell(cells[c], held[r].row, static_cast<std::int64_t>(c + 1));
            end_row(held[r].row, static_cast<std::int64_t>(cells.size()));
        }
    }

    // Labels file with several columns, or a combined file: columns chosen by header name.
    void assign_named_columns(const std::vector<std::string>& header) {
        std::vector<std::string> names(header.size());
        for (std::size_t c = 0; c < header.size(); ++c) names[c] = lower(header[c]);
        const std::string wanted = lower(options_.label_column);
        std::ptrdiff_t label = -1;
        if (wanted.empty()) label = find_label_column(names);
        for (std::size_t c = 0; c < names.size() && label < 0 && !wanted.empty(); ++c)
            if (names[c] == wanted) label = static_cast<std::ptrdiff_t>(c);
        if (label < 0) {
            std::string list;
            for (const auto& h : header) list += (list.empty() ? "" : ", ") + quoted(h);
            throw ReadError(ReadErrorCode::missing_column,
                            (wanted.empty() ? std::string("No label column found")
                                            : "No column named " + quoted(options_.label_column)) +
                                ". The columns are: " + list + ". Name the label column one of " +
                                label_column_names_text() + ", or choose it.",
                            name_, held_[0].row, 0);
        }
        std::set<std::string> chosen;
        for (const auto& p : options_.probability_columns) chosen.insert(lower(p));
        // p_<class> / prob_<class> columns (labelscope's exports write them): exactly those are the
        // probabilities, named after the class.
        prefixed_ = chosen.empty() && std::any_of(names.begin(), names.end(), [&](const std::string& n) {
                        return probability_prefix_length(n) > 0 && !is_label_name(n);
                    });
        for (std::size_t c = 0; c < names.size(); ++c) {
            if (static_cast<std::ptrdiff_t>(c) == label) {
                roles_[c] = Col::label;
            } else if (role_ == FileRole::labels || is_label_name(names[c])) {
                roles_[c] = Col::text;  // a second label-like column (label_column chose another) is no class
            } else if (is_true_label_name(names[c])) {
                roles_[c] = Col::true_label;
            } else if (is_known_error_name(names[c])) {
                roles_[c] = Col::known_error;
            } else if (!chosen.empty()) {
                roles_[c] = chosen.count(names[c]) ? Col::prob : Col::text;
            } else if (prefixed_) {
                roles_[c] = probability_prefix_length(names[c]) > 0 ? Col::prob : Col::text;
            } else if (is_export_column_name(names[c])) {
                roles_[c] = Col::text;
            } else {
                const bool numeric =
                    held_.size() > 1 && c < held_[1].cells.size() && parse_double(held_[1].cells[c], decimal_comma_);
                roles_[c] = numeric && !is_id_name(names[c]) ? Col::prob : Col::text;
            }
        }
        for (const auto& p : options_.probability_columns)
            if (std::find(names.begin(), names.end(), lower(p)) == names.end())
                throw ReadError(ReadErrorCode::missing_column,
                                "No column named " + quoted(p) + " for the probabilities.", name_, held_[0].row, 0);
        if (role_ == FileRole::combined && std::count(roles_.begin(), roles_.end(), Col::prob) == 0)
            throw ReadError(ReadErrorCode::missing_column,
                            "No probability columns found: a combined file needs one numeric column per class "
                            "next to the label column.",
                            name_, held_[0].row, 0);
    }

    void check_duplicates(const std::vector<std::string>& header) {
        std::set<std::string> seen;
        for (std::size_t c = 0; c < header.size(); ++c)
            if (!seen.insert(std::string(trim(header[c]))).second)
                throw ReadError(ReadErrorCode::duplicate_column,
                                "Two columns are named " + quoted(header[c]) + ". Give every column its own name.",
                                name_, held_[0].row, static_cast<std::int64_t>(c + 1));
    }

    // --- memory ---------------------------------------------------------------------------
    // Capacity for a value buffer holding `size` values that needs `need` more, `consumed` bytes
    // into the file. A buffer of a big file must grow at most once more after its first small
    // sample: doubling 800 MB would need 2.4 GB at once (old + new copy). So it is sized from the
    // values per byte seen so far times the bytes still to come, plus a small margin. Before the
    // sample is big enough to trust, and when the file size is unknown, it grows in steps.
    std::size_t planned_capacity(std::size_t size, std::size_t need, std::uint64_t consumed) const {
        constexpr std::size_t SAMPLE = std::size_t{1} << 16;  // values: ~650 KB of a %.6g CSV
        std::size_t more;
        if (total_bytes_ > consumed) {
            const std::uint64_t left = total_bytes_ - consumed;
            const std::uint64_t most = left / 2 + 1;  // every value takes 2 bytes at least: "0,"
            const std::uint64_t data_bytes = consumed > data_start_ ? consumed - data_start_ : 0;
            if (size < SAMPLE || data_bytes == 0) {
                more = static_cast<std::size_t>(std::min<std::uint64_t>(most, SAMPLE));
            } else {
                const double expected =
                    static_cast<double>(left) * static_cast<double>(size) / static_cast<double>(data_bytes);
                // 2% over the estimate; should that still fall short (rows getting longer), the
                // next step is big enough that a third copy is unlikely.
                const double planned = std::max(expected * 1.02 + 1024.0, static_cast<double>(size / 16));
                more = static_cast<std::size_t>(std::min(planned, static_cast<double>(most)));
            }
        } else {
            more = std::max(size / 2, SAMPLE);
        }
        return size + std::max(more, need);
    }

    template <class Value>
    void make_room(std::vector<Value>& values, std::size_t need, std::uint64_t consumed) {
        if (values.capacity() - values.size() < need)
            reserve_values(values, planned_capacity(values.size(), need, consumed), warmer_);
    }
    void make_room(LabelColumn& labels, std::size_t need, std::uint64_t consumed) {
        if (labels.capacity() - labels.size() < need) labels.reserve(planned_capacity(labels.size(), need, consumed));
    }

    // Tells the page warmer how far the probabilities are written.
    void note_filled() {
        if (probs_ != nullptr) warmer_.filled_to(probs_->values_end(options_.float32));
    }

    void make_room_for_row(std::uint64_t consumed) {
        if (probs_ != nullptr) {
            if (options_.float32)
                make_room(probs_->values_f32, probs_->k, consumed);
            else
                make_room(probs_->values, probs_->k, consumed);
        }
        if (labels_ != nullptr) make_room(labels_->values, 1, consumed);
    }

    // Drops what a row the fast path gave back had stored: every buffer held data_rows_ rows.
    void drop_partial_row() {
        const auto n = static_cast<std::size_t>(data_rows_);
        if (probs_ != nullptr) {
            if (options_.float32)
                probs_->values_f32.resize(n * probs_->k);
            else
                probs_->values.resize(n * probs_->k);
        }
        if (labels_ != nullptr) labels_->values.truncate(n);
        for (std::size_t c = 0; c < roles_.size(); ++c) {
            if (roles_[c] == Col::text) parts_.extra_columns[slots_[c]].values.resize(n);
            if (roles_[c] == Col::true_label) parts_.true_labels->truncate(n);
            if (roles_[c] == Col::known_error) parts_.known_errors.resize(n);
        }
    }

    void create_outputs(const std::vector<std::string>& header) {
        const std::int64_t first_data_row = has_header_ ? held_[0].row + 1 : held_[0].row;
        parts_.reading_first_row = first_data_row;  // errors in data rows from here on, outputs or not
        for (std::size_t c = 0; c < roles_.size(); ++c) {
            const auto column = static_cast<std::int64_t>(c + 1);
            std::string name = has_header_ ? std::string(trim(header[c])) : std::to_string(c);
            if (prefixed_ && roles_[c] == Col::prob) name.erase(0, probability_prefix_length(name));
            switch (roles_[c]) {
                case Col::prob:
                    if (probs_ == nullptr) {
                        parts_.probs.emplace();
                        probs_ = &*parts_.probs;
                        probs_->file = name_;
                        probs_->first_row = first_data_row;
                    }
                    slots_[c] = probs_->k++;
                    probs_->columns.push_back(column);
                    if (has_header_) probs_->header.push_back(name);
                    break;
                case Col::label:
                    parts_.labels.emplace();
                    labels_ = &*parts_.labels;
                    labels_->file = name_;
                    labels_->first_row = first_data_row;
                    labels_->column = column;
                    break;
                case Col::true_label:
                    parts_.true_labels.emplace();
                    parts_.true_labels_column = column;
                    break;
                case Col::known_error: parts_.has_known_errors = true; break;
                case Col::text:
                    slots_[c] = parts_.extra_columns.size();
                    parts_.extra_columns.push_back({name, {}});
                    break;
                case Col::ignore: break;
            }
        }
    }

    // --- values -----------------------------------------------------------------------------
    std::vector<double>* probs_f64() { return probs_ != nullptr ? &probs_->values : nullptr; }
    std::vector<float>* probs_f32() { return probs_ != nullptr ? &probs_->values_f32 : nullptr; }

    // One row from p, every cell as take() would store it; returns the position after its line
    // break, or nullptr to give the row back (see rows()). [p, end) ends with '\n', so every scan
    // below stops inside it.
    template <class Value>
    const char* fast_row(const char* p, const char* end, std::int64_t row, std::vector<Value>* probs) {
        const char delimiter = tokenizer_.delimiter();
        const std::size_t width = roles_.size();
        for (std::size_t c = 0;; ++c) {
            switch (roles_[c]) {
                case Col::prob: {
                    double v = 0;
                    const char* q = parse_short_decimal_terminated(p, end, decimal_comma_, v);
                    if (q == nullptr || !csv_ends_cell(*q, delimiter)) {
                        q = csv_other_number(p, delimiter, decimal_comma_, v);
                        if (q == nullptr) return nullptr;
                    }
                    probs->push_back(static_cast<Value>(v));
                    p = q;
                    break;
                }
                case Col::label: {
                    const char* q = p;
                    std::int32_t index = 0;
                    while (detail::is_digit(*q) && q - p < 9) index = index * 10 + (*q++ - '0');
                    if (q == p || !csv_ends_cell(*q, delimiter) || !labels_->values.add_index_if_indices(index)) {
                        q = csv_cell_end(p, delimiter);
                        if (q == nullptr ||
                            !labels_->values.add(std::string_view(p, static_cast<std::size_t>(q - p)), row))
                            return nullptr;
                    }
                    p = q;
                    break;
                }
                default: {
                    const char* q = csv_cell_end(p, delimiter);
                    if (q == nullptr || !take_other(c, std::string_view(p, static_cast<std::size_t>(q - p)), row))
                        return nullptr;
                    p = q;
                    break;
                }
            }
            if (c + 1 == width) return csv_row_end(p);
            if (*p != delimiter) return nullptr;
            ++p;
        }
    }

    // take() for the columns that are neither probabilities nor labels, returning false instead
    // of throwing (the tokenizer's pass then reports it).
    bool take_other(std::size_t c, std::string_view text, std::int64_t row) {
        switch (roles_[c]) {
            case Col::true_label:
                if (trim(text).empty()) {
                    parts_.true_labels->add_unknown();
                    return true;
                }
                return parts_.true_labels->add(text, row);
            case Col::known_error: {
                const std::int8_t v = known_error_value(text);
                if (v == BAD_KNOWN_ERROR) return false;
                parts_.known_errors.push_back(v);
                return true;
            }
            case Col::text: parts_.extra_columns[slots_[c]].values.emplace_back(text); return true;
            default: return true;
        }
    }

    template <class Value>
    void push_prob(std::vector<Value>& values, double v) {
        if (values.size() == values.capacity()) make_room(values, 1, tokenizer_.row_end_offset());
        values.push_back(static_cast<Value>(v));
    }

    void take(std::int64_t column, std::string_view text, std::int64_t row) {
        const auto c = static_cast<std::size_t>(column - 1);
        switch (roles_[c]) {
            case Col::prob: {
                const auto v = parse_double(text, decimal_comma_);
                if (!v) bad_number(text, row, column);
                if (options_.float32)
                    push_prob(probs_->values_f32, *v);
                else
                    push_prob(probs_->values, *v);
                break;
            }
            case Col::label:
                make_room(labels_->values, 1, tokenizer_.row_end_offset());
                if (!labels_->values.add(text, row)) bad_label(text, row, column);
                break;
            case Col::true_label:
                if (trim(text).empty())
                    parts_.true_labels->add_unknown();
                else if (!parts_.true_labels->add(text, row))
                    bad_label(text, row, column);
                break;
            case Col::known_error: parts_.known_errors.push_back(known_error(text, row, column)); break;
            case Col::text: parts_.extra_columns[slots_[c]].values.emplace_back(text); break;
            case Col::ignore: break;
        }
    }

    static constexpr std::int8_t BAD_KNOWN_ERROR = 2;
    static std::int8_t known_error_value(std::string_view text) {
        const std::string t = lower(text);
        if (t.empty()) return -1;
        if (t == "1" || t == "1.0" || t == "true" || t == "yes") return 1;
        if (t == "0" || t == "0.0" || t == "false" || t == "no") return 0;
        return BAD_KNOWN_ERROR;
    }

    std::int8_t known_error(std::string_view text, std::int64_t row, std::int64_t column) const {
        const std::int8_t v = known_error_value(text);
        if (v != BAD_KNOWN_ERROR) return v;
        throw ReadError(ReadErrorCode::bad_label,
                        quoted(text) + " is not a yes/no value. Use 1 or 0 in the " +
                            "known-error column (or leave it empty when unknown).",
                        name_, row, column);
    }

    [[noreturn]] void blank_row_error() const {
        throw ReadError(ReadErrorCode::blank_row,
                        role_ == FileRole::labels
                            ? "This row is empty but more data follows: a label is missing. Fill in the label, "
                              "or remove the blank line."
                            : "This row is empty but more data follows. Remove the blank line or fill in the example.",
                        name_, blank_row_, 1);
    }

    [[noreturn]] void bad_number(std::string_view text, std::int64_t row, std::int64_t column) const {
        const std::string_view t = trim(text);
        const std::string what = t.empty() ? std::string("The cell is empty") : quoted(text) + " is not a number";
        throw ReadError(ReadErrorCode::bad_number,
                        what + ". Every probability must be a number such as 0.25 (decimal point, no units).", name_,
                        row, column);
    }

    [[noreturn]] void bad_label(std::string_view text, std::int64_t row, std::int64_t column) const {
        const std::string_view t = trim(text);
        if (t.empty())
            throw ReadError(ReadErrorCode::bad_label,
                            "The label is empty. Every example needs its given label (a class index or name).", name_,
                            row, column);
        throw ReadError(ReadErrorCode::bad_label,
                        quoted(text) +
                            " is not a class: labels must be whole-number class indices (0, 1, 2, ...) "
                            "or class names.",
                        name_, row, column);
    }

    FileRole role_;
    std::string name_;
    const ReadOptions& options_;
    ReaderParts& parts_;
    CsvTokenizer tokenizer_;

    bool layout_known_ = false;
    bool has_header_ = false;
    bool prefixed_ = false;  // the probability columns are the p_<class> / prob_<class> ones
    bool decimal_comma_ = false;
    std::vector<std::string> pending_;  // cells of the row being read while the layout is undecided
    std::vector<HeldRow> held_;
    std::vector<Col> roles_;
    std::vector<std::size_t> slots_;
    std::int64_t expected_cells_ = 0;
    std::string first_cell_;
    std::int64_t blank_row_ = 0;
    std::int64_t data_rows_ = 0;
    ParsedProbs* probs_ = nullptr;
    ParsedLabels* labels_ = nullptr;
    std::uint64_t total_bytes_ = 0;
    std::uint64_t data_start_ = 0;  // file offset of the first data row
    bool all_probs_ = false;        // every column is a probability (the rows() fast loop)
    bool labels_only_ = false;      // a single label column
    PageWarmer warmer_;             // for the probabilities' buffer
    ProbRows prob_rows_;            // the all-probabilities fast loop, and its helpers' buffers
};

}  // namespace

std::unique_ptr<FileParser> make_csv_parser(FileRole role, const std::string& name, const ReadOptions& options,
                                            ReaderParts& parts, std::uint64_t total_bytes) {
    return std::make_unique<CsvParser>(role, name, options, parts, total_bytes);
}

}  // namespace labelscope::io
