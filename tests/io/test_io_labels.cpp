// Given labels: integer indices, integers written as floats, class names matched to the pred_probs
// header (exactly, then ignoring case), names from ReadOptions::class_names, and bad labels.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::check_error;
using iotest::labels_file;
using iotest::probs_file;
using iotest::read;
using iotest::read_error;
using iotest::ReadOptions;

namespace {
const std::string kProbs3 = "cat,dog,fox\n0.7,0.2,0.1\n0.1,0.8,0.1\n0.25,0.25,0.5\n0.3,0.3,0.4\n";
const std::string kProbs3NoHeader = "0.7,0.2,0.1\n0.1,0.8,0.1\n0.25,0.25,0.5\n0.3,0.3,0.4\n";
using Labels = std::vector<std::int32_t>;
}  // namespace

TEST_CASE("labels: integer class indices") {
    const auto d = read({labels_file("label\n2\n0\n1\n2\n"), probs_file(kProbs3)});
    CHECK(d.labels == Labels{2, 0, 1, 2});
}

TEST_CASE("labels: integers written as floats (2.0) are accepted as integers") {
    const auto d = read({labels_file("label\n2.0\n0.0\n1.00\n+2\n"), probs_file(kProbs3)});
    CHECK(d.labels == Labels{2, 0, 1, 2});
    const auto e = read({labels_file("label\n2e0\n 0.0 \n1.0\n2\n"), probs_file(kProbs3)});
    CHECK(e.labels == Labels{2, 0, 1, 2});
}

TEST_CASE("labels: class names are matched to the pred_probs header") {
    SUBCASE("exactly") {
        const auto d = read({labels_file("label\nfox\ncat\ndog\nfox\n"), probs_file(kProbs3)});
        CHECK(d.labels == Labels{2, 0, 1, 2});
        CHECK(d.class_names == std::vector<std::string>{"cat", "dog", "fox"});
    }
    SUBCASE("ignoring case and surrounding blanks when there is no exact match") {
        const auto d = read({labels_file("label\nFOX\n Cat \ndOg\nfox\n"), probs_file(kProbs3)});
        CHECK(d.labels == Labels{2, 0, 1, 2});
    }
    SUBCASE("the labels file may come before or after pred_probs") {
        const auto d = read({probs_file(kProbs3), labels_file("label\nfox\ncat\ndog\nfox\n")});
        CHECK(d.labels == Labels{2, 0, 1, 2});
    }
    SUBCASE("an exact match wins over a case-insensitive one") {
        const std::string probs = "cat,Cat\n0.5,0.5\n0.5,0.5\n0.5,0.5\n";
        const auto d = read({labels_file("label\nCat\ncat\nCAT\n"), probs_file(probs)});
        CHECK(d.labels == Labels{1, 0, 0});
    }
    SUBCASE("names that look like numbers, once a name appears") {
        const std::string probs = "0,1,other\n0.7,0.2,0.1\n0.1,0.8,0.1\n0.25,0.25,0.5\n0.3,0.3,0.4\n";
        const auto d = read({labels_file("label\n1\n0\nother\n1\n"), probs_file(probs)});
        CHECK(d.labels == Labels{1, 0, 2, 1});
    }
    SUBCASE("quoted names with commas") {
        const std::string probs = "\"a, b\",c\n0.5,0.5\n0.5,0.5\n";
        const auto d = read({labels_file("label\nc\n\"a, b\"\n"), probs_file(probs)});
        CHECK(d.labels == Labels{1, 0});
    }
}

TEST_CASE("labels: ReadOptions::class_names names the classes") {
    ReadOptions options;
    options.class_names = {"cat", "dog", "fox"};
    SUBCASE("integer labels with a headerless pred_probs") {
        const auto d = read({labels_file("label\n2\n0\n1\n2\n"), probs_file(kProbs3NoHeader)}, options);
        CHECK(d.labels == Labels{2, 0, 1, 2});
        CHECK(d.class_names == options.class_names);
    }
    SUBCASE("name labels with a headerless pred_probs") {
        const auto d = read({labels_file("label\nfox\ncat\nDOG\nfox\n"), probs_file(kProbs3NoHeader)}, options);
        CHECK(d.labels == Labels{2, 0, 1, 2});
    }
    SUBCASE("a .npy pred_probs has no header: the names come from the options") {
        const std::vector<double> v{0.7, 0.2, 0.1, 0.1, 0.8, 0.1};
        const auto d =
            read({labels_file("label\nfox\ndog\n"), probs_file(iotest::npy("<f8", {2, 3}, v), "p.npy")}, options);
        CHECK(d.labels == Labels{2, 1});
        CHECK(d.class_names == options.class_names);
    }
    SUBCASE("the wrong number of names is an error") {
        options.class_names = {"cat", "dog"};
        const auto e = read_error({labels_file("label\n2\n0\n1\n2\n"), probs_file(kProbs3NoHeader)}, options);
        check_error(e, "missing_column", "pred_probs.csv", 0, 0, {"2 class names", "3 probability columns"});
    }
}

