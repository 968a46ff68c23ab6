#include "io/dense_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "io/csv_tokenizer.hpp"
#include "io/dataset_reader.hpp"
#include "io/label_column.hpp"
#include "io/number_parse.hpp"
#include "io/read_error.hpp"
#include "io/reader_parts.hpp"

namespace labelscope::io {
namespace {

constexpr char NPY_MAGIC[] = "\x93NUMPY";

bool starts_npy(const std::string& head) { return head.size() >= 6 && std::memcmp(head.data(), NPY_MAGIC, 6) == 0; }

}  // namespace

// Either format, chosen from the first bytes.
class DenseParser {
public:
    virtual ~DenseParser() = default;
    virtual void feed(const std::uint8_t* data, std::size_t size) = 0;
    virtual void finish(DenseFeatures& out) = 0;
};

namespace {

// A .npy array: the body is kept in its own type when that is uint8, float32 or float64.
// The values go straight into the array of their type (one copy of the data in memory, not two).
class NpyDense final : public DenseParser {
public:
    NpyDense(std::string name, std::uint64_t total_bytes) : name_(std::move(name)), total_bytes_(total_bytes) {}

    void feed(const std::uint8_t* data, std::size_t size) override {
        if (!header_done_) {
            head_.append(reinterpret_cast<const char*>(data), size);
            if (!parse_header()) return;
            start_body();
            const std::string rest = head_.substr(body_offset_);
            head_.clear();
            store(reinterpret_cast<const std::uint8_t*>(rest.data()), rest.size());
            return;
        }
        store(data, size);
    }

    void finish(DenseFeatures& out) override {
        if (!header_done_) fail("The .npy file ends inside its header: it is truncated or not a .npy file.");
        const std::size_t need = total_ * width_;
        if (received_ < need)
            fail("The .npy data is truncated: expected " + std::to_string(need) + " bytes of values, got " +
                 std::to_string(received_) + ". Save the array again.");
        if (extra_ > 0)
            fail("The .npy file has " + std::to_string(extra_) + " bytes after the array data. Save it again.");
        out = std::move(result_);
        out.file = name_;
        out.rows = rows_;
        out.cols = cols_;
        out.image_shape = image_shape_;
        if (out.type == DenseFeatures::Type::u8) {
            if (fortran_) to_c_order(out.u8);
        } else if (out.type == DenseFeatures::Type::f32) {
            check_finite(out.f32);
            if (fortran_) to_c_order(out.f32);
        } else {
            if (kind_ != "f8") {  // integers wider than a byte: as doubles (exact up to 2^53)
                out.f64.resize(total_);
                for (std::size_t e = 0; e < total_; ++e) out.f64[e] = integer_at(raw_.data() + e * width_);
                std::vector<std::uint8_t>().swap(raw_);
            }
            check_finite(out.f64);
            if (fortran_) to_c_order(out.f64);
        }
        out.notes.push_back(name_ + ": .npy array " + std::to_string(rows_) + " x " + std::to_string(cols_) + " (" +
                            kind_ + (image_shape_.empty() ? "" : ", images " + shape_text()) + ")");
    }

private:
    [[noreturn]] void fail(const std::string& message) const {
        throw ReadError(ReadErrorCode::bad_npy, message, name_, 0, 0);
    }

    // Sizes the destination once the header is known; a file too short for its shape fails here,
    // before a damaged header can make a small file allocate what its shape claims.
    void start_body() {
        const std::size_t need = total_ * width_;
        if (total_bytes_ > 0 && total_bytes_ - std::min<std::uint64_t>(total_bytes_, body_offset_) < need)
            fail("The .npy data is truncated: its shape needs " + std::to_string(need) +
                 " bytes of values, the file "
                 "has " +
                 std::to_string(total_bytes_ - std::min<std::uint64_t>(total_bytes_, body_offset_)) +
                 ". Save the array again.");
        if (kind_ == "u1") {
            result_.type = DenseFeatures::Type::u8;
            result_.u8.resize(total_);
            dest_ = result_.u8.data();
        } else if (kind_ == "f4") {
            result_.type = DenseFeatures::Type::f32;
            result_.f32.resize(total_);
            dest_ = reinterpret_cast<std::uint8_t*>(result_.f32.data());
        } else if (kind_ == "f8") {
            result_.type = DenseFeatures::Type::f64;
            result_.f64.resize(total_);
            dest_ = reinterpret_cast<std::uint8_t*>(result_.f64.data());
        } else {
            result_.type = DenseFeatures::Type::f64;
            raw_.resize(need);
            dest_ = raw_.data();
        }
    }

