#include "io/multilabel_reader.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "core/errors.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/fingerprint.hpp"
#include "io/number_parse.hpp"
#include "io/read_error.hpp"
#include "io/reader_parts.hpp"

namespace labelscope::io {
namespace {

constexpr char NPY_MAGIC[] = "\x93NUMPY";
const std::string CLASS_COLUMN_PREFIX = "label_";

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
            if (lowered[c].size() > CLASS_COLUMN_PREFIX.size() && lowered[c].rfind(CLASS_COLUMN_PREFIX, 0) == 0)
                class_of_column_.push_back(static_cast<std::int64_t>(c));
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
            if (v == "1" || v == "1.0" || v == "true" || v == "True" || v == "TRUE")
                names_.push_back(class_columns_[r]);
            else if (!(v == "0" || v == "0.0" || v.empty() || v == "false" || v == "False" || v == "FALSE"))
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
                case Role::class_column:
                    if (v == "1" || v == "1.0" || v == "true" || v == "True" || v == "TRUE")
                        names_.push_back(class_columns_[slot_[c]]);
                    else if (!(v == "0" || v == "0.0" || v.empty() || v == "false" || v == "False" || v == "FALSE"))
                        throw ReadError(ReadErrorCode::bad_label,
                                        "The cell '" + std::string(v) + "' of column " + header_[c] +
                                            " is not 0 or 1. One column per class holds 1 when the class applies.",
                                        name_, row, static_cast<std::int64_t>(c) + 1);
                    break;
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
            any_class_column |=
                lowered[c].size() > CLASS_COLUMN_PREFIX.size() && lowered[c].rfind(CLASS_COLUMN_PREFIX, 0) == 0;
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
            if (any_class_column && l.size() > CLASS_COLUMN_PREFIX.size() && l.rfind(CLASS_COLUMN_PREFIX, 0) == 0) {
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

// Labels .npy: a 2-D N x K array of 0/1 (bool, integer or float dtype), C order.
class LabelMatrixNpy final : public FileParser {
public:
    LabelMatrixNpy(std::string name, LabelSetColumn& sets, std::size_t& k)
        : name_(std::move(name)), sets_(sets), k_(k) {}

    void feed(const std::uint8_t* data, std::size_t size) override {
        std::size_t i = 0;
        while (!body_ && i < size) {
            head_ += static_cast<char>(data[i++]);
            parse_header();
        }
        for (; i < size; ++i) {
            value_.push_back(data[i]);
            if (value_.size() == width_) take_value();
        }
    }

    void finish() override {
        if (!body_ || row_ != rows_ || !value_.empty())
            fail("The labels .npy file is truncated: expected " + std::to_string(rows_) + " rows of " +
                 std::to_string(k_) + " values.");
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw ReadError(ReadErrorCode::bad_npy, what, name_, 0, 0);
    }

    void parse_header() {
        if (head_.size() < 10) return;
        if (head_.compare(0, 6, std::string(NPY_MAGIC, 6)) != 0) fail("Not a .npy file.");
        const auto major = static_cast<unsigned char>(head_[6]);
        const std::size_t len_bytes = major == 1 ? 2 : 4, start = 8 + len_bytes;
        if (head_.size() < start) return;
        std::size_t len = 0;
        for (std::size_t b = 0; b < len_bytes; ++b)
            len |= static_cast<std::size_t>(static_cast<unsigned char>(head_[8 + b])) << (8 * b);
        if (head_.size() < start + len) return;
        const std::string dict = head_.substr(start, len);
        const auto at = dict.find("'descr'");
        const auto q1 = dict.find('\'', dict.find(':', at) + 1), q2 = dict.find('\'', q1 + 1);
        if (at == std::string::npos || q1 == std::string::npos || q2 == std::string::npos) fail("Bad .npy header.");
        descr_ = dict.substr(q1 + 1, q2 - q1 - 1);
        if (dict.find("'fortran_order': True") != std::string::npos)
            fail("The labels .npy is in Fortran order. Save it with np.ascontiguousarray(labels).");
        const auto open = dict.find('(', dict.find("'shape'")), close = dict.find(')', open);
        std::vector<std::size_t> shape;
        std::string num;
        for (std::size_t c = open + 1; c <= close && open != std::string::npos; ++c) {
            if (dict[c] >= '0' && dict[c] <= '9')
                num += dict[c];
            else if (!num.empty())
                shape.push_back(std::stoull(num)), num.clear();
        }
        if (shape.size() != 2)
            fail("The labels .npy has shape of " + std::to_string(shape.size()) +
                 " dimension(s); multi-label labels need a 2-D N x K array of 0/1 (one column per class).");
        rows_ = shape[0];
        k_ = shape[1];
        const std::string kind = descr_.size() >= 2 ? descr_.substr(1) : descr_;
        if (descr_.size() >= 1 && descr_[0] == '>') fail("The labels .npy is big-endian ('" + descr_ + "').");
        static const std::pair<const char*, std::size_t> widths[] = {{"b1", 1}, {"u1", 1}, {"i1", 1}, {"u2", 2},
                                                                     {"i2", 2}, {"u4", 4}, {"i4", 4}, {"u8", 8},
                                                                     {"i8", 8}, {"f4", 4}, {"f8", 8}};
        for (const auto& [n, w] : widths)
            if (kind == n) width_ = w;
        if (width_ == 0) fail("Unsupported labels .npy dtype '" + descr_ + "'. Save 0/1 as bool, integers or floats.");
        body_ = true;
        head_.clear();
        set_.clear();
        if (rows_ == 0 || k_ == 0) fail("The labels .npy is empty.");
    }

    void take_value() {
        double v = 0;
        const std::string kind = descr_.substr(1);
        if (kind == "f4") {
            float f;
            std::memcpy(&f, value_.data(), 4);
            v = f;
        } else if (kind == "f8")
            std::memcpy(&v, value_.data(), 8);
        else {
            std::uint64_t u = 0;
            for (std::size_t b = 0; b < width_; ++b) u |= static_cast<std::uint64_t>(value_[b]) << (8 * b);
            v = static_cast<double>(u);  // 0 and 1 read the same signed or not
        }
        value_.clear();
        if (v == 1.0)
            set_.push_back(static_cast<std::int32_t>(col_));
        else if (v != 0.0)
            throw ReadError(ReadErrorCode::bad_label,
                            "labels[" + std::to_string(row_) + "][" + std::to_string(col_) + "] is " +
                                std::to_string(v) + ", not 0 or 1. A multi-label .npy holds 1 where a class applies.",
                            name_, static_cast<std::int64_t>(row_) + 1, static_cast<std::int64_t>(col_) + 1);
        if (++col_ == k_) {
            sets_.add_indices(set_);
            set_.clear();
            col_ = 0;
            ++row_;
        }
    }

    std::string name_;
    LabelSetColumn& sets_;
    std::size_t& k_;
    std::string head_, descr_;
    bool body_ = false;
    std::size_t width_ = 0, rows_ = 0, row_ = 0, col_ = 0;
    std::vector<std::uint8_t> value_;
    std::vector<std::int32_t> set_;
};

}  // namespace

struct MultiLabelReader::State {
    ReadOptions options;
    ReaderParts parts;  // pred_probs, read by the single-label parsers
    std::optional<LabelSetColumn> sets;
    std::string labels_file;
    std::int64_t labels_first_row = 1, labels_column = 1;
    std::vector<std::string> class_columns;
    std::vector<TextColumn> extra;
    std::size_t trailing_blanks = 0;
    std::size_t npy_k = 0;
    bool labels_npy = false;
    FileRole role = FileRole::labels;
    std::string name;
    std::uint64_t total = 0;
    std::string head;
    std::unique_ptr<FileParser> parser;
    Fingerprint fingerprint;

