// Text that is not UTF-8 is refused (code not_utf8) with the row and column of the first bad byte,
// in every chunking; well-formed UTF-8 (accents, emoji, a BOM) reads as before.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/utf8_check.hpp"
#include "io_helpers.hpp"

using iotest::check_error;
using iotest::combined_file;
using iotest::labels_file;
using iotest::probs_file;
using iotest::read;
using iotest::read_error;
using labelscope::io::Utf8Check;

namespace {
const std::string kProbs = "0.7,0.2,0.1\n0.1,0.8,0.1\n0.2,0.2,0.6\n";

std::size_t first_bad(const std::string& s) {
    Utf8Check check;
    return check.scan(s.data(), s.size());
}
}  // namespace

TEST_CASE("utf8: well-formed and ill-formed sequences") {
    CHECK(first_bad("plain ascii, more than eight bytes long") == Utf8Check::npos);
    CHECK(first_bad("caf\xC3\xA9 th\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF") == Utf8Check::npos);
    CHECK(first_bad("caf\xE9,x") == 3);           // Windows-1252 é: a lead byte without continuation
    CHECK(first_bad("abcdefghij\x80") == 10);     // a stray continuation byte
    CHECK(first_bad("\xC0\xAF") == 0);            // overlong '/'
    CHECK(first_bad("ab\xE0\x80\xAF") == 2);      // overlong three-byte form
    CHECK(first_bad("ab\xED\xA0\x80") == 2);      // a UTF-16 surrogate
    CHECK(first_bad("ab\xF4\x90\x80\x80") == 2);  // past U+10FFFF
    CHECK(first_bad("\xF5\x80\x80\x80") == 0);
    SUBCASE("a character split across chunks") {
        Utf8Check check;
        const std::string s = "caf\xC3\xA9";
        CHECK(check.scan(s.data(), 4) == Utf8Check::npos);
        CHECK(check.incomplete());
        CHECK(check.scan(s.data() + 4, 1) == Utf8Check::npos);
        CHECK_FALSE(check.incomplete());
    }
    SUBCASE("a sequence begun in one chunk and broken in the next reports 0 and its lead byte") {
        Utf8Check check;
        CHECK(check.scan("caf\xE9", 4) == Utf8Check::npos);
        CHECK(check.scan(",x", 2) == 0);
        CHECK(check.bad_byte() == 0xE9);
    }
}

TEST_CASE("utf8: Windows-1252 class names are refused with the bad byte's row and column") {
    SUBCASE("pred_probs header caf\xE9,th\xE9,na\xEFve") {
        const auto e = read_error({labels_file("0\n1\n2\n"), probs_file("caf\xE9,th\xE9,na\xEFve\n" + kProbs)});
        check_error(e, "not_utf8", "pred_probs.csv", 1, 1, {"not UTF-8", "0xE9", "Save the file as UTF-8"});
    }
    SUBCASE("a label name in the third data row") {
        const auto e = read_error({labels_file("label\ncaf\xC3\xA9\nth\xC3\xA9\nna\xEFve\n"),
                                   probs_file("caf\xC3\xA9,th\xC3\xA9,other\n" + kProbs)});
        check_error(e, "not_utf8", "labels.csv", 4, 1, {"0xEF"});
    }
    SUBCASE("a text column of a combined CSV, second column") {
        const auto e = read_error({combined_file("label,text,a,b\n0,ok,0.9,0.1\n1,d\xE9j\xE0,0.2,0.8\n")});
        check_error(e, "not_utf8", "dataset.csv", 3, 2, {"0xE9"});
    }
    SUBCASE("the file ends inside a character") {
        const auto e = read_error({labels_file("label\n0\n1\n2\n"), probs_file("a,b,c\xC3")});
        CHECK(e.code() == "not_utf8");
    }
}

TEST_CASE("utf8: well-formed UTF-8 names still read") {
    const auto d = read({labels_file("label\ncaf\xC3\xA9\nth\xC3\xA9\n\xF0\x9F\x98\x80\n"),
                         probs_file("caf\xC3\xA9,th\xC3\xA9,\xF0\x9F\x98\x80\n" + kProbs)});
    CHECK(d.labels == std::vector<std::int32_t>{0, 1, 2});
    CHECK(d.class_names[0] == "caf\xC3\xA9");
}

TEST_CASE("utf8: a broken character after a closing quote is the same error in every chunking") {
    // Found by the pipeline fuzzer: a chunk that ended on the lead byte 0xCD let the tokenizer see
    // text after a closing quote (bad_quote) before the next chunk showed the byte was not UTF-8.
    const auto e =
        read_error({combined_file("id,text,label,a,b\n1,\"ok\"\xCD"
                                  "x,0,0.9,0.1\n2,fine,1,0.2,0.8\n")});
    check_error(e, "not_utf8", "dataset.csv", 2, 2, {"0xCD"});
}