    void store(const std::uint8_t* data, std::size_t size) {
        const std::size_t need = total_ * width_;
        const std::size_t take = std::min(size, need - received_);
        if (take > 0) std::memcpy(dest_ + received_, data, take);
        received_ += take;
        extra_ += size - take;
    }

    std::string shape_text() const {
        std::string t;
        for (auto d : image_shape_) t += (t.empty() ? "" : "x") + std::to_string(d);
        return t;
    }

    bool parse_header() {
        if (head_.size() < 10) return false;
        if (!starts_npy(head_)) fail("This is not a .npy file (the magic bytes are missing).");
        const auto major = static_cast<unsigned char>(head_[6]);
        if (major < 1 || major > 3) fail("Unsupported .npy format version " + std::to_string(major) + ".");
        const std::size_t length_bytes = major == 1 ? 2 : 4;
        if (head_.size() < 8 + length_bytes) return false;
        std::size_t header_len = 0;
        for (std::size_t b = 0; b < length_bytes; ++b)
            header_len |= static_cast<std::size_t>(static_cast<unsigned char>(head_[8 + b])) << (8 * b);
        if (header_len > (1u << 20)) fail("The .npy header is implausibly long; the file is damaged.");
        body_offset_ = 8 + length_bytes + header_len;
        if (head_.size() < body_offset_) return false;
        interpret(head_.substr(8 + length_bytes, header_len));
        header_done_ = true;
        return true;
    }

    void interpret(const std::string& dict) {
        const auto k = dict.find("'descr'");
        const auto open_q = k == std::string::npos ? k : dict.find('\'', k + 7);
        const auto close_q = open_q == std::string::npos ? open_q : dict.find('\'', open_q + 1);
        const std::string descr = close_q == std::string::npos ? "" : dict.substr(open_q + 1, close_q - open_q - 1);
        const char order = descr.empty() ? '?' : descr[0];
        kind_ = descr.size() >= 3 ? descr.substr(1) : descr;
        static const char* known[] = {"u1", "f4", "f8", "i1", "i2", "i4", "i8", "u2", "u4", "u8"};
        const bool ok = std::find_if(std::begin(known), std::end(known), [&](const char* n) { return kind_ == n; }) !=
                        std::end(known);
        if (!ok || (order != '<' && order != '|' && order != '='))
            fail("Unsupported .npy dtype '" + descr +
                 "'. Save features as uint8, float32 or float64 "
                 "(little-endian), e.g. X.astype('float32').");
        width_ = static_cast<std::size_t>(kind_[1] - '0');
        const auto fo = dict.find("'fortran_order'");
        fortran_ = fo != std::string::npos && dict.find("True", fo) < dict.find(',', fo);
        const auto shape_at = dict.find("'shape'");
        const auto open = dict.find('(', shape_at), close = dict.find(')', open);
        if (shape_at == std::string::npos || open == std::string::npos || close == std::string::npos)
            fail("The .npy header has no shape.");
        std::vector<double> shape;
        std::string number;
        for (std::size_t i = open + 1; i <= close; ++i) {
            if (dict[i] >= '0' && dict[i] <= '9') {
                number += dict[i];
                if (number.size() > 15) fail("The .npy header gives an impossible shape; the file is damaged.");
            } else if (!number.empty()) {
                shape.push_back(std::stod(number));
                number.clear();
            }
        }
        if (shape.size() < 2)
            fail("Features .npy must be 2-D (examples x features) or N x H x W images; this array has " +
                 std::to_string(shape.size()) + " dimension(s).");
        if (fortran_ && shape.size() > 2) fail("A Fortran-order .npy of images is not supported; save it in C order.");
        double elements = 1;
        for (double d : shape) elements *= d;
        if (elements * static_cast<double>(width_) > 3.5e9)
            fail("The array needs more memory than labelscope can hold (about 3500 MB). Use fewer examples.");
        rows_ = static_cast<std::size_t>(shape[0]);
        cols_ = 1;
        for (std::size_t d = 1; d < shape.size(); ++d) cols_ *= static_cast<std::size_t>(shape[d]);
        if (shape.size() > 2)
            for (std::size_t d = 1; d < shape.size(); ++d) image_shape_.push_back(static_cast<std::size_t>(shape[d]));
        total_ = rows_ * cols_;
    }

