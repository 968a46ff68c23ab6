// The streaming tokenizer on its own: RFC 4180 quoting, line endings, BOM, delimiter detection and
// its errors, with every input also fed in pieces (the cells and their positions must not change).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/csv_tokenizer.hpp"
#include "io_helpers.hpp"

using labelscope::io::CellSink;
using labelscope::io::CsvTokenizer;
using labelscope::io::ReadError;

namespace {

// Records every cell with its position, and every row end.
struct Recorder final : CellSink {
    std::vector<std::string> events;
    std::vector<std::vector<std::string>> rows{{}};
    void cell(std::string_view text, std::int64_t row, std::int64_t column) override {
        events.push_back("r" + std::to_string(row) + "c" + std::to_string(column) + "=[" + std::string(text) + "]");
        rows.back().emplace_back(text);
    }
    void end_row(std::int64_t row, std::int64_t num_cells) override {
        events.push_back("end r" + std::to_string(row) + " n" + std::to_string(num_cells));
        rows.emplace_back();
    }
};

struct Tokens {
    std::vector<std::string> events;
    std::vector<std::vector<std::string>> rows;
    char delimiter = 0;
    std::optional<ReadError> error;
};

// Tokenizes `bytes` cut at `cuts` (end offsets of the pieces).
Tokens run(const std::string& bytes, const std::vector<std::size_t>& cuts) {
    Recorder sink;
    Tokens t;
    try {
        CsvTokenizer tok(sink, "t.csv");
        std::size_t from = 0;
        for (std::size_t to : cuts) {
            tok.feed(bytes.data() + from, to - from);
            from = to;
        }
        tok.finish();
        t.delimiter = tok.delimiter();
    } catch (const ReadError& e) {
        t.error = e;
    }
    t.events = sink.events;
    t.rows = sink.rows;
    t.rows.pop_back();  // the row being started after the last end_row
    return t;
}

// Whole input, then fixed piece sizes and every two-piece split: all must give the same events.
Tokens tokenize(const std::string& bytes) {
    const Tokens whole = run(bytes, {bytes.size()});
    std::vector<std::vector<std::size_t>> ways;
    for (std::size_t size : {1, 2, 3, 7, 64}) {
        std::vector<std::size_t> cuts;
        for (std::size_t at = size; at < bytes.size(); at += size) cuts.push_back(at);
        cuts.push_back(bytes.size());
        ways.push_back(cuts);
    }
    for (std::size_t at = 1; at < bytes.size(); ++at) ways.push_back({at, bytes.size()});
    int disagreeing = 0;
    for (const auto& cuts : ways) {
        const Tokens t = run(bytes, cuts);
        // Events before an error may differ (a chunk is checked before it is tokenized); the
        // error itself and a successful result may not.
        bool same = t.error.has_value() == whole.error.has_value() && t.delimiter == whole.delimiter;
        if (same && whole.error) same = iotest::same_error(*t.error, *whole.error);
        if (same && !whole.error) same = t.events == whole.events;
        if (!same && ++disagreeing <= 3) {
            INFO("pieces ending at: " << [&] {
                std::string s;
                for (auto c : cuts) s += std::to_string(c) + " ";
                return s;
            }());
            CHECK(t.events == whole.events);
            CHECK(t.error.has_value() == whole.error.has_value());
            if (t.error && whole.error) iotest::check_same_error(*t.error, *whole.error);
        }
    }
    CHECK_MESSAGE(disagreeing == 0, disagreeing << " way(s) of cutting the input disagree with the whole input");
    return whole;
}

using Rows = std::vector<std::vector<std::string>>;

Rows rows_of(const std::string& bytes) {
    Tokens t = tokenize(bytes);
    if (t.error) FAIL("unexpected error " << t.error->code() << ": " << std::string(t.error->what()));
    return t.rows;
}

ReadError error_of(const std::string& bytes) {
    Tokens t = tokenize(bytes);
    if (!t.error) FAIL("no error");
    return *t.error;
}

}  // namespace

