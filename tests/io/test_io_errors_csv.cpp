// CSV input errors: each names its code, the file, the row (header counted) and column, and says
// what is wrong. Every case is also read in every chunking and must stop at the same place.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::check_error;
using iotest::combined_file;
using iotest::labels_file;
using iotest::probs_file;
using iotest::read_error;

namespace {
const std::string kLabels3 = "label\n0\n1\n2\n";
const std::string kProbs3 = "a,b\n0.5,0.5\n0.2,0.8\n0.9,0.1\n";
}  // namespace

TEST_CASE("errors: an empty file") {
    check_error(read_error({labels_file(""), probs_file(kProbs3)}), "empty_file", "labels.csv", 0, 0,
                {"empty", "labels"});
    check_error(read_error({labels_file(kLabels3), probs_file("")}), "empty_file", "pred_probs.csv", 0, 0,
                {"empty", "predicted probabilities"});
    check_error(read_error({combined_file("")}), "empty_file", "dataset.csv", 0, 0, {"empty"});
}

TEST_CASE("errors: a file of blank lines is empty") {
    for (const char* blank : {"\n", "\n\n\n", "\r\n\r\n", "\r", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n"}) {
        INFO("content of " << std::string(blank).size() << " byte(s)");
        check_error(read_error({labels_file(kLabels3), probs_file(blank)}), "empty_file", "pred_probs.csv", 0, 0,
                    {"empty"});
    }
}

TEST_CASE("errors: a header and no data rows names no row (there is none)") {
    SUBCASE("pred_probs") {
        check_error(read_error({labels_file(kLabels3), probs_file("a,b\n")}), "no_data_rows", "pred_probs.csv", 0, 0,
                    {"header", "no data rows"});
        check_error(read_error({labels_file(kLabels3), probs_file("a,b")}), "no_data_rows", "pred_probs.csv", 0, 0);
        check_error(read_error({labels_file(kLabels3), probs_file("a,b\n\n\n")}), "no_data_rows", "pred_probs.csv", 0,
                    0);
    }
    SUBCASE("labels") {
        check_error(read_error({labels_file("label\n"), probs_file(kProbs3)}), "no_data_rows", "labels.csv", 0, 0,
                    {"no data rows"});
    }
    SUBCASE("combined") {
        check_error(read_error({combined_file("id,label,a,b\n")}), "no_data_rows", "dataset.csv", 0, 0,
                    {"no data rows"});
        check_error(read_error({combined_file("id,label,a,b\r\n\r\n")}), "no_data_rows", "dataset.csv", 0, 0);
    }
    SUBCASE("after leading blank lines") {
        check_error(read_error({labels_file(kLabels3), probs_file("\n\na,b\n")}), "no_data_rows", "pred_probs.csv", 0,
                    0);
    }
}

TEST_CASE("errors: an unterminated quote points at the row and column where it opens") {
    check_error(read_error({labels_file(kLabels3), probs_file("a,b\n0.5,\"0.5\n0.2,0.8\n0.9,0.1\n")}),
                "unterminated_quote", "pred_probs.csv", 2, 2, {"never closed"});
    check_error(read_error({combined_file("id,text,label,a,b\n1,\"fine\",0,0.5,0.5\n2,\"oops,1,0.5,0.5\n")}),
                "unterminated_quote", "dataset.csv", 3, 2, {"quote"});
}

TEST_CASE("errors: text after a closing quote") {
    check_error(read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n\"0.2\"x,0.8\n0.9,0.1\n")}), "bad_quote",
                "pred_probs.csv", 3, 1, {"closing quote", "\"\""});
    check_error(read_error({combined_file("id,text,label,a,b\n1,\"say \"hi\"\",0,0.5,0.5\n")}), "bad_quote",
                "dataset.csv", 2, 2, {"closing quote"});
}

TEST_CASE("errors: a row with more cells than the header") {
    SUBCASE("pred_probs, pointing at the first extra cell") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.2,0.8,0.1\n0.9,0.1\n")});
        check_error(e, "ragged_row", "pred_probs.csv", 3, 3, {"more cells", "(2)"});
    }
    SUBCASE("a decimal comma in a comma file gets a hint") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0,2,0,8\n0.9,0.1\n")});
        check_error(e, "ragged_row", "pred_probs.csv", 3, 3, {"decimal comma"});
    }
    SUBCASE("no comma hint in a tab file") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a\tb\n0.5\t0.5\n0.2\t0.8\t0\n0.9\t0.1\n")});
        check_error(e, "ragged_row", "pred_probs.csv", 3, 3, {"more cells"});
        CHECK_FALSE(iotest::mentions(e.what(), "decimal comma"));
    }
    SUBCASE("labels file") {
        const auto e = read_error({labels_file("label\n0\n1,1\n2\n"), probs_file(kProbs3)});
        check_error(e, "ragged_row", "labels.csv", 3, 2, {"more cells"});
    }
    SUBCASE("combined, in the first data row (read before the layout is known)") {
        const auto e = read_error({combined_file("label,a,b\n0,0.5,0.5,9\n1,0.5,0.5\n")});
        check_error(e, "ragged_row", "dataset.csv", 2, 4, {"more cells"});
    }
}