    double integer_at(const std::uint8_t* p) const {
        auto get = [p](auto x) {
            std::memcpy(&x, p, sizeof x);
            return static_cast<double>(x);
        };
        if (kind_ == "i1") return get(std::int8_t{});
        if (kind_ == "i2") return get(std::int16_t{});
        if (kind_ == "i4") return get(std::int32_t{});
        if (kind_ == "i8") return get(std::int64_t{});
        if (kind_ == "u2") return get(std::uint16_t{});
        if (kind_ == "u4") return get(std::uint32_t{});
        return get(std::uint64_t{});
    }

    template <class T>
    void check_finite(const std::vector<T>& values) const {
        for (std::size_t e = 0; e < values.size(); ++e)
            if (!std::isfinite(values[e])) {
                const std::size_t row = fortran_ ? e % rows_ : e / cols_, col = fortran_ ? e / rows_ : e % cols_;
                throw ReadError("missing_value",
                                std::string(std::isnan(values[e]) ? "NaN (a missing value)" : "Infinity") +
                                    " in data row " + std::to_string(row + 1) + ", feature " + std::to_string(col + 1) +
                                    ". Features must be finite numbers.",
                                name_, static_cast<std::int64_t>(row + 1), static_cast<std::int64_t>(col + 1));
            }
    }

    template <class T>
    void to_c_order(std::vector<T>& values) const {
        if (rows_ < 2 || cols_ < 2) return;
        std::vector<T> c(values.size());
        for (std::size_t e = 0; e < values.size(); ++e) c[(e % rows_) * cols_ + e / rows_] = values[e];
        values.swap(c);
    }

    std::string name_;
    std::string head_;
    std::uint64_t total_bytes_ = 0;  // of the whole file, 0 if unknown
    DenseFeatures result_;
    std::vector<std::uint8_t> raw_;  // integer kinds other than uint8, converted at the end
    std::uint8_t* dest_ = nullptr;
    std::size_t received_ = 0, extra_ = 0;  // bytes of values stored, bytes after them
    std::size_t body_offset_ = 0;
    bool header_done_ = false;
    std::string kind_;
    std::size_t width_ = 8;
    bool fortran_ = false;
    std::size_t rows_ = 0, cols_ = 0, total_ = 0;
    std::vector<std::size_t> image_shape_;
};

// A numeric CSV: every cell a number; a first row with a word in it is a header.
class CsvDense final : public DenseParser, private CellSink {
public:
    CsvDense(std::string name, bool impute) : name_(std::move(name)), impute_(impute), tokenizer_(*this, name_) {}

    void feed(const std::uint8_t* data, std::size_t size) override {
        try {
            tokenizer_.feed(reinterpret_cast<const char*>(data), size);
        } catch (const ReadError& e) {
            throw in_data_rows(e);
        }
    }

    void finish(DenseFeatures& out) override {
        try {
            tokenizer_.finish();
        } catch (const ReadError& e) {
            throw in_data_rows(e);
        }
        if (width_ == 0 && row_cells_.empty())
            throw ReadError(ReadErrorCode::empty_file, "The file is empty. Choose the file that holds the features.",
                            name_);
        if (rows_ == 0)  // names no row: there is none
            throw ReadError(ReadErrorCode::no_data_rows,
                            "The file has a header row but no data rows. Add one row per example.", name_);
        out.file = name_;
        out.rows = rows_;
        out.cols = width_;
        out.type = DenseFeatures::Type::f64;
        out.f64 = std::move(values_);
        out.notes.push_back(name_ + ": " + std::to_string(rows_) + " x " + std::to_string(width_) + " numbers, " +
                            (header_row_ ? "with a header row" : "no header row"));
    }

private:
    void cell(std::string_view text, std::int64_t row, std::int64_t column) override {
        row_cells_.emplace_back(text);
        (void)row, (void)column;
    }