TEST_CASE("labels: a name cannot match a headerless pred_probs, whose classes are 0..K-1") {
    const auto e = read_error({labels_file("label\n2\ncat\n1\n2\n"), probs_file(kProbs3NoHeader)});
    // "2" becomes a name too once "cat" shows the column holds names, and matches class "2".
    check_error(e, "unknown_class", "labels.csv", 3, 1, {"'cat'", "0, 1, 2"});
}

TEST_CASE("labels: an unknown class name names the value and the row where it first appears") {
    SUBCASE("single-column labels file") {
        const auto e = read_error({labels_file("label\ncat\nbird\ndog\nbird\n"), probs_file(kProbs3)});
        check_error(e, "unknown_class", "labels.csv", 3, 1, {"'bird'", "cat, dog, fox"});
    }
    SUBCASE("labels after pred_probs, in a file with an id column") {
        const auto e = read_error({probs_file(kProbs3), labels_file("id,label\n1,cat\n2,dog\n3,dog\n4,wolf\n")});
        check_error(e, "unknown_class", "labels.csv", 5, 2, {"'wolf'", "matches no class"});
    }
    SUBCASE("the first unknown name in order of appearance is reported") {
        const auto e = read_error({labels_file("label\ncat\nzebra\nbird\nzebra\n"), probs_file(kProbs3)});
        check_error(e, "unknown_class", "labels.csv", 3, 1, {"'zebra'"});
    }
    SUBCASE("without a header row") {
        const auto e = read_error({labels_file("cat\ndog\nemu\ncat\n"), probs_file(kProbs3)});
        check_error(e, "unknown_class", "labels.csv", 3, 1, {"'emu'"});
    }
}

TEST_CASE("labels: a blank label is a bad_label at its row and column") {
    SUBCASE("labels file with an id column") {
        const auto e = read_error({labels_file("id,label\na,0\nb,\nc,1\nd,2\n"), probs_file(kProbs3)});
        check_error(e, "bad_label", "labels.csv", 3, 2, {"empty"});
    }
    SUBCASE("blank between blanks of spaces") {
        const auto e = read_error({labels_file("id,label\na,0\nb,1\nc,   \nd,2\n"), probs_file(kProbs3)});
        check_error(e, "bad_label", "labels.csv", 4, 2, {"empty"});
    }
    SUBCASE("a blank first label decides nothing: still a bad label") {
        const auto e = read_error({labels_file("id,label\na,\nb,1\nc,1\nd,2\n"), probs_file(kProbs3)});
        check_error(e, "bad_label", "labels.csv", 2, 2, {"empty"});
    }
}

TEST_CASE("labels: non-integer numbers are bad labels") {
    SUBCASE("2.5") {
        const auto e = read_error({labels_file("label\n0\n2.5\n1\n2\n"), probs_file(kProbs3)});
        check_error(e, "bad_label", "labels.csv", 3, 1, {"'2.5'", "whole-number"});
    }
    SUBCASE("2.5 in the first data row") {
        const auto e = read_error({labels_file("label\n2.5\n0\n1\n2\n"), probs_file(kProbs3)});
        check_error(e, "bad_label", "labels.csv", 2, 1, {"'2.5'"});
    }
    SUBCASE("2.5 without a header, in a file with an id column") {
        const auto e = read_error({labels_file("id,y\n7,1\n8,0.5\n9,1\n10,2\n"), probs_file(kProbs3)});
        check_error(e, "bad_label", "labels.csv", 3, 2, {"'0.5'"});
    }
    SUBCASE("NaN, infinity and huge values are not classes") {
        for (const char* v : {"nan", "NaN", "inf", "-inf", "1e30", "99999999999", "2147483648"}) {
            INFO("label " << std::string(v));
            const auto e = read_error({labels_file(std::string("label\n0\n") + v + "\n1\n2\n"), probs_file(kProbs3)});
            check_error(e, "bad_label", "labels.csv", 3, 1, {v});
        }
    }
}

TEST_CASE("labels: negative and too-large indices are read, then rejected by validation with their position") {
    const auto d = read({labels_file("label\n0\n-1\n1\n2\n"), probs_file(kProbs3)});
    CHECK(d.labels == Labels{0, -1, 1, 2});
    try {
        labelscope::io::validate_dataset(d);
        FAIL("validate_dataset accepted label -1");
    } catch (const iotest::ReadError& e) {
        check_error(e, "label_out_of_range", "labels.csv", 3, 1, {"-1"});
    }
}

TEST_CASE("labels: an integer before the first name is a name too, reported at its own row") {
    const auto e = read_error({labels_file("label\ncat\n7\ndog\ncat\n"), probs_file(kProbs3)});
    check_error(e, "unknown_class", "labels.csv", 3, 1, {"'7'"});
    // '1' is a class index (K = 3): the culprit is '7', neither an index nor a class name.
    const auto f = read_error({labels_file("label\n1\n7\ncat\ndog\n"), probs_file(kProbs3)});
    check_error(f, "unknown_class", "labels.csv", 3, 1, {"'7'"});
}
