// CSV files end to end (labels + pred_probs): line endings, BOM, delimiters, header detection,
// trailing blank lines, number spellings. Every input is also read in every chunking (io_helpers).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::labels_file;
using iotest::probs_file;
using iotest::read;

namespace {

const std::vector<double> kProbs = {0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.25, 0.25, 0.5};
const std::vector<std::int32_t> kLabels = {0, 1, 2};
const std::vector<std::string> kNames = {"cat", "dog", "fox"};

// Applies a line ending to text written with '\n'.
std::string with_eol(const std::string& text, const std::string& eol) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += eol;
        else
            out += c;
    }
    return out;
}

void check_standard(const iotest::Dataset& d) {
    CHECK(d.num_examples == 3);
    CHECK(d.num_classes == 3);
    CHECK(d.labels == kLabels);
    CHECK(d.probs == kProbs);
    CHECK(d.class_names == kNames);
    CHECK(d.source.labels_first_row == 2);
    CHECK(d.source.probs_first_row == 2);
    CHECK(d.source.probs_columns == std::vector<std::int64_t>{1, 2, 3});
    CHECK(d.source.labels_file == "labels.csv");
    CHECK(d.source.probs_file == "pred_probs.csv");
    CHECK(d.extra_columns.empty());
    CHECK(d.true_labels.empty());
    CHECK(d.known_errors.empty());
    CHECK_FALSE(d.is_float32());
}

const std::string kLabelsCsv = "label\n0\n1\n2\n";
const std::string kProbsCsv = "cat,dog,fox\n0.7,0.2,0.1\n0.1,0.8,0.1\n0.25,0.25,0.5\n";

}  // namespace

TEST_CASE("csv: a labels file and a pred_probs file with headers") {
    check_standard(read({labels_file(kLabelsCsv), probs_file(kProbsCsv)}));
}

TEST_CASE("csv: the files may come in either order") {
    check_standard(read({probs_file(kProbsCsv), labels_file(kLabelsCsv)}));
}

TEST_CASE("csv: CRLF, LF and lone CR line endings read the same") {
    for (const char* eol : {"\n", "\r\n", "\r"}) {
        INFO("line ending " << std::string(eol[0] == '\r' ? (eol[1] ? "CRLF" : "CR") : "LF"));
        check_standard(read({labels_file(with_eol(kLabelsCsv, eol)), probs_file(with_eol(kProbsCsv, eol))}));
    }
}

TEST_CASE("csv: a UTF-8 byte order mark before the header is ignored") {
    const auto d = read({labels_file("\xEF\xBB\xBF" + kLabelsCsv), probs_file("\xEF\xBB\xBF" + kProbsCsv)});
    check_standard(d);
    CHECK(d.class_names[0] == "cat");  // not "\xEF\xBB\xBFcat"
}

TEST_CASE("csv: a byte order mark before a headerless file and before a quoted header") {
    const auto d = read({labels_file("\xEF\xBB\xBF"
                                     "0\n1\n2\n"),
                         probs_file("\xEF\xBB\xBF\"cat\",\"dog\",\"fox\"\n0.7,0.2,0.1\n0.1,0.8,0.1\n0.25,0.25,0.5\n")});
    CHECK(d.labels == kLabels);
    CHECK(d.class_names == kNames);
    CHECK(d.source.labels_first_row == 1);
}

TEST_CASE("csv: tab-separated and semicolon-separated files") {
    SUBCASE("tab") {
        const auto d = read({labels_file("label\n0\n1\n2\n", "labels.tsv"),
                             probs_file("cat\tdog\tfox\n0.7\t0.2\t0.1\n0.1\t0.8\t0.1\n0.25\t0.25\t0.5\n", "p.tsv")});
        CHECK(d.probs == kProbs);
        CHECK(d.class_names == kNames);
        CHECK(d.notes.size() == 2);
        CHECK(iotest::mentions(d.notes[1], "tab"));
    }
    SUBCASE("semicolon with decimal commas (European spreadsheet export)") {
        const auto d =
            read({labels_file(kLabelsCsv), probs_file("cat;dog;fox\n0,7;0,2;0,1\n0,1;0,8;0,1\n0,25;0,25;0,5\n")});
        CHECK(d.probs == kProbs);
        CHECK(d.class_names == kNames);
        CHECK(iotest::mentions(d.notes[1], "semicolon"));
    }
    SUBCASE("semicolon with decimal points") {
        const auto d =
            read({labels_file(kLabelsCsv), probs_file("cat;dog;fox\n0.7;0.2;0.1\n0.1;0.8;0.1\n0.25;0.25;0.5\n")});
        CHECK(d.probs == kProbs);
    }
    SUBCASE("comma") {
        const auto d = read({labels_file(kLabelsCsv), probs_file(kProbsCsv)});
        CHECK(iotest::mentions(d.notes[1], "comma"));
    }
}

