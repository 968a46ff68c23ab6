#include "io/multilabel_parts.hpp"

#include <cstring>
#include <utility>

#include "io/read_error.hpp"

namespace labelscope::io {
namespace {

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
        if (!starts_npy(reinterpret_cast<const std::uint8_t*>(head_.data()), head_.size())) fail("Not a .npy file.");
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

std::unique_ptr<FileParser> make_label_matrix_npy(std::string name, LabelSetColumn& sets, std::size_t& k) {
    return std::make_unique<LabelMatrixNpy>(std::move(name), sets, k);
}

}  // namespace labelscope::io
