// .npy input errors: unsupported dtypes and byte orders, the wrong kind of values for the role,
// wrong shapes, truncated or over-long files. All are bad_npy naming the file (no row or column,
// except a negative label, which names its element).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::check_error;
using iotest::labels_file;
using iotest::npy;
using iotest::probs_file;
using iotest::read_error;

namespace {
const std::string kLabelsCsv = "label\n1\n0\n";
const std::vector<double> kProbs = {0.2, 0.8, 0.9, 0.1};
const std::string kProbsNpy = npy("<f8", {2, 2}, kProbs);
}  // namespace

TEST_CASE("npy errors: unsupported dtypes") {
    SUBCASE("complex numbers") {
        const auto e = read_error(
            {labels_file(kLabelsCsv), probs_file(npy("<c16", {2, 2}, std::vector<double>(8, 0.5)), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0, {"'<c16'", "float32 or float64"});
    }
    SUBCASE("big-endian float64") {
        const auto e = read_error({labels_file(kLabelsCsv), probs_file(npy(">f8", {2, 2}, kProbs), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0, {"'>f8'", "little-endian"});
    }
    SUBCASE("big-endian labels") {
        const auto e = read_error(
            {labels_file(npy(">i8", {2}, std::vector<std::int64_t>{1, 0}), "l.npy"), probs_file(kProbsNpy, "p.npy")});
        check_error(e, "bad_npy", "l.npy", 0, 0, {"'>i8'", "labels", "integers"});
    }
    SUBCASE("float16, booleans, strings and objects") {
        for (const char* descr : {"<f2", "|b1", "<U5", "|O", "|S3", "<M8[ns]"}) {
            INFO("dtype " << std::string(descr));
            const auto e = read_error(
                {labels_file(kLabelsCsv), probs_file(npy(descr, {2, 2}, std::vector<double>(4, 0.5)), "p.npy")});
            check_error(e, "bad_npy", "p.npy", 0, 0, {descr});
        }
    }
}

TEST_CASE("npy errors: integer probabilities") {
    const auto e = read_error(
        {labels_file(kLabelsCsv), probs_file(npy("<i8", {2, 2}, std::vector<std::int64_t>{0, 1, 1, 0}), "p.npy")});
    check_error(e, "bad_npy", "p.npy", 0, 0, {"integers", "'<i8'", "float32 or float64"});
}

TEST_CASE("npy errors: float labels") {
    const auto e = read_error(
        {labels_file(npy("<f8", {2}, std::vector<double>{1.0, 0.0}), "labels.npy"), probs_file(kProbsNpy, "p.npy")});
    check_error(e, "bad_npy", "labels.npy", 0, 0, {"floats", "'<f8'", "astype(int)"});
    const auto f = read_error(
        {labels_file(npy("<f4", {2}, std::vector<float>{1.0f, 0.0f}), "labels.npy"), probs_file(kProbsNpy, "p.npy")});
    check_error(f, "bad_npy", "labels.npy", 0, 0, {"'<f4'"});
}

TEST_CASE("npy errors: wrong shapes") {
    SUBCASE("3-D probabilities") {
        const auto e = read_error(
            {labels_file(kLabelsCsv), probs_file(npy("<f8", {2, 2, 2}, std::vector<double>(8, 0.5)), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0, {"2-D", "3 dimension"});
    }
    SUBCASE("1-D probabilities") {
        const auto e = read_error({labels_file(kLabelsCsv), probs_file(npy("<f8", {4}, kProbs), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0, {"2-D", "1 dimension"});
    }
    SUBCASE("a scalar") {
        const auto e =
            read_error({labels_file(kLabelsCsv), probs_file(npy("<f8", {}, std::vector<double>{0.5}), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0, {"2-D", "0 dimension"});
    }
    SUBCASE("2-D labels with more than one column") {
        const auto e = read_error({labels_file(npy("<i8", {2, 2}, std::vector<std::int64_t>{1, 0, 1, 0}), "l.npy"),
                                   probs_file(kProbsNpy, "p.npy")});
        check_error(e, "bad_npy", "l.npy", 0, 0, {"1-D"});
    }
}

TEST_CASE("npy errors: a truncated body") {
    const std::string cut = kProbsNpy.substr(0, kProbsNpy.size() - 3);
    const auto e = read_error({labels_file(kLabelsCsv), probs_file(cut, "p.npy")});
    check_error(e, "bad_npy", "p.npy", 0, 0, {"truncated", "expected 32 bytes", "got 29"});
    const auto f =
        read_error({labels_file(kLabelsCsv), probs_file(kProbsNpy.substr(0, kProbsNpy.size() - 16), "p.npy")});
    check_error(f, "bad_npy", "p.npy", 0, 0, {"truncated", "got 16"});
    const auto g = read_error({labels_file(kLabelsCsv), probs_file(iotest::npy_header("<f8", false, {2, 2}), "p.npy")});
    check_error(g, "bad_npy", "p.npy", 0, 0, {"truncated", "got 0"});
}

TEST_CASE("npy errors: bytes after the array") {
    SUBCASE("whole extra elements") {
        const auto e = read_error({labels_file(kLabelsCsv), probs_file(kProbsNpy + std::string(16, '\0'), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0, {"16 bytes after the array"});
    }
    SUBCASE("a partial extra element is extra, not truncation") {
        const auto e = read_error({labels_file(kLabelsCsv), probs_file(kProbsNpy + "abc", "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0, {"3 bytes after the array"});
        CHECK_FALSE(iotest::mentions(e.what(), "truncated"));
        const auto f = read_error({labels_file(kLabelsCsv), probs_file(kProbsNpy + std::string(11, 'x'), "p.npy")});
        check_error(f, "bad_npy", "p.npy", 0, 0, {"11 bytes after the array"});
    }
    SUBCASE("labels") {
        const auto e = read_error(
            {labels_file(npy("|u1", {2}, std::vector<std::uint8_t>{1, 0}) + "\x01", "l.npy"), probs_file(kProbsNpy)});
        check_error(e, "bad_npy", "l.npy", 0, 0, {"1 bytes after the array"});
    }
}

TEST_CASE("npy errors: a truncated header") {
    const std::string header = iotest::npy_header("<f8", false, {2, 2});
    for (std::size_t keep : {6, 7, 9, 10, 40, 127}) {
        INFO("first " << keep << " bytes");
        const auto e = read_error({labels_file(kLabelsCsv), probs_file(header.substr(0, keep), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0, {"ends inside its header"});
    }
}

TEST_CASE("npy errors: an unsupported format version") {
    std::string bad = kProbsNpy;
    bad[6] = 4;
    check_error(read_error({labels_file(kLabelsCsv), probs_file(bad, "p.npy")}), "bad_npy", "p.npy", 0, 0,
                {"version 4"});
}

TEST_CASE("npy errors: a header without a shape") {
    std::string bad = kProbsNpy;
    const auto at = bad.find("'shape'");
    bad.replace(at, 7, "'shapX'");
    check_error(read_error({labels_file(kLabelsCsv), probs_file(bad, "p.npy")}), "bad_npy", "p.npy", 0, 0,
                {"no shape"});
}

TEST_CASE("npy errors: a negative label names its element") {
    const auto e = read_error(
        {labels_file(npy("<i8", {2}, std::vector<std::int64_t>{1, -1}), "l.npy"), probs_file(kProbsNpy, "p.npy")});
    check_error(e, "bad_label", "l.npy", 2, 1, {"-1", "not a class index"});
    const auto f = read_error({labels_file(npy("<u8", {2}, std::vector<std::uint64_t>{1, 1ULL << 40}), "l.npy"),
                               probs_file(kProbsNpy, "p.npy")});
    check_error(f, "bad_label", "l.npy", 2, 1, {"not a class index"});
}

TEST_CASE("npy errors: a combined dataset cannot be .npy") {
    const auto e = read_error({iotest::combined_file(kProbsNpy, "all.npy")});
    check_error(e, "bad_npy", "all.npy", 0, 0, {"combined", "CSV"});
}

TEST_CASE("npy errors: row count mismatch between .npy labels and probabilities") {
    const auto e = read_error(
        {labels_file(npy("<i8", {3}, std::vector<std::int64_t>{1, 0, 1}), "l.npy"), probs_file(kProbsNpy, "p.npy")});
    check_error(e, "row_count_mismatch", "l.npy", 0, 0, {"3 labels", "2 rows"});
}

TEST_CASE("npy errors: an absurd shape in a damaged header is refused, never allocated or overflowed") {
    auto with_shape = [](const std::string& shape, bool fortran = false) {
        return iotest::npy_header_text("<f8", fortran, shape) + iotest::raw_bytes(kProbs);
    };
    SUBCASE("more digits than any size") {
        const auto e =
            read_error({labels_file(kLabelsCsv), probs_file(with_shape("(99999999999999999999999, 2)"), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0);
    }
    SUBCASE("a row count whose product with the columns wraps around size_t") {
        // (2^63 + 1) x 2 = 2^64 + 2 elements: 2 after wrapping in 64 bits; Fortran order would then
        // place element 1 at row 1, past the end of a 2-element buffer.
        const auto e =
            read_error({labels_file(kLabelsCsv), probs_file(with_shape("(9223372036854775809, 2)", true), "p.npy")});
        check_error(e, "bad_npy", "p.npy", 0, 0);
        // (2^31 + 1) x 2 would wrap a 32-bit size_t (wasm32); the memory check refuses it first.
        const auto f = read_error({labels_file(kLabelsCsv), probs_file(with_shape("(2147483649, 2)", true), "p.npy")});
        check_error(f, "bad_npy", "p.npy", 0, 0);
    }
    SUBCASE("a labels count beyond any file: refused as truncated, not allocated") {
        const std::string labels =
            iotest::npy_header_text("<i8", false, "(4294967297,)") + iotest::raw_bytes(std::vector<std::int64_t>{1, 0});
        const auto e = read_error({labels_file(labels, "l.npy"), probs_file(kProbsNpy, "p.npy")});
        check_error(e, "bad_npy", "l.npy", 0, 0);
    }
}