TEST_CASE("csv: quoted numbers and quoted header names") {
    const auto d = read({labels_file("\"label\"\n\"0\"\n\"1\"\n\"2\"\n"),
                         probs_file("\"cat\",\"dog\",\"fox\"\n\"0.7\",0.2,\"0.1\"\n0.1,\"0.8\",0.1\n"
                                    "\"0.25\",\"0.25\",\"0.5\"\n")});
    CHECK(d.labels == kLabels);
    CHECK(d.probs == kProbs);
    CHECK(d.class_names == kNames);
}

TEST_CASE("csv: header names may hold delimiters, quotes and line breaks when quoted") {
    const auto d = read({labels_file("label\n0\n1\n"),
                         probs_file("\"cat, big\",\"dog \"\"good\"\"\",\"two\nlines\"\n0.5,0.25,0.25\n0.1,0.8,0.1\n")});
    CHECK(d.class_names == std::vector<std::string>{"cat, big", "dog \"good\"", "two\nlines"});
    CHECK(d.num_examples == 2);
    CHECK(d.source.probs_first_row == 2);  // the header is one record although it spans two lines
}

TEST_CASE("csv: pred_probs without a header gets class names 0..K-1 and data from row 1") {
    const auto d = read({labels_file(kLabelsCsv), probs_file("0.7,0.2,0.1\n0.1,0.8,0.1\n0.25,0.25,0.5\n")});
    CHECK(d.probs == kProbs);
    CHECK(d.class_names == std::vector<std::string>{"0", "1", "2"});
    CHECK(d.source.probs_first_row == 1);
    CHECK(iotest::mentions(d.notes[1], "no header"));
}

TEST_CASE("csv: one non-numeric cell in the first pred_probs row makes it a header") {
    const auto d = read({labels_file(kLabelsCsv), probs_file("0.5,dog,x2\n0.7,0.2,0.1\n0.1,0.8,0.1\n0.25,0.25,0.5\n")});
    CHECK(d.class_names == std::vector<std::string>{"0.5", "dog", "x2"});
    CHECK(d.probs == kProbs);
}

TEST_CASE("csv: labels header detection") {
    const std::vector<std::int32_t> two_one{2, 1};
    SUBCASE("known label column names") {
        for (const char* h : {"label", "labels", "given_label", "y", "Label", " LABEL "}) {
            INFO("header " << std::string(h));
            const auto d = read({labels_file(std::string(h) + "\n2\n1\n"), probs_file("0.2,0.3,0.5\n0.1,0.8,0.1\n")});
            CHECK(d.labels == two_one);
            CHECK(d.source.labels_first_row == 2);
        }
    }
    SUBCASE("no header: integers from the first row") {
        const auto d = read({labels_file("2\n1\n"), probs_file("0.2,0.3,0.5\n0.1,0.8,0.1\n")});
        CHECK(d.labels == two_one);
        CHECK(d.source.labels_first_row == 1);
        CHECK(d.source.labels_column == 1);
        CHECK(iotest::mentions(d.notes[0], "no header"));
    }
    SUBCASE("another word above integers is a header") {
        const auto d = read({labels_file("target\n2\n1\n"), probs_file("0.2,0.3,0.5\n0.1,0.8,0.1\n")});
        CHECK(d.labels == two_one);
        CHECK(d.source.labels_first_row == 2);
    }
    SUBCASE("class names without a header") {
        const auto d = read({labels_file("fox\ndog\n"), probs_file("cat,dog,fox\n0.2,0.3,0.5\n0.1,0.8,0.1\n")});
        CHECK(d.labels == two_one);
        CHECK(d.source.labels_first_row == 1);
    }
    SUBCASE("class names with a header") {
        const auto d = read({labels_file("label\nfox\ndog\n"), probs_file("cat,dog,fox\n0.2,0.3,0.5\n0.1,0.8,0.1\n")});
        CHECK(d.labels == two_one);
        CHECK(d.source.labels_first_row == 2);
    }
    SUBCASE("a single label without a header") {
        const auto d = read({labels_file("2"), probs_file("0.2,0.3,0.5\n")});
        CHECK(d.labels == std::vector<std::int32_t>{2});
    }
}