TEST_CASE("errors: a row with fewer cells than the header points at the first missing cell") {
    SUBCASE("with a header") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b,c\n0.1,0.2,0.7\n0.5,0.5\n0.1,0.1,0.8\n")});
        check_error(e, "ragged_row", "pred_probs.csv", 3, 3, {"2 cell(s)", "header has 3"});
    }
    SUBCASE("without a header") {
        const auto e = read_error({labels_file(kLabels3), probs_file("0.1,0.2,0.7\n0.5,0.5,0\n0.1\n")});
        check_error(e, "ragged_row", "pred_probs.csv", 3, 2, {"1 cell(s)", "first row has 3"});
    }
    SUBCASE("the last row, without a final newline") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.2,0.8\n0.9")});
        check_error(e, "ragged_row", "pred_probs.csv", 4, 2);
    }
    SUBCASE("combined, in the first data row") {
        const auto e = read_error({combined_file("label,a,b\n0,0.5\n1,0.5,0.5\n")});
        check_error(e, "ragged_row", "dataset.csv", 2, 3);
    }
}

TEST_CASE("errors: a blank line between data rows") {
    SUBCASE("pred_probs") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n\n0.2,0.8\n0.9,0.1\n")});
        check_error(e, "blank_row", "pred_probs.csv", 3, 1, {"empty", "blank line"});
    }
    SUBCASE("CRLF") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\r\n0.5,0.5\r\n0.2,0.8\r\n\r\n0.9,0.1\r\n")});
        check_error(e, "blank_row", "pred_probs.csv", 4, 1);
    }
    SUBCASE("the first of several blank lines") {
        const auto e = read_error({labels_file("label\n0\n\n\n1\n2\n"), probs_file(kProbs3)});
        check_error(e, "blank_row", "labels.csv", 3, 1);
    }
    SUBCASE("right after the header") {
        check_error(read_error({labels_file(kLabels3), probs_file("a,b\n\n0.5,0.5\n0.2,0.8\n0.9,0.1\n")}), "blank_row",
                    "pred_probs.csv", 2, 1);
        check_error(read_error({labels_file("label\n\n0\n1\n2\n"), probs_file(kProbs3)}), "blank_row", "labels.csv", 2,
                    1);
    }
    SUBCASE("right after a header whose meaning waits for the next row") {
        // A combined file and a labels file with an unknown header word decide their layout from
        // the first data row; a blank line before it is still a blank line between rows.
        check_error(read_error({combined_file("label,a,b\n\n0,0.5,0.5\n1,0.2,0.8\n")}), "blank_row", "dataset.csv", 2,
                    1);
        check_error(read_error({labels_file("target\n\n0\n1\n2\n"), probs_file(kProbs3)}), "blank_row", "labels.csv", 2,
                    1);
        check_error(read_error({labels_file("a\n\nb\n"), probs_file("a,b\n0.5,0.5\n0.5,0.5\n")}), "blank_row",
                    "labels.csv", 2, 1);
    }
}

