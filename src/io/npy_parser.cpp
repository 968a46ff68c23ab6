// NumPy .npy files (format 1.0-3.0): a little-endian 2-D float array of probabilities, or a 1-D
// (or N x 1) integer array of labels. The body is converted as it streams in.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "io/page_warmer.hpp"
#include "io/read_error.hpp"
#include "io/reader_parts.hpp"

namespace labelscope::io {
namespace {

// Values of type T stored back to back in bytes (little-endian, any alignment), as a random-access
// iterator: vector::insert then sizes the vector once and copies, with no zero-fill first.
template <class T>
struct RawValues {
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = T;

    const std::uint8_t* p;

    T operator*() const {
        T v;
        std::memcpy(&v, p, sizeof(T));
        return v;
    }
    T operator[](difference_type i) const { return *(*this + i); }
    RawValues& operator++() {
        p += sizeof(T);
        return *this;
    }
    RawValues operator++(int) {
        RawValues old = *this;
        p += sizeof(T);
        return old;
    }
    RawValues& operator--() {
        p -= sizeof(T);
        return *this;
    }
    RawValues operator--(int) {
        RawValues old = *this;
        p -= sizeof(T);
        return old;
    }
    RawValues& operator+=(difference_type n) {
        p += n * static_cast<difference_type>(sizeof(T));
        return *this;
    }
    RawValues& operator-=(difference_type n) {
        p -= n * static_cast<difference_type>(sizeof(T));
        return *this;
    }
    friend RawValues operator+(RawValues a, difference_type n) { return a += n; }
    friend RawValues operator+(difference_type n, RawValues a) { return a += n; }
    friend RawValues operator-(RawValues a, difference_type n) { return a -= n; }
    friend difference_type operator-(RawValues a, RawValues b) {
        return (a.p - b.p) / static_cast<difference_type>(sizeof(T));
    }
    friend bool operator==(RawValues a, RawValues b) { return a.p == b.p; }
    friend bool operator!=(RawValues a, RawValues b) { return a.p != b.p; }
    friend bool operator<(RawValues a, RawValues b) { return a.p < b.p; }
    friend bool operator>(RawValues a, RawValues b) { return a.p > b.p; }
    friend bool operator<=(RawValues a, RawValues b) { return a.p <= b.p; }
    friend bool operator>=(RawValues a, RawValues b) { return a.p >= b.p; }
};

// A byte count in whole MB; a damaged header's shape can claim more than a long long holds.
std::string megabytes(double bytes) {
    char text[64];
    std::snprintf(text, sizeof text, "%.0f", bytes / 1e6);
    return text;
}

enum class DType { f4, f8, i1, i2, i4, i8, u1, u2, u4, u8 };

std::size_t size_of(DType t) {
    switch (t) {
        case DType::i1:
        case DType::u1: return 1;
        case DType::i2:
        case DType::u2: return 2;
        case DType::f4:
        case DType::i4:
        case DType::u4: return 4;
        default: return 8;
    }
}

class NpyParser final : public FileParser {
public:
    NpyParser(FileRole role, std::string name, const ReadOptions& options, ReaderParts& parts,
              std::uint64_t total_bytes)
        : role_(role), name_(std::move(name)), options_(options), parts_(parts), total_bytes_(total_bytes) {}

    void feed(const std::uint8_t* data, std::size_t size) override {
        if (!header_done_) {
            head_.append(reinterpret_cast<const char*>(data), size);
            if (!parse_header()) return;
            std::string rest = head_.substr(body_offset_);
            head_.clear();
            consume(reinterpret_cast<const std::uint8_t*>(rest.data()), rest.size());
        } else {
            consume(data, size);
        }
        if (probs_ != nullptr) warmer_.filled_to(probs_->values_end(options_.float32));
    }