    void end_row(std::int64_t row, std::int64_t cells) override {
        if (cells == 1 && trim(row_cells_[0]).empty() && width_ != 1) {  // blank: allowed at the end only
            row_cells_.clear();
            if (blank_row_ == 0 && (width_ != 0 || header_row_ != 0)) blank_row_ = row;
            return;
        }
        if (blank_row_ != 0) blank_error();
        if (width_ == 0 && header_row_ == 0) {
            decimal_comma_ = tokenizer_.delimiter() == ';';
            const bool header = std::any_of(row_cells_.begin(), row_cells_.end(), [this](const std::string& c) {
                const auto t = trim(c);
                return !t.empty() && !parse_double(t, decimal_comma_);
            });
            width_ = static_cast<std::size_t>(cells);
            if (header) {
                header_row_ = row;
                row_cells_.clear();
                return;
            }
        }
        if (static_cast<std::size_t>(cells) != width_)
            throw ReadError(ReadErrorCode::ragged_row,
                            "This row has " + std::to_string(cells) + " cell(s) but the first row has " +
                                std::to_string(width_) + ". Every row needs one value per feature.",
                            name_, data_row(row), 0);
        for (std::size_t c = 0; c < width_; ++c) {
            const auto t = trim(row_cells_[c]);
            const auto v = t.empty() ? std::nullopt : parse_double(t, decimal_comma_);
            if (v && std::isfinite(*v)) {
                values_.push_back(*v);
            } else if ((t.empty() || (v && std::isnan(*v))) && impute_) {
                values_.push_back(std::numeric_limits<double>::quiet_NaN());
            } else {
                const std::string what =
                    t.empty() || (v && std::isnan(*v)) ? "A value is missing" : quoted(t) + " is not a number";
                throw ReadError(t.empty() || (v && std::isnan(*v)) ? "missing_value" : "bad_number",
                                what + " (data row " + std::to_string(data_row(row)) + ", line " + std::to_string(row) +
                                    " of the file, feature column " + std::to_string(c + 1) +
                                    "). Every feature must be a number.",
                                name_, data_row(row), static_cast<std::int64_t>(c + 1));
            }
        }
        row_cells_.clear();
        ++rows_;
    }

    std::int64_t data_row(std::int64_t row) const { return row - header_row_; }

    // The tokenizer's errors (file rows) in data rows, as this reader's own. In the first row, not
    // yet decided: a cell it cannot read is no number, so that row is a header (its line is named),
    // unless the whole file is not text (UTF-16, binary data: no place).
    ReadError in_data_rows(const ReadError& e) const {
        const bool tokenizer = e.code() == "not_text" || e.code() == "utf16" || e.code() == "not_utf8" ||
                               e.code() == "bad_quote" || e.code() == "unterminated_quote";
        if (!tokenizer || e.row() <= 0) return e;  // this reader's own errors are in data rows already
        if (width_ == 0 && header_row_ == 0) {
            if (e.code() == "not_text" || e.code() == "utf16") return ReadError(e.code(), e.what(), e.file(), 0, 0);
            return io::in_data_rows(e, e.row() + 1);
        }
        return io::in_data_rows(e, header_row_ + 1);
    }

    [[noreturn]] void blank_error() const {
        throw ReadError(ReadErrorCode::blank_row,
                        "This row is empty but more data follows. Remove the blank line or fill in the example.", name_,
                        data_row(blank_row_), 1);
    }