TEST_CASE("errors: a probability cell that is not a number") {
    SUBCASE("a word") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.2,abc\n0.9,0.1\n")});
        check_error(e, "bad_number", "pred_probs.csv", 3, 2, {"'abc'", "not a number"});
    }
    SUBCASE("two decimal points") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.5.1,0.5\n0.9,0.1\n")});
        check_error(e, "bad_number", "pred_probs.csv", 3, 1, {"'0.5.1'"});
    }
    SUBCASE("an empty cell") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.2,0.8\n,0.1\n")});
        check_error(e, "bad_number", "pred_probs.csv", 4, 1, {"empty"});
        const auto f = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.2,  \n0.9,0.1\n")});
        check_error(f, "bad_number", "pred_probs.csv", 3, 2, {"empty"});
    }
    SUBCASE("in a headerless file (the first row was all numbers)") {
        const auto e = read_error({labels_file(kLabels3), probs_file("0.5,0.5\n0.2,x\n0.9,0.1\n")});
        check_error(e, "bad_number", "pred_probs.csv", 2, 2, {"'x'"});
    }
    SUBCASE("a decimal comma inside quotes in a comma file") {
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n\"0,2\",0.8\n0.9,0.1\n")});
        check_error(e, "bad_number", "pred_probs.csv", 3, 1, {"'0,2'", "decimal point"});
    }
    SUBCASE("a combined file, in a column that was numeric on the first row") {
        const auto e = read_error({combined_file("id,label,a,b\n1,0,0.5,0.5\n2,1,n/a,0.5\n")});
        check_error(e, "bad_number", "dataset.csv", 3, 3, {"'n/a'"});
    }
    SUBCASE("a long cell is shortened in the message") {
        const std::string longword(200, 'x');
        const auto e = read_error({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.2," + longword + "\n0.9,0.1\n")});
        check_error(e, "bad_number", "pred_probs.csv", 3, 2, {"..."});
        CHECK(std::string(e.what()).size() < 200);
    }
}

TEST_CASE("errors: two columns with the same name") {
    check_error(read_error({labels_file(kLabels3), probs_file("a,b,a\n0.2,0.3,0.5\n")}), "duplicate_column",
                "pred_probs.csv", 1, 3, {"'a'", "own name"});
    check_error(read_error({labels_file(kLabels3), probs_file("a, b ,b\n0.2,0.3,0.5\n")}), "duplicate_column",
                "pred_probs.csv", 1, 3);
    check_error(read_error({combined_file("id,label,cat,dog,cat\n1,0,0.2,0.3,0.5\n")}), "duplicate_column",
                "dataset.csv", 1, 5, {"'cat'"});
    check_error(read_error({labels_file("\nid,label,id\n1,0,1\n"), probs_file(kProbs3)}), "duplicate_column",
                "labels.csv", 2, 3);
}

TEST_CASE("errors: binary content") {
    // Found in the first row, it is the whole file that is not text: no row or column is named.
    // A PNG signature and the start of its IHDR chunk.
    const char png_bytes[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    const std::string png(png_bytes, sizeof png_bytes - 1);
    SUBCASE("as pred_probs") {
        check_error(read_error({labels_file(kLabels3), probs_file(png, "image.png")}), "not_text", "image.png", 0, 0,
                    {"binary", "CSV"});
    }
    SUBCASE("as labels") {
        check_error(read_error({labels_file(png, "image.png"), probs_file(kProbs3)}), "not_text", "image.png", 0, 0,
                    {"binary"});
    }
    SUBCASE("as a combined file") {
        check_error(read_error({combined_file(png, "image.png")}), "not_text", "image.png", 0, 0, {"binary"});
    }
    SUBCASE("a zip (.xlsx) header") {
        const char zip_bytes[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0";
        const std::string zip(zip_bytes, sizeof zip_bytes - 1);
        check_error(read_error({labels_file(kLabels3), probs_file(zip, "book.xlsx")}), "not_text", "book.xlsx", 0, 0,
                    {"binary"});
    }
    SUBCASE("a NUL byte deep inside a text file is reported at its row and column") {
        std::string probs = "a,b\n";
        for (int i = 0; i < 200; ++i) probs += "0.5,0.5\n";
        probs += "0.2,0.";
        probs += '\0';
        probs += "8\n0.9,0.1\n";
        check_error(read_error({labels_file(kLabels3), probs_file(probs)}), "not_text", "pred_probs.csv", 202, 2,
                    {"NUL"});
    }
}

TEST_CASE("errors: UTF-16 text") {  // the whole file: no row or column
    std::string utf16le("\xFF\xFE", 2);
    for (char c : std::string("a,b\n0.5,0.5\n")) {
        utf16le += c;
        utf16le += '\0';
    }
    check_error(read_error({labels_file(kLabels3), probs_file(utf16le)}), "utf16", "pred_probs.csv", 0, 0,
                {"UTF-16", "UTF-8"});
    check_error(read_error({combined_file(utf16le.substr(2))}), "utf16", "dataset.csv", 0, 0, {"UTF-8"});
    std::string utf16be("\xFE\xFF", 2);
    for (char c : std::string("label\n0\n")) {
        utf16be += '\0';
        utf16be += c;
    }
    check_error(read_error({labels_file(utf16be), probs_file(kProbs3)}), "utf16", "labels.csv", 0, 0, {"UTF-16"});
}

TEST_CASE("errors: labels and pred_probs with different numbers of rows") {
    const auto e = read_error({labels_file("label\n0\n1\n"), probs_file(kProbs3)});
    check_error(e, "row_count_mismatch", "labels.csv", 0, 0, {"2 labels", "3 rows", "pred_probs.csv", "same examples"});
    const auto f = read_error({probs_file(kProbs3), labels_file("label\n0\n1\n2\n0\n")});
    check_error(f, "row_count_mismatch", "labels.csv", 0, 0, {"4 labels", "3 rows"});
}

TEST_CASE("errors: a combined file without a label column lists its columns") {
    const auto e = read_error({combined_file("id,outcome,a,b\n1,0,0.5,0.5\n")});
    check_error(e, "missing_column", "dataset.csv", 1, 0,
                {"no label column", "'id'", "'outcome'", "'a'", "'b'", "given_label"});
}

TEST_CASE("errors: a labels file with several columns and none of them a label column") {
    const auto e = read_error({labels_file("id,outcome\n1,0\n2,1\n3,2\n"), probs_file(kProbs3)});
    check_error(e, "missing_column", "labels.csv", 1, 0, {"no label column", "'outcome'"});
}

TEST_CASE("errors: a combined file without probability columns") {
    const auto e = read_error({combined_file("id,label,text\n1,0,hello\n")});
    check_error(e, "missing_column", "dataset.csv", 1, 0, {"no probability columns"});
}

TEST_CASE("errors: a dataset missing its labels or its probabilities") {
    check_error(read_error({probs_file(kProbs3)}), "missing_file", "", 0, 0, {"no labels"});
    check_error(read_error({labels_file(kLabels3)}), "missing_file", "", 0, 0, {"predicted probabilities"});
    check_error(read_error({}), "missing_file", "", 0, 0);
}