    void choose(const std::uint8_t* data, std::size_t size) {
        const bool npy = size >= 6 && std::memcmp(data, NPY_MAGIC, 6) == 0;
        if (role == FileRole::pred_probs) {
            parser = npy ? make_npy_parser(role, name, options, parts, total)
                         : make_csv_parser(role, name, options, parts, total);
        } else if (role == FileRole::combined) {
            if (npy)
                throw ReadError(ReadErrorCode::bad_npy,
                                "A .npy cannot hold both label sets and probabilities: give a labels file and a "
                                "pred_probs file.",
                                name, 0, 0);
            sets.emplace();
            labels_file = name;
            parser = std::make_unique<CombinedSink>(name, *sets, parts, options, labels_first_row, labels_column,
                                                    class_columns);
        } else {
            sets.emplace();
            labels_file = name;
            labels_npy = npy;
            if (npy) {
                labels_first_row = 1, labels_column = 0;
                parser = std::make_unique<LabelMatrixNpy>(name, *sets, npy_k);
            } else {
                parser = std::make_unique<LabelSetSink>(name, *sets, extra, labels_first_row, labels_column,
                                                        class_columns, trailing_blanks);
            }
        }
        if (size > 0) parser->feed(data, size);
    }
};

MultiLabelReader::MultiLabelReader(ReadOptions options) : state_(std::make_unique<State>()) {
    state_->options = std::move(options);
}
MultiLabelReader::~MultiLabelReader() = default;

void MultiLabelReader::begin_file(FileRole role, const std::string& name, std::uint64_t total_bytes) {
    State& s = *state_;
    s.role = role;
    s.name = name;
    s.total = total_bytes;
    s.head.clear();
    s.parser.reset();
}

void MultiLabelReader::feed(const std::uint8_t* data, std::size_t size) {
    State& s = *state_;
    s.fingerprint.update(data, size);
    if (s.parser) return s.parser->feed(data, size);
    s.head.append(reinterpret_cast<const char*>(data), size);
    if (s.head.size() >= 6) {
        std::string held;
        held.swap(s.head);
        s.choose(reinterpret_cast<const std::uint8_t*>(held.data()), held.size());
    }
}

void MultiLabelReader::end_file() {
    State& s = *state_;
    if (!s.parser) {
        std::string held;
        held.swap(s.head);
        s.choose(reinterpret_cast<const std::uint8_t*>(held.data()), held.size());
    }
    s.fingerprint.end_file(static_cast<std::uint32_t>(s.role));
    auto parser = std::move(s.parser);
    parser->finish();
}

MultiLabelDataset MultiLabelReader::finish() {
    State& s = *state_;
    if (!s.sets)
        throw ReadError(ReadErrorCode::missing_file,
                        "No labels were read. Add a labels file whose cells hold sets of classes (a;b).");
    if (!s.parts.probs)
        throw ReadError(ReadErrorCode::missing_file,
                        "No predicted probabilities were read. Add a pred_probs file (CSV, TSV or .npy).");
    ParsedProbs& probs = *s.parts.probs;
    LabelSetColumn& sets = *s.sets;
    const std::size_t n = probs.rows, k = probs.k;
    // Blank lines at the end of the labels file are not examples (an empty set is written "").
    if (sets.size() > n) sets.drop_last(std::min(s.trailing_blanks, sets.size() - n));
    if (sets.size() != n)
        throw ReadError(ReadErrorCode::row_count_mismatch,
                        s.labels_file + " has " + std::to_string(sets.size()) + " label sets but " + probs.file +
                            " has " + std::to_string(n) + (n == 1 ? " row" : " rows") +
                            " of probabilities. Both files must list the same examples in the same order.",
                        s.labels_file, 0, 0);
    if (s.labels_npy && s.npy_k != k)
        throw ReadError(ReadErrorCode::row_count_mismatch,
                        s.labels_file + " has " + std::to_string(s.npy_k) + " columns of 0/1 but " + probs.file +
                            " has " + std::to_string(k) + " probability columns. Both need one column per class.",
                        s.labels_file, 0, 0);
    MultiLabelDataset d;
    d.num_examples = n;
    d.num_classes = k;
    if (!s.options.class_names.empty()) {
        if (s.options.class_names.size() != k)
            throw ReadError(ReadErrorCode::missing_column,
                            std::to_string(s.options.class_names.size()) + " class names were given but " + probs.file +
                                " has " + std::to_string(k) + " probability columns. Give one name per column.",
                            probs.file, 0, 0);
        d.class_names = s.options.class_names;
    } else if (!probs.header.empty()) {
        d.class_names = probs.header;
    } else if (s.class_columns.size() == k) {
        d.class_names = s.class_columns;  // label_<class> columns name the classes
    } else {
        for (std::size_t c = 0; c < k; ++c) d.class_names.push_back(std::to_string(c));
    }
    std::string unknown;
    std::int64_t unknown_row = 0;
    if (!sets.resolve(d.class_names, d.offsets, d.classes, &unknown, &unknown_row)) {
        std::string list;
        for (std::size_t c = 0; c < k && c < 20; ++c) list += (c ? ", " : "") + d.class_names[c];
        throw ReadError(ReadErrorCode::unknown_class,
                        "The class '" + unknown +
                            "' in a label set matches no class. The classes (probability "
                            "columns) are: " +
                            list + (k > 20 ? ", ..." : "") + ". Fix the label or name the columns after the classes.",
                        s.labels_file, unknown_row, s.labels_column);
    }
    d.notation = s.labels_npy ? SetNotation::npy : !s.class_columns.empty() ? SetNotation::columns : sets.notation();
    d.rows_with_several = sets.rows_with_several();
    d.probs = std::move(probs.values);
    d.probs_f32 = std::move(probs.values_f32);
    d.extra_columns = s.extra.empty() ? std::move(s.parts.extra_columns) : std::move(s.extra);
    d.source.labels_file = s.labels_file;
    d.source.labels_first_row = s.labels_first_row;
    d.source.labels_column = s.labels_column;
    d.source.probs_file = probs.file;
    d.source.probs_first_row = probs.first_row;
    d.source.probs_columns = probs.columns;
    d.notes = std::move(s.parts.notes);
    d.notes.push_back("Label sets in " + std::string(to_string(d.notation)) + " notation; " +
                      std::to_string(d.rows_with_several) + " of " + std::to_string(n) +
                      " examples have more than one class.");
    d.fingerprint = s.fingerprint.hex();
    ReadOptions options = std::move(s.options);
    state_ = std::make_unique<State>();
    state_->options = std::move(options);
    return d;
}

std::int64_t MultiLabelReader::labels_with_several() const {
    return state_->sets ? state_->sets->rows_with_several() : 0;
}

std::int64_t MultiLabelReader::first_row_with_several() const {
    return state_->sets ? state_->sets->first_row_with_several() : 0;
}

std::int64_t MultiLabelReader::labels_column() const { return state_->labels_column; }

std::int64_t MultiLabelReader::first_data_row(const std::string& file) const {
    const State& s = *state_;
    if (s.sets && file == s.labels_file) return s.labels_first_row;
    if (s.parts.probs && file == s.parts.probs->file) return s.parts.probs->first_row;
    if (file == s.parts.reading_file) return s.parts.reading_first_row;  // its header decided, no output yet
    return 0;
}

Warnings validate_multilabel_dataset(const MultiLabelDataset& d, bool require_absent_somewhere) {
    try {
        return d.is_float32()
                   ? validate_multilabel_inputs(d.labels_view(), d.probs_view_f32(), require_absent_somewhere)
                   : validate_multilabel_inputs(d.labels_view(), d.probs_view(), require_absent_somewhere);
    } catch (const LabelScopeError& e) {
        Dataset where;
        where.source = d.source;
        throw locate_error(e, where);
    }
}

}  // namespace labelscope::io
