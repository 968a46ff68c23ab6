// Labels matched to classes: class names first, then class indices, and the first label that is
// neither is the one an error names (rows here are file rows, as the reader keeps them).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::check_error;
using iotest::combined_file;
using iotest::labels_file;
using iotest::probs_file;
using iotest::read;
using iotest::read_error;
using iotest::ReadOptions;

namespace {
using Labels = std::vector<std::int32_t>;
const std::string kProbsAbc = "a,b,c\n0.7,0.2,0.1\n0.1,0.8,0.1\n0.2,0.2,0.6\n0.6,0.3,0.1\n0.1,0.7,0.2\n0.1,0.1,0.8\n";
}  // namespace

TEST_CASE("label matching: indices among names name the first label that is neither") {
    SUBCASE("no header: 'x' is the 4th row") {
        const auto e = read_error({labels_file("0\n1\n2\nx\n1\n2\n"), probs_file(kProbsAbc)});
        check_error(e, "unknown_class", "labels.csv", 4, 1, {"'x'", "matches no class", "a, b, c"});
    }
    SUBCASE("with a header: 'x' is file row 5") {
        const auto e = read_error({labels_file("label\n0\n1\n2\nx\n1\n2\n"), probs_file(kProbsAbc)});
        check_error(e, "unknown_class", "labels.csv", 5, 1, {"'x'"});
    }
    SUBCASE("an index out of range among names is reported too") {
        const auto e = read_error({labels_file("label\na\n1\nb\n7\nc\nc\n"), probs_file(kProbsAbc)});
        check_error(e, "unknown_class", "labels.csv", 5, 1, {"'7'"});
    }
}

TEST_CASE("label matching: names and in-range indices mixed resolve") {
    const auto d = read({labels_file("label\na\n1\n2\nb\nc\n0\n"), probs_file(kProbsAbc)});
    CHECK(d.labels == Labels{0, 1, 2, 1, 2, 0});
}

TEST_CASE("label matching: numeric class names match labels before indices") {
    SUBCASE("combined CSV with probability columns 10,20,30") {
        const auto d =
            read({combined_file("label,10,20,30\n10,0.7,0.2,0.1\n20,0.1,0.8,0.1\n30,0.2,0.2,0.6\n"
                                "20,0.3,0.6,0.1\n")});
        CHECK(d.labels == Labels{0, 1, 2, 1});
    }
    const std::string probs = "0.1,0.1,0.8\n0.8,0.1,0.1\n0.1,0.8,0.1\n";
    ReadOptions one_based;
    one_based.class_names = {"1", "2", "3"};
    SUBCASE("class names 1,2,3 given (one-based labels)") {
        const auto d = read({labels_file("3\n1\n2\n"), probs_file(probs)}, one_based);
        CHECK(d.labels == Labels{2, 0, 1});
    }
    SUBCASE("indices stay indices when not every label is a class name") {
        const auto d = read({labels_file("0\n1\n2\n"), probs_file(probs)}, one_based);
        CHECK(d.labels == Labels{0, 1, 2});
    }
    SUBCASE("default names 0..K-1 change nothing") {
        const auto d = read({labels_file("2\n0\n1\n"), probs_file("0.1,0.1,0.8\n0.8,0.1,0.1\n0.1,0.8,0.1\n")});
        CHECK(d.labels == Labels{2, 0, 1});
    }
}