TEST_CASE("csv: labels file with extra columns: the label column by name, the others kept as text") {
    const auto d =
        read({labels_file("id,label,file\n a1,2,x.png\na2,1,y.png\n"), probs_file("0.2,0.3,0.5\n0.1,0.8,0.1\n")});
    CHECK(d.labels == std::vector<std::int32_t>{2, 1});
    CHECK(d.source.labels_column == 2);
    REQUIRE(d.extra_columns.size() == 2);
    CHECK(d.extra_columns[0].name == "id");
    CHECK(d.extra_columns[0].values == std::vector<std::string>{" a1", "a2"});
    CHECK(d.extra_columns[1].name == "file");
    CHECK(d.extra_columns[1].values == std::vector<std::string>{"x.png", "y.png"});
}

TEST_CASE("csv: trailing blank lines and a missing final newline are fine") {
    for (const char* tail : {"", "\n", "\n\n", "\n\n\n", "\r\n\r\n", "\r\r"}) {
        INFO("after the last row: " << std::string(tail).size() << " line break byte(s)");
        std::string labels = "label\n0\n1\n2";
        std::string probs = "cat,dog,fox\n0.7,0.2,0.1\n0.1,0.8,0.1\n0.25,0.25,0.5";
        std::string eol = std::string(tail).find('\r') != std::string::npos ? (tail[1] == '\n' ? "\r\n" : "\r") : "\n";
        check_standard(read({labels_file(with_eol(labels, eol) + tail), probs_file(with_eol(probs, eol) + tail)}));
    }
}

TEST_CASE("csv: leading blank lines before the header are skipped and the rows still count") {
    const auto d = read({labels_file("\n\nlabel\n0\n1\n2\n"), probs_file("\ncat,dog,fox\n0.7,0.2,0.1\n0.1,0.8,0.1\n"
                                                                         "0.25,0.25,0.5\n")});
    CHECK(d.labels == kLabels);
    CHECK(d.probs == kProbs);
    CHECK(d.source.labels_first_row == 4);
    CHECK(d.source.probs_first_row == 3);
}

TEST_CASE("csv: whitespace around numbers, a leading '+' and exponent notation") {
    const auto d = read({labels_file("label\n 0\n1 \n\t2\t\n"),
                         probs_file("cat, dog ,fox\n 0.7 ,+0.2,1e-1\n0.1 ,\t8E-1,+1.0e-01\n2.5e-1, 25e-2 ,  5e-1\n")});
    CHECK(d.labels == kLabels);
    CHECK(d.probs == kProbs);
    CHECK(d.class_names == kNames);  // header names are trimmed
}

TEST_CASE("csv: integer and negative-zero probabilities") {
    const auto d = read({labels_file("0\n1\n"), probs_file("1,0\n-0,1\n")});
    CHECK(d.probs == std::vector<double>{1, 0, 0, 1});
    CHECK(std::signbit(d.probs[2]));
}

TEST_CASE("csv: ReadOptions::float32 stores the probabilities as float") {
    iotest::ReadOptions options;
    options.float32 = true;
    const auto d = read({labels_file(kLabelsCsv), probs_file(kProbsCsv)}, options);
    REQUIRE(d.is_float32());
    CHECK(d.probs.empty());
    CHECK(d.probs_f32 == std::vector<float>{0.7f, 0.2f, 0.1f, 0.1f, 0.8f, 0.1f, 0.25f, 0.25f, 0.5f});
    CHECK(d.probs_view_f32().rows == 3);
    CHECK(d.probs_view_f32().cols == 3);
}

TEST_CASE("csv: a wide file with many classes and rows") {
    std::string probs, labels = "label\n";
    const int n = 40, k = 30;
    for (int c = 0; c < k; ++c) probs += (c ? "," : "") + std::string("class_") + std::to_string(c);
    probs += "\n";
    for (int i = 0; i < n; ++i) {
        for (int c = 0; c < k; ++c) probs += (c ? "," : "") + std::string(c == i % k ? "0.71" : "0.01");
        probs += "\n";
        labels += std::to_string((i * 7) % k) + "\n";
    }
    const auto d = read({labels_file(labels), probs_file(probs)});
    CHECK(d.num_examples == n);
    CHECK(d.num_classes == k);
    CHECK(d.class_names[29] == "class_29");
    CHECK(d.labels[3] == 21);
    CHECK(d.probs[5 * k + 5] == 0.71);
    CHECK(d.probs[5 * k + 6] == 0.01);
    CHECK(d.source.probs_columns.back() == 30);
}

TEST_CASE("csv: a semicolon pred_probs file with decimal commas and no header") {
    const auto d = read({labels_file(kLabelsCsv), probs_file("0,7;0,2;0,1\n0,1;0,8;0,1\n0,25;0,25;0,5\n")});
    CHECK(d.num_examples == 3);
    CHECK(d.probs == kProbs);
    CHECK(d.class_names == std::vector<std::string>{"0", "1", "2"});
    CHECK(d.source.probs_first_row == 1);
}