TEST_CASE("tokenizer: plain comma-separated rows, with and without a final newline") {
    CHECK(rows_of("a,b,c\n1,2,3\n") == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(rows_of("a,b,c\n1,2,3") == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(rows_of("a,,c\n,2,\n") == Rows{{"a", "", "c"}, {"", "2", ""}});
    CHECK(rows_of("x") == Rows{{"x"}});
}

TEST_CASE("tokenizer: cells carry 1-based row and column positions") {
    const Tokens t = tokenize("a,b\n1,2\n");
    CHECK(t.events ==
          std::vector<std::string>{"r1c1=[a]", "r1c2=[b]", "end r1 n2", "r2c1=[1]", "r2c2=[2]", "end r2 n2"});
}

TEST_CASE("tokenizer: RFC 4180 quoted fields hold delimiters, doubled quotes and line breaks") {
    SUBCASE("delimiter inside quotes") { CHECK(rows_of("\"a,b\",c\n") == Rows{{"a,b", "c"}}); }
    SUBCASE("doubled quotes are one quote") {
        CHECK(rows_of("\"say \"\"hi\"\"\",x\n") == Rows{{"say \"hi\"", "x"}});
        CHECK(rows_of("\"\"\"\"\n") == Rows{{"\""}});
        CHECK(rows_of("\"a\"\"\",\"\"\"b\"\n") == Rows{{"a\"", "\"b"}});
    }
    SUBCASE("empty quoted fields") {
        CHECK(rows_of("\"\",\"\"\n") == Rows{{"", ""}});
        CHECK(rows_of("x,\"\"") == Rows{{"x", ""}});
    }
    SUBCASE("line breaks inside quotes are part of the cell, in every style") {
        CHECK(rows_of("h1,h2\n\"line 1\nline 2\",x\n") == Rows{{"h1", "h2"}, {"line 1\nline 2", "x"}});
        CHECK(rows_of("h1,h2\r\n\"a\r\nb\",x\r\n") == Rows{{"h1", "h2"}, {"a\r\nb", "x"}});
        CHECK(rows_of("h1,h2\r\"a\rb\",x\r") == Rows{{"h1", "h2"}, {"a\rb", "x"}});
    }
    SUBCASE("a row is a record: a line break inside quotes does not start a new row number") {
        const Tokens t = tokenize("h\n\"a\nb\"\nc\n");
        CHECK(t.events ==
              std::vector<std::string>{"r1c1=[h]", "end r1 n1", "r2c1=[a\nb]", "end r2 n1", "r3c1=[c]", "end r3 n1"});
    }
    SUBCASE("a quote that does not open the cell is an ordinary character") {
        CHECK(rows_of("ab\"c,d\n") == Rows{{"ab\"c", "d"}});
        CHECK(rows_of("5\" screen,x\n") == Rows{{"5\" screen", "x"}});
    }
    SUBCASE("quoted last cell without a final newline") { CHECK(rows_of("a,\"b,c\"") == Rows{{"a", "b,c"}}); }
}

TEST_CASE("tokenizer: CRLF, LF and lone CR line endings give the same rows") {
    const Rows expected{{"a", "b"}, {"1", "2"}, {"3", "4"}};
    CHECK(rows_of("a,b\n1,2\n3,4\n") == expected);
    CHECK(rows_of("a,b\r\n1,2\r\n3,4\r\n") == expected);
    CHECK(rows_of("a,b\r1,2\r3,4\r") == expected);
    CHECK(rows_of("a,b\r\n1,2\n3,4\r") == expected);  // mixed
    CHECK(rows_of("a,b\r\n1,2\r\n3,4") == expected);
    // A quoted cell closed right before the line break, in each style.
    CHECK(rows_of("a,\"b\"\r\n1,\"2\"\r3,\"4\"\n") == expected);
}

TEST_CASE("tokenizer: blank lines are rows of one empty cell (the parser decides what they mean)") {
    CHECK(rows_of("a\n\nb\n") == Rows{{"a"}, {""}, {"b"}});
    CHECK(rows_of("a\r\n\r\nb\r\n") == Rows{{"a"}, {""}, {"b"}});
    CHECK(rows_of("a\r\rb\r") == Rows{{"a"}, {""}, {"b"}});
}

TEST_CASE("tokenizer: a UTF-8 byte order mark is dropped") {
    CHECK(rows_of("\xEF\xBB\xBF"
                  "a,b\n1,2\n") == Rows{{"a", "b"}, {"1", "2"}});
    CHECK(rows_of("\xEF\xBB\xBF\"a,b\",c\n") == Rows{{"a,b", "c"}});
    CHECK(rows_of("\xEF\xBB\xBF"
                  "a;b\n") == Rows{{"a", "b"}});
    CHECK(rows_of("\xEF\xBB\xBF"
                  "abc") == Rows{{"abc"}});
    // Only at the very start: elsewhere the bytes are text.
    CHECK(rows_of("a\n\xEF\xBB\xBF"
                  "b\n") == Rows{{"a"},
                                 {"\xEF\xBB\xBF"
                                  "b"}});
}

TEST_CASE("tokenizer: the delimiter is chosen from the first line: tab, then semicolon, then comma") {
    SUBCASE("comma") {
        const Tokens t = tokenize("a,b\n1,2\n");
        CHECK(t.delimiter == ',');
    }
    SUBCASE("tab, even when the header also holds commas and semicolons") {
        const Tokens t = tokenize("a,x\tb;y\n1,5\t2\n");
        CHECK(t.delimiter == '\t');
        CHECK(t.rows == Rows{{"a,x", "b;y"}, {"1,5", "2"}});
    }
    SUBCASE("semicolon beats comma") {
        const Tokens t = tokenize("a;b,c\n0,5;1\n");
        CHECK(t.delimiter == ';');
        CHECK(t.rows == Rows{{"a", "b,c"}, {"0,5", "1"}});
    }
    SUBCASE("delimiters inside quotes of the first line do not count") {
        const Tokens t = tokenize("\"a;b\",c\n1,2\n");
        CHECK(t.delimiter == ',');
        CHECK(t.rows == Rows{{"a;b", "c"}, {"1", "2"}});
        const Tokens tab = tokenize("\"a\tb\";c\n");
        CHECK(tab.delimiter == ';');
    }
    SUBCASE("only the first line decides") {
        const Tokens t = tokenize("a,b\n1;2,3\n");
        CHECK(t.delimiter == ',');
        CHECK(t.rows == Rows{{"a", "b"}, {"1;2", "3"}});
    }
    SUBCASE("a single line without a newline") {
        CHECK(tokenize("a\tb").delimiter == '\t');
        CHECK(tokenize("a;b").delimiter == ';');
    }
}

TEST_CASE("tokenizer: a quoted field never closed is an error at the row and column where it opens") {
    iotest::check_error(error_of("a,b\n1,\"2\n3,4\n"), "unterminated_quote", "t.csv", 2, 2, {"quote", "never closed"});
    iotest::check_error(error_of("\"abc"), "unterminated_quote", "t.csv", 1, 1, {"quote"});
}

TEST_CASE("tokenizer: text after a closing quote is an error at that cell") {
    iotest::check_error(error_of("\"a\"b,c\n"), "bad_quote", "t.csv", 1, 1, {"after a closing quote", "\"\""});
    iotest::check_error(error_of("h1,h2,h3\n1,2,3\n4,\"5\" ,6\n"), "bad_quote", "t.csv", 3, 2, {"closing quote"});
}

TEST_CASE("tokenizer: UTF-16 text is refused with a request for UTF-8") {
    iotest::check_error(error_of(std::string("\xFF\xFE"
                                             "a\0,\0b\0\n\0",
                                             10)),
                        "utf16", "t.csv", 1, 1, {"UTF-16", "UTF-8"});
    iotest::check_error(error_of(std::string("\xFE\xFF\0a\0,\0b\0\n", 10)), "utf16", "t.csv", 1, 1, {"UTF-16"});
    // Without a byte order mark: ASCII in UTF-16LE has a NUL in every second byte.
    iotest::check_error(error_of(std::string("l\0a\0b\0e\0l\0\n\0", 12)), "utf16", "t.csv", 1, 1, {"UTF-8"});
}

TEST_CASE("tokenizer: NUL bytes mean binary content") {
    iotest::check_error(error_of(std::string("\0\0\0\0abc", 7)), "not_text", "t.csv", 1, 1, {"binary"});
}
