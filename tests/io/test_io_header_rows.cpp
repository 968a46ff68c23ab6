// Errors in the rows people count, as the CLI and the bindings turn them (in_data_rows): row N is
// the N-th data row; an error in the header line has no row but its line; a file without data rows
// and a problem of the whole file (UTF-16, binary data) name no row. The same for the sniffer, the
// multi-label reader and the feature-table reader.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/dense_reader.hpp"
#include "io/multilabel_reader.hpp"
#include "io/sniff.hpp"
#include "io/table_reader.hpp"
#include "io_helpers.hpp"

using iotest::combined_file;
using iotest::InputFile;
using iotest::labels_file;
using iotest::probs_file;
using labelscope::io::DatasetReader;
using labelscope::io::MultiLabelReader;
using labelscope::io::ReadError;
using labelscope::io::TableReader;

namespace {

const std::string kLabels3 = "label\n0\n1\n2\n";
const std::string kRows3 = "0.5,0.5\n0.2,0.8\n0.9,0.1\n";

const std::uint8_t* bytes(const std::string& s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

// The error a person sees for these files, fed whole or one byte at a time (the same either way).
ReadError seen_error(const std::vector<InputFile>& files, bool byte_by_byte = false) {
    DatasetReader reader;
    try {
        for (const InputFile& f : files) {
            reader.begin_file(f.role, f.name, f.bytes.size());
            if (byte_by_byte)
                for (std::size_t i = 0; i < f.bytes.size(); ++i) reader.feed(bytes(f.bytes) + i, 1);
            else
                reader.feed(bytes(f.bytes), f.bytes.size());
            reader.end_file();
        }
        reader.finish();
    } catch (const ReadError& e) {
        return reader.in_data_rows(e);
    }
    FAIL("no error");
    return ReadError("", "", "", 0, 0);
}

void check_where(const std::vector<InputFile>& files, const std::string& code, std::int64_t row, std::int64_t line,
                 std::int64_t column) {
    for (const bool byte_by_byte : {false, true}) {
        const ReadError e = seen_error(files, byte_by_byte);
        INFO(e.code() << " (" << (byte_by_byte ? "byte by byte" : "whole") << "): " << std::string(e.what()));
        CHECK(e.code() == code);
        CHECK(e.row() == row);
        CHECK(e.line() == line);
        CHECK(e.column() == column);
    }
}

}  // namespace

TEST_CASE("rows people see: an error in the header line names its line, not data row 1") {
    SUBCASE("pred_probs") {
        check_where({labels_file(kLabels3), probs_file("a,a\n" + kRows3)}, "duplicate_column", 0, 1, 2);
        check_where({labels_file(kLabels3), probs_file("\n\na,a\n" + kRows3)}, "duplicate_column", 0, 3, 2);
        check_where({labels_file(kLabels3), probs_file("a,\"b\"x\n" + kRows3)}, "bad_quote", 0, 1, 2);
        check_where({labels_file(kLabels3), probs_file("caf\xE9,b\n" + kRows3)}, "not_utf8", 0, 1, 1);
        check_where({labels_file(kLabels3), probs_file("a,b\xE9\n" + kRows3)}, "not_utf8", 0, 1, 2);
        check_where({labels_file(kLabels3), probs_file("a,\"b\n" + kRows3)}, "unterminated_quote", 0, 1, 2);
    }
    SUBCASE("combined") {
        check_where({combined_file("label,a,a\n0,0.5,0.5\n1,0.2,0.8\n")}, "duplicate_column", 0, 1, 3);
        check_where({combined_file("id,a,b\n1,0.5,0.5\n2,0.2,0.8\n")}, "missing_column", 0, 1, 0);
        check_where({combined_file("label,\"a\"x,b\n0,0.5,0.5\n")}, "bad_quote", 0, 1, 2);
        check_where({combined_file("label,a,b\xE9\n0,0.5,0.5\n")}, "not_utf8", 0, 1, 3);
    }
    SUBCASE("a labels file of several columns") {
        check_where({labels_file("id,\"label\"x\n1,0\n"), probs_file("a,b\n0.5,0.5\n")}, "bad_quote", 0, 1, 2);
        check_where({labels_file("id,label,id\n1,0,1\n"), probs_file("a,b\n0.5,0.5\n")}, "duplicate_column", 0, 1, 3);
    }
}

TEST_CASE("rows people see: errors in data rows count from the first data row, decided or not") {
    // The combined layout waits for data row 1: an error in it is still data row 1.
    check_where({combined_file("label,a,b\n0,\"0.5\"x,0.5\n1,0.5,0.5\n")}, "bad_quote", 1, 0, 2);
    check_where({combined_file("label,a,b\n0,0.5,0.5\xE9\n")}, "not_utf8", 1, 0, 3);
    check_where({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.2,0.8\xE9\n0.9,0.1\n")}, "not_utf8", 2, 0, 2);
    check_where({labels_file(kLabels3), probs_file("a,b\n0.5,0.5\n0.2\n0.9,0.1\n")}, "ragged_row", 2, 0, 2);
    // No header: file rows are data rows.
    check_where({labels_file("0\n1.5\n2\n"), probs_file(kRows3)}, "bad_label", 2, 0, 1);
    check_where({labels_file(kLabels3), probs_file("0.5,0.5\n\"0.2\"x,0.8\n0.9,0.1\n")}, "bad_quote", 2, 0, 1);
}

TEST_CASE("rows people see: no data rows, UTF-16 and binary data name no row") {
    check_where({labels_file(kLabels3), probs_file("a,b\n")}, "no_data_rows", 0, 0, 0);
    check_where({labels_file("label\n"), probs_file("a,b\n" + kRows3)}, "no_data_rows", 0, 0, 0);
    check_where({combined_file("label,a,b\n")}, "no_data_rows", 0, 0, 0);
    check_where({labels_file(kLabels3), probs_file(std::string("\xFF\xFE"
                                                               "a\0,\0b\0\n\0",
                                                               10))},
                "utf16", 0, 0, 0);
    check_where({labels_file(kLabels3), probs_file(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16))}, "not_text", 0, 0,
                0);
}

TEST_CASE("rows people see: the sniffer says it as the reader does") {
    const auto problem = [](const std::string& name, const std::string& text) {
        const auto s = labelscope::io::sniff_file(name, bytes(text), text.size(), true);
        REQUIRE(s.problem.has_value());
        return *s.problem;
    };
    const ReadError header = problem("pred_probs.csv", "caf\xE9,th\xE9\n0.5,0.5\n");
    CHECK(header.code() == "not_utf8");
    CHECK(header.row() == 0);
    CHECK(header.line() == 1);
    CHECK(header.column() == 1);
    const ReadError data = problem("pred_probs.csv", "a,b\n0.5,0.5\n0.5,0.5\xE9\n");
    CHECK(data.row() == 2);
    CHECK(data.line() == 0);
    const ReadError headerless = problem("labels.csv", "0\n1\n2\xE9\n");
    CHECK(headerless.row() == 3);
    const ReadError binary = problem("pred_probs.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    CHECK(binary.code() == "not_text");
    CHECK(binary.row() == 0);
    CHECK(binary.line() == 0);
}

TEST_CASE("rows people see: the multi-label reader and the feature table") {
    SUBCASE("multi-label combined file: a header without a label column names its line") {
        MultiLabelReader reader;
        const std::string text = "id,a,b\n1,0.5,0.5\n";
        ReadError seen("", "", "", 0, 0);
        try {
            reader.begin_file(labelscope::io::FileRole::combined, "d.csv", text.size());
            reader.feed(bytes(text), text.size());
            reader.end_file();
            reader.finish();
            FAIL("no error");
        } catch (const ReadError& e) {
            seen = labelscope::io::in_data_rows(e, reader.first_data_row(e.file()));
        }
        CHECK(seen.code() == "missing_column");
        CHECK(seen.row() == 0);
        CHECK(seen.line() == 1);
    }
    SUBCASE("multi-label: a pred_probs header error before any output") {
        MultiLabelReader reader;
        const std::string labels = "labels\na\nb\n", probs = "a,a\n0.5,0.5\n0.5,0.5\n";
        ReadError seen("", "", "", 0, 0);
        try {
            reader.begin_file(labelscope::io::FileRole::labels, "l.csv", labels.size());
            reader.feed(bytes(labels), labels.size());
            reader.end_file();
            reader.begin_file(labelscope::io::FileRole::pred_probs, "p.csv", probs.size());
            reader.feed(bytes(probs), probs.size());
            reader.end_file();
            FAIL("no error");
        } catch (const ReadError& e) {
            seen = labelscope::io::in_data_rows(e, reader.first_data_row(e.file()));
        }
        CHECK(seen.code() == "duplicate_column");
        CHECK(seen.row() == 0);
        CHECK(seen.line() == 1);
        CHECK(seen.column() == 2);
    }
    SUBCASE("feature table") {
        const auto table_error = [](const std::string& text) {
            TableReader reader;
            try {
                reader.begin_file("t.csv", text.size());
                reader.feed(bytes(text), text.size());
                reader.end_file();
                reader.finish();
            } catch (const ReadError& e) {
                return e;
            }
            FAIL("no error");
            return ReadError("", "", "", 0, 0);
        };
        const ReadError dup = table_error("label,x,x\n0,1,2\n1,2,3\n");
        CHECK(dup.code() == "duplicate_column");
        CHECK(dup.row() == 0);
        CHECK(dup.line() == 1);
        CHECK(dup.column() == 3);
        const ReadError quote = table_error("label,\"x\"y\n0,1\n");
        CHECK(quote.code() == "bad_quote");
        CHECK(quote.line() == 1);
        const ReadError ragged = table_error("label,x\n0,1\n1\n0,3\n");
        CHECK(ragged.code() == "ragged_row");
        CHECK(ragged.row() == 2);
        CHECK(ragged.line() == 0);
        const ReadError none = table_error("label,x\n");
        CHECK(none.code() == "no_data_rows");
        CHECK(none.row() == 0);
    }
    SUBCASE("feature block (CSV of numbers)") {
        const auto dense_error = [](const std::string& text) {
            labelscope::io::DenseReader reader;
            try {
                reader.begin_file("f.csv", text.size());
                reader.feed(bytes(text), text.size());
                reader.end_file();
                reader.finish();
            } catch (const ReadError& e) {
                return e;
            }
            FAIL("no error");
            return ReadError("", "", "", 0, 0);
        };
        const ReadError header = dense_error("a,b\xE9\n1,2\n3,4\n");
        CHECK(header.code() == "not_utf8");
        CHECK(header.row() == 0);
        CHECK(header.line() == 1);
        CHECK(header.column() == 2);
        const ReadError quote = dense_error("a,b\n1,2\n\"3\"x,4\n");
        CHECK(quote.code() == "bad_quote");
        CHECK(quote.row() == 2);
        CHECK(quote.line() == 0);
        const ReadError blank = dense_error("a,b\n1,2\n\n3,4\n");
        CHECK(blank.code() == "blank_row");
        CHECK(blank.row() == 2);
        const ReadError headerless = dense_error("1,2\n3,4\xE9\n");
        CHECK(headerless.row() == 2);
        const ReadError none = dense_error("a,b\n");
        CHECK(none.code() == "no_data_rows");
        CHECK(none.row() == 0);
    }
}
