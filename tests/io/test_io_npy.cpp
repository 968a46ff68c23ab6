// NumPy .npy input: float64 / float32 probabilities (C and Fortran order), integer labels of every
// width (1-D and N x 1), format versions 1-3, float32 storage. The .npy bytes are written here per
// the format spec (io_helpers npy_header); every file is also read in every chunking, which splits
// inside the magic, the header length, the dict and the elements.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::labels_file;
using iotest::npy;
using iotest::probs_file;
using iotest::read;

namespace {
using Labels = std::vector<std::int32_t>;
// 3 x 4, row-major, with values that float32 cannot hold exactly.
const std::vector<double> kProbs = {0.1, 0.2, 0.3, 0.4, 0.7, 0.1, 0.1, 0.1, 0.25, 0.25, 0.125, 0.375};
const std::string kLabelsCsv = "label\n3\n0\n2\n";

std::vector<double> transpose(const std::vector<double>& v, std::size_t rows, std::size_t cols) {
    std::vector<double> t(v.size());
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) t[c * rows + r] = v[r * cols + c];
    return t;
}
}  // namespace

TEST_CASE("npy: the header writer follows the format spec") {
    const std::string h = iotest::npy_header("<f8", false, {3, 4});
    CHECK(h.size() % 64 == 0);
    CHECK(h.compare(0, 6, "\x93NUMPY") == 0);
    CHECK(h[6] == 1);
    CHECK(h[7] == 0);
    CHECK(static_cast<std::size_t>(static_cast<unsigned char>(h[8]) | static_cast<unsigned char>(h[9]) << 8) ==
          h.size() - 10);
    CHECK(h.back() == '\n');
    CHECK(h.find("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }") == 10);
    CHECK(iotest::npy_header("<i8", false, {5}).find("'shape': (5,), }") != std::string::npos);
    CHECK(iotest::npy_header("<f4", true, {2, 2}, 2).size() % 64 == 0);
    // The fixture written by NumPy itself has the same layout.
    const std::string real = iotest::slurp(iotest::fixtures_dir() + "/io/mnist50_pred_probs.npy");
    CHECK(real.substr(0, 128) == iotest::npy_header("<f8", false, {50, 10}));
}

TEST_CASE("npy: float64 probabilities in C order") {
    const auto d = read({labels_file(kLabelsCsv), probs_file(npy("<f8", {3, 4}, kProbs), "pred_probs.npy")});
    CHECK(d.num_examples == 3);
    CHECK(d.num_classes == 4);
    CHECK(iotest::same_bits(d.probs, kProbs));
    CHECK(d.labels == Labels{3, 0, 2});
    CHECK(d.class_names == std::vector<std::string>{"0", "1", "2", "3"});
    CHECK(d.source.probs_file == "pred_probs.npy");
    CHECK(d.source.probs_first_row == 1);
    CHECK(d.source.probs_columns == std::vector<std::int64_t>{1, 2, 3, 4});
    CHECK(iotest::mentions(d.notes[1], "3 x 4"));
}

TEST_CASE("npy: float32 probabilities are converted to double exactly") {
    std::vector<float> f(kProbs.begin(), kProbs.end());
    const auto d = read({labels_file(kLabelsCsv), probs_file(npy("<f4", {3, 4}, f), "p.npy")});
    std::vector<double> expected(f.begin(), f.end());
    CHECK(iotest::same_bits(d.probs, expected));
    CHECK(d.probs[0] != 0.1);  // float(0.1) widened, not re-rounded to the decimal
    CHECK(d.probs[0] == static_cast<double>(0.1f));
}

TEST_CASE("npy: Fortran order equals C order after transposition") {
    const auto c_order = read({labels_file(kLabelsCsv), probs_file(npy("<f8", {3, 4}, kProbs), "p.npy")});
    const auto f_order =
        read({labels_file(kLabelsCsv), probs_file(npy("<f8", {3, 4}, transpose(kProbs, 3, 4), true), "p.npy")});
    CHECK(iotest::same_bits(f_order.probs, c_order.probs));
    CHECK(iotest::mentions(f_order.notes[1], "Fortran"));

    std::vector<float> tf;
    for (double v : transpose(kProbs, 3, 4)) tf.push_back(static_cast<float>(v));
    const auto f32 = read({labels_file(kLabelsCsv), probs_file(npy("<f4", {3, 4}, tf, true), "p.npy")});
    for (std::size_t i = 0; i < kProbs.size(); ++i)
        CHECK(f32.probs[i] == static_cast<double>(static_cast<float>(kProbs[i])));
}

TEST_CASE("npy: Fortran order with a single row and a single column") {
    const std::vector<double> row{0.25, 0.75};
    const auto d = read({labels_file("1\n"), probs_file(npy("<f8", {1, 2}, row, true), "p.npy")});
    CHECK(d.probs == row);
    const auto e =
        read({labels_file("0\n0\n"), probs_file(npy("<f8", {2, 1}, std::vector<double>{0.5, 1.0}, true), "p.npy")});
    CHECK(e.probs == std::vector<double>{0.5, 1.0});
}