    std::string name_;
    bool impute_;
    CsvTokenizer tokenizer_;
    std::vector<std::string> row_cells_;
    std::vector<double> values_;
    std::size_t width_ = 0, rows_ = 0;
    std::int64_t header_row_ = 0, blank_row_ = 0;
    bool decimal_comma_ = false;
};

// Holds the first bytes until the format is known.
class SniffingDense final : public DenseParser {
public:
    SniffingDense(std::string name, bool impute, std::uint64_t total_bytes)
        : name_(std::move(name)), impute_(impute), total_bytes_(total_bytes) {}
    void feed(const std::uint8_t* data, std::size_t size) override {
        if (inner_) return inner_->feed(data, size);
        head_.append(reinterpret_cast<const char*>(data), size);
        if (head_.size() >= 6) choose();
    }
    void finish(DenseFeatures& out) override {
        if (!inner_) choose();
        inner_->finish(out);
    }

private:
    void choose() {
        if (starts_npy(head_))
            inner_ = std::make_unique<NpyDense>(name_, total_bytes_);
        else
            inner_ = std::make_unique<CsvDense>(name_, impute_);
        std::string held;
        held.swap(head_);
        if (!held.empty()) inner_->feed(reinterpret_cast<const std::uint8_t*>(held.data()), held.size());
    }
    std::string name_;
    bool impute_;
    std::uint64_t total_bytes_;
    std::string head_;
    std::unique_ptr<DenseParser> inner_;
};

}  // namespace

DenseReader::DenseReader(bool impute) : impute_(impute) {}
DenseReader::~DenseReader() = default;
void DenseReader::begin_file(const std::string& name, std::uint64_t total_bytes) {
    parser_ = std::make_unique<SniffingDense>(name, impute_, total_bytes);
}
void DenseReader::feed(const std::uint8_t* data, std::size_t size) {
    if (size > 0) parser_->feed(data, size);
}
void DenseReader::end_file() {}
DenseFeatures DenseReader::finish() {
    if (!parser_) throw ReadError(ReadErrorCode::missing_file, "No features file was given.", "");
    DenseFeatures out;
    parser_->finish(out);
    parser_.reset();
    return out;
}

// ---- labels alone ----------------------------------------------------------------------------

struct LabelsParts {
    ReadOptions options;
    ReaderParts parts;
    std::string name;
    std::uint64_t total = 0;
    std::string head;
    std::unique_ptr<FileParser> parser;

    void choose() {
        parser = starts_npy(head) ? make_npy_parser(FileRole::labels, name, options, parts, total)
                                  : make_csv_parser(FileRole::labels, name, options, parts, total);
        std::string held;
        held.swap(head);
        if (!held.empty()) parser->feed(reinterpret_cast<const std::uint8_t*>(held.data()), held.size());
    }
};

LabelsReader::LabelsReader() : parts_(std::make_unique<LabelsParts>()) {}
LabelsReader::~LabelsReader() = default;

void LabelsReader::begin_file(const std::string& name, std::uint64_t total_bytes) {
    parts_->name = name;
    parts_->total = total_bytes;
}

void LabelsReader::feed(const std::uint8_t* data, std::size_t size) {
    if (parts_->parser) return parts_->parser->feed(data, size);
    parts_->head.append(reinterpret_cast<const char*>(data), size);
    if (parts_->head.size() >= 6) parts_->choose();
}

void LabelsReader::end_file() {
    if (!parts_->parser) parts_->choose();
    parts_->parser->finish();
}

LabelSet LabelsReader::finish() {
    if (!parts_->parts.labels) throw ReadError(ReadErrorCode::missing_file, "No labels file was given.", parts_->name);
    return label_set(std::move(parts_->parts.labels->values), parts_->name);
}

LabelSet label_set(LabelColumn&& column, const std::string& file) {
    LabelSet out;
    out.file = file;
    std::string unknown;
    std::int64_t unknown_row = 0;
    if (column.by_name()) {
        std::vector<std::string> names = column.names();
        std::sort(names.begin(), names.end());
        out.labels = std::move(column).resolve(names, &unknown, &unknown_row);
        out.class_names = std::move(names);
        // Among names, a negative whole number is kept as "no class" (-1) by the label column: here
        // every row needs its class, so it is an error naming the row (found by tests/fuzz).
        for (std::size_t i = 0; i < out.labels.size(); ++i)
            if (out.labels[i] < 0)
                throw ReadError("bad_label",
                                "The label in data row " + std::to_string(i + 1) +
                                    " is a negative number among "
                                    "class names. Give every row a class name, or use class indices 0, 1, 2, ... "
                                    "throughout.",
                                file, static_cast<std::int64_t>(i + 1), 1);
        return out;
    }
    out.labels = std::move(column).resolve({}, &unknown, &unknown_row);
    std::vector<std::int32_t> distinct(out.labels);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (auto& y : out.labels)
        y = static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), y) - distinct.begin());
    for (auto v : distinct) out.class_names.push_back(std::to_string(v));
    return out;
}

}  // namespace labelscope::io