    void finish() override {
        warmer_.stop();
        if (!header_done_) fail("The .npy file ends inside its header: it is truncated or not a .npy file.");
        if (received_ < total_)
            fail("The .npy data is truncated: expected " + std::to_string(total_ * size_of(dtype_)) +
                 " bytes of values, got " + std::to_string(received_ * size_of(dtype_) + carry_.size()) +
                 ". Save the array again.");
        // Once the array is complete, a partial element left over is extra bytes too.
        if (extra_bytes_ + carry_.size() > 0)
            fail("The .npy file has " + std::to_string(extra_bytes_ + carry_.size()) +
                 " bytes after the array data. Save it again.");
        if (fortran_ && probs_ != nullptr) {
            if (options_.float32)
                to_c_order(probs_->values_f32);
            else
                to_c_order(probs_->values);
        }
        parts_.notes.push_back(name_ + ": .npy array " + std::to_string(rows_) + " x " + std::to_string(cols_) +
                               (fortran_ ? " (Fortran order)" : ""));
    }

private:
    [[noreturn]] void fail(const std::string& message) const {
        throw ReadError(ReadErrorCode::bad_npy, message, name_, 0, 0);
    }

    // Returns false until the whole header is buffered.
    bool parse_header() {
        if (head_.size() < 10) return false;
        if (head_.compare(0, 6, "\x93NUMPY") != 0) fail("This is not a .npy file (the magic bytes are missing).");
        const auto major = static_cast<unsigned char>(head_[6]);
        std::size_t length_bytes = major == 1 ? 2 : 4;
        if (major < 1 || major > 3) fail("Unsupported .npy format version " + std::to_string(major) + ".");
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

    // The header is a Python dict literal: {'descr': '<f8', 'fortran_order': False, 'shape': (N, K), }
    void interpret(const std::string& dict) {
        const std::string descr = string_value(dict, "descr");
        const std::string kind = descr.size() >= 3 ? descr.substr(1) : descr;
        const char order = descr.empty() ? '?' : descr[0];
        static const std::pair<const char*, DType> known[] = {
            {"f4", DType::f4}, {"f8", DType::f8}, {"i1", DType::i1}, {"i2", DType::i2}, {"i4", DType::i4},
            {"i8", DType::i8}, {"u1", DType::u1}, {"u2", DType::u2}, {"u4", DType::u4}, {"u8", DType::u8}};
        bool found = false;
        for (const auto& [n, t] : known)
            if (kind == n) dtype_ = t, found = true;
        if (!found || order == '>' || (order != '<' && order != '|' && order != '='))
            fail("Unsupported .npy dtype '" + descr + "'. Save " +
                 (role_ == FileRole::labels ? "labels as little-endian integers (e.g. np.int64)"
                                            : "probabilities as little-endian float32 or float64") +
                 ".");
        const bool is_float = dtype_ == DType::f4 || dtype_ == DType::f8;
        if (role_ == FileRole::pred_probs && !is_float)
            fail("pred_probs .npy holds integers ('" + descr +
                 "'), not probabilities. Save the model's predicted "
                 "probabilities as float32 or float64 (e.g. np.save(path, probs.astype('float32'))).");
        if (role_ == FileRole::labels && is_float)
            fail("labels .npy holds floats ('" + descr +
                 "'); labels must be integer class indices. Save them with "
                 "labels.astype(int).");
        if (role_ == FileRole::combined) fail("A combined dataset must be a CSV file, not .npy.");

        const auto fo = dict.find("'fortran_order'");
        fortran_ = fo != std::string::npos && dict.find("True", fo) < dict.find(',', fo);

        const auto shape_at = dict.find("'shape'");
        const auto open = dict.find('(', shape_at), close = dict.find(')', open);
        if (shape_at == std::string::npos || open == std::string::npos || close == std::string::npos)
            fail("The .npy header has no shape.");
        const std::string damaged = "The .npy header gives the impossible shape " +
                                    dict.substr(open, close - open + 1) +
                                    "; the file is damaged. Save the array again.";
        std::vector<std::uint64_t> shape;
        std::string number;
        for (std::size_t i = open + 1; i <= close; ++i) {
            const char c = dict[i];
            if (c >= '0' && c <= '9') {
                number += c;
                if (number.size() > 15) fail(damaged);
            } else if (!number.empty()) {
                shape.push_back(std::stoull(number));
                number.clear();
            }
        }
        if (role_ == FileRole::pred_probs) {
            if (shape.size() != 2)
                fail("pred_probs .npy must be 2-D (examples x classes); this array has " +
                     std::to_string(shape.size()) +
                     " dimension(s). Reshape it to (examples, classes) and save it again.");
        } else if (shape.size() != 1 && !(shape.size() == 2 && shape[1] == 1)) {
            fail("labels .npy must be 1-D (one label per example); this array has shape with " +
                 std::to_string(shape.size()) + " dimensions.");
        }
        // Sizes in double first: a damaged header must neither wrap size_t (32 bits in wasm32) nor allocate.
        const double elements = static_cast<double>(shape[0]) * static_cast<double>(shape.size() == 2 ? shape[1] : 1);
        // wasm32 addresses 4 GB at most; refuse before allocating rather than abort.
        const double bytes = elements * (options_.float32 ? 4.0 : 8.0);
        if (role_ == FileRole::pred_probs && bytes > 3.5e9)
            fail("The array needs " + megabytes(bytes) +
                 " MB in memory, more than labelscope can hold (about 3500 MB). Use fewer examples.");
        if (elements > static_cast<double>(std::numeric_limits<std::size_t>::max() / 8)) fail(damaged);
        rows_ = static_cast<std::size_t>(shape[0]);
        cols_ = shape.size() == 2 ? static_cast<std::size_t>(shape[1]) : 1;
        total_ = rows_ * cols_;
        if (role_ == FileRole::pred_probs) {
            parts_.probs.emplace();
            probs_ = &*parts_.probs;
            probs_->file = name_;
            probs_->k = cols_;
            probs_->rows = rows_;
            for (std::size_t c = 0; c < cols_; ++c) probs_->columns.push_back(static_cast<std::int64_t>(c + 1));
            // Storage grows as values arrive (in file order; Fortran order is transposed at the end):
            // a damaged or hostile header must not make a tiny file allocate what its shape claims.
            // The file's size bounds what can arrive, so reserving that much is always safe.
            if (total_bytes_ > body_offset_) {
                const std::size_t fits = static_cast<std::size_t>((total_bytes_ - body_offset_) / size_of(dtype_));
                const std::size_t n = std::min(total_, fits);
                if (options_.float32)
                    reserve_values(probs_->values_f32, n, warmer_);
                else
                    reserve_values(probs_->values, n, warmer_);
            }
        } else {
            parts_.labels.emplace();
            labels_ = &*parts_.labels;
            labels_->file = name_;
            labels_->column = 1;
        }
    }

    static std::string string_value(const std::string& dict, const std::string& key) {
        const auto k = dict.find("'" + key + "'");
        if (k == std::string::npos) return {};
        const auto open = dict.find('\'', k + key.size() + 2);
        const auto close = dict.find('\'', open + 1);
        if (open == std::string::npos || close == std::string::npos) return {};
        return dict.substr(open + 1, close - open - 1);
    }

    void consume(const std::uint8_t* data, std::size_t size) {
        const std::size_t width = size_of(dtype_);
        if (!carry_.empty()) {  // finish an element split across chunks
            const std::size_t need = std::min(width - carry_.size(), size);
            carry_.append(reinterpret_cast<const char*>(data), need);
            data += need;
            size -= need;
            if (carry_.size() < width) return;
            store(reinterpret_cast<const std::uint8_t*>(carry_.data()));
            carry_.clear();
        }
        // Fast path: C-order values already in the storage type are copied as they are
        // (little-endian, as the header promised; wasm32 and x86-64 are little-endian too).
        if (direct_copy() && size >= width && received_ < total_) {
            const std::size_t count = std::min(size / width, total_ - received_);
            if (options_.float32)
                append_raw(probs_->values_f32, data, count);
            else
                append_raw(probs_->values, data, count);
            received_ += count;
            data += count * width;
            size -= count * width;
        }
        while (size >= width) {
            store(data);
            data += width;
            size -= width;
        }
        if (size > 0) carry_.assign(reinterpret_cast<const char*>(data), size);
    }

    bool direct_copy() const {
        if (role_ != FileRole::pred_probs || fortran_) return false;
        return (dtype_ == DType::f8 && !options_.float32) || (dtype_ == DType::f4 && options_.float32);
    }

    // Appends `count` values stored as they are in the file (at any alignment), without first
    // zero-filling the space as resize() would.
    template <class T>
    static void append_raw(std::vector<T>& values, const std::uint8_t* data, std::size_t count) {
        values.insert(values.end(), RawValues<T>{data}, RawValues<T>{data + count * sizeof(T)});
    }

    // Values were stored in file order; in Fortran order element e is (row e % N, column e / N).
    template <class T>
    void to_c_order(std::vector<T>& values) const {
        if (rows_ < 2 || cols_ < 2) return;
        std::vector<T> c(values.size());
        for (std::size_t e = 0; e < values.size(); ++e) c[(e % rows_) * cols_ + e / rows_] = values[e];
        values.swap(c);
    }

    void store(const std::uint8_t* p) {
        if (received_ >= total_) {
            extra_bytes_ += size_of(dtype_);
            return;
        }
        const std::size_t e = received_++;
        if (role_ == FileRole::pred_probs) {
            if (dtype_ == DType::f4 && options_.float32) {
                // Bits as they are, like the whole-file fast path: a float -> double -> float round
                // trip would quieten a signalling NaN, so chunking would change the stored bits.
                float f;
                std::memcpy(&f, p, 4);
                probs_->values_f32.push_back(f);
                return;
            }
            double v;
            if (dtype_ == DType::f8) {
                std::memcpy(&v, p, 8);
            } else {
                float f;
                std::memcpy(&f, p, 4);
                v = f;
            }
            if (options_.float32)
                probs_->values_f32.push_back(static_cast<float>(v));
            else
                probs_->values.push_back(v);
            return;
        }
        std::int64_t v = 0;
        switch (dtype_) {
            case DType::i1: v = static_cast<std::int8_t>(p[0]); break;
            case DType::u1: v = p[0]; break;
            case DType::i2: {
                std::int16_t x;
                std::memcpy(&x, p, 2);
                v = x;
                break;
            }
            case DType::u2: {
                std::uint16_t x;
                std::memcpy(&x, p, 2);
                v = x;
                break;
            }
            case DType::i4: {
                std::int32_t x;
                std::memcpy(&x, p, 4);
                v = x;
                break;
            }
            case DType::u4: {
                std::uint32_t x;
                std::memcpy(&x, p, 4);
                v = x;
                break;
            }
            case DType::i8: {
                std::int64_t x;
                std::memcpy(&x, p, 8);
                v = x;
                break;
            }
            case DType::u8: {
                std::uint64_t x;
                std::memcpy(&x, p, 8);
                v = static_cast<std::int64_t>(x);
                break;
            }
            default: break;
        }
        if (v < 0 || v > 2147483647)
            throw ReadError(ReadErrorCode::bad_label,
                            "Label " + std::to_string(v) + " is not a class index (0, 1, 2, ...).", name_,
                            static_cast<std::int64_t>(e + 1), 1);
        labels_->values.add_index(static_cast<std::int32_t>(v));
    }

    FileRole role_;
    std::string name_;
    const ReadOptions& options_;
    ReaderParts& parts_;
    std::string head_;
    std::size_t body_offset_ = 0;
    bool header_done_ = false;
    DType dtype_ = DType::f8;
    bool fortran_ = false;
    std::size_t rows_ = 0, cols_ = 0, total_ = 0, received_ = 0, extra_bytes_ = 0;
    std::string carry_;
    std::uint64_t total_bytes_ = 0;  // size of the whole file, 0 if unknown
    ParsedProbs* probs_ = nullptr;
    ParsedLabels* labels_ = nullptr;
    PageWarmer warmer_;  // for the probabilities' buffer
};

}  // namespace

std::unique_ptr<FileParser> make_npy_parser(FileRole role, const std::string& name, const ReadOptions& options,
                                            ReaderParts& parts, std::uint64_t total_bytes) {
    return std::make_unique<NpyParser>(role, name, options, parts, total_bytes);
}

}  // namespace labelscope::io