TEST_CASE("npy: ReadOptions::float32 stores float32 probabilities") {
    iotest::ReadOptions options;
    options.float32 = true;
    SUBCASE("from float64") {
        const auto d = read({labels_file(kLabelsCsv), probs_file(npy("<f8", {3, 4}, kProbs), "p.npy")}, options);
        REQUIRE(d.is_float32());
        CHECK(d.probs.empty());
        for (std::size_t i = 0; i < kProbs.size(); ++i) CHECK(d.probs_f32[i] == static_cast<float>(kProbs[i]));
    }
    SUBCASE("from float32, bit for bit") {
        std::vector<float> f(kProbs.begin(), kProbs.end());
        const auto d = read({labels_file(kLabelsCsv), probs_file(npy("<f4", {3, 4}, f), "p.npy")}, options);
        CHECK(iotest::same_bits(d.probs_f32, f));
    }
    SUBCASE("from float64 in Fortran order") {
        const auto d = read(
            {labels_file(kLabelsCsv), probs_file(npy("<f8", {3, 4}, transpose(kProbs, 3, 4), true), "p.npy")}, options);
        for (std::size_t i = 0; i < kProbs.size(); ++i) CHECK(d.probs_f32[i] == static_cast<float>(kProbs[i]));
    }
}

TEST_CASE("npy: integer labels of every width, 1-D and N x 1") {
    const std::string probs = npy("<f8", {3, 4}, kProbs);
    const Labels expected{3, 0, 2};
    auto check = [&](const std::string& labels_npy) {
        const auto d = read({labels_file(labels_npy, "labels.npy"), probs_file(probs, "p.npy")});
        CHECK(d.labels == expected);
        CHECK(d.source.labels_file == "labels.npy");
        CHECK(d.source.labels_first_row == 1);
    };
    for (const std::vector<std::size_t>& shape : {std::vector<std::size_t>{3}, std::vector<std::size_t>{3, 1}}) {
        INFO("shape " << iotest::shape_text(shape));
        check(npy("<i8", shape, std::vector<std::int64_t>{3, 0, 2}));
        check(npy("<i4", shape, std::vector<std::int32_t>{3, 0, 2}));
        check(npy("<i2", shape, std::vector<std::int16_t>{3, 0, 2}));
        check(npy("|i1", shape, std::vector<std::int8_t>{3, 0, 2}));
        check(npy("|u1", shape, std::vector<std::uint8_t>{3, 0, 2}));
        check(npy("<u2", shape, std::vector<std::uint16_t>{3, 0, 2}));
        check(npy("<u4", shape, std::vector<std::uint32_t>{3, 0, 2}));
        check(npy("<u8", shape, std::vector<std::uint64_t>{3, 0, 2}));
        check(npy("<i8", shape, std::vector<std::int64_t>{3, 0, 2}, true));  // Fortran order: same for 1 column
    }
}

TEST_CASE("npy: .npy labels with a CSV pred_probs header, and the reverse") {
    const auto d = read({labels_file(npy("<i8", {3}, std::vector<std::int64_t>{1, 0, 1}), "labels.npy"),
                         probs_file("cat,dog\n0.2,0.8\n0.9,0.1\n0.4,0.6\n")});
    CHECK(d.labels == Labels{1, 0, 1});
    CHECK(d.class_names == std::vector<std::string>{"cat", "dog"});
    const auto e = read({labels_file("label\ndog\ncat\n"),
                         probs_file(npy("<f8", {2, 2}, std::vector<double>{0.2, 0.8, 0.9, 0.1}), "p.npy")},
                        [] {
                            iotest::ReadOptions o;
                            o.class_names = {"cat", "dog"};
                            return o;
                        }());
    CHECK(e.labels == Labels{1, 0});
}

TEST_CASE("npy: format versions 2.0 and 3.0 (4-byte header length)") {
    for (int major : {2, 3}) {
        INFO("version " << major);
        const auto d = read({labels_file(npy("<i8", {3}, std::vector<std::int64_t>{3, 0, 2}, false, major), "l.npy"),
                             probs_file(npy("<f8", {3, 4}, kProbs, false, major), "p.npy")});
        CHECK(d.labels == Labels{3, 0, 2});
        CHECK(iotest::same_bits(d.probs, kProbs));
    }
}

TEST_CASE("npy: header keys in another order and without a trailing comma") {
    const std::string dict = "{'shape': (3, 4), 'fortran_order': True, 'descr': '<f8'}";
    std::string header = "\x93NUMPY";
    header += '\x01';
    header += '\0';
    std::size_t len = dict.size() + 1;
    len += (64 - (10 + len) % 64) % 64;
    header += static_cast<char>(len & 0xFF);
    header += static_cast<char>(len >> 8);
    header += dict + std::string(len - dict.size() - 1, ' ') + "\n";
    const auto d =
        read({labels_file(kLabelsCsv), probs_file(header + iotest::raw_bytes(transpose(kProbs, 3, 4)), "p.npy")});
    CHECK(iotest::same_bits(d.probs, kProbs));
}

TEST_CASE("npy: the file is recognised by its magic bytes, whatever its name") {
    const auto d = read({labels_file(kLabelsCsv), probs_file(npy("<f8", {3, 4}, kProbs), "upload.bin")});
    CHECK(iotest::same_bits(d.probs, kProbs));
}

TEST_CASE("npy: an empty array reads as zero examples (validation then rejects it)") {
    const auto d = read({labels_file(npy("<i8", {0}, std::vector<std::int64_t>{}), "l.npy"),
                         probs_file(npy("<f8", {0, 3}, std::vector<double>{}), "p.npy")});
    CHECK(d.num_examples == 0);
    CHECK(d.num_classes == 3);
    try {
        labelscope::io::validate_dataset(d);
        FAIL("an empty dataset passed validation");
    } catch (const iotest::ReadError& e) {
        CHECK(e.code() == "empty_input");
    }
}
