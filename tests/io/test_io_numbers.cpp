// Number cells: correctly rounded (bit-identical to strtod) on tricky decimals and thousands of
// random round-trip strings, plus the accepted spellings (blanks, '+', exponents, decimal comma).
// Random inputs use mt19937_64 raw bits only: std distributions differ between libstdc++ and
// libc++, and this suite also runs under WASM.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "io/number_parse.hpp"
#include "io_helpers.hpp"

using labelscope::io::parse_double;
using labelscope::io::parse_integer;

namespace {

std::uint64_t bits_of(double d) {
    std::uint64_t b;
    std::memcpy(&b, &d, 8);
    return b;
}

double from_bits(std::uint64_t b) {
    double d;
    std::memcpy(&d, &b, 8);
    return d;
}

// parse_double(s) must be exactly strtod(s).
void check_like_strtod(const std::string& s) {
    INFO("input: " << s);
    const auto parsed = parse_double(s);
    REQUIRE(parsed.has_value());
    CHECK(bits_of(*parsed) == bits_of(std::strtod(s.c_str(), nullptr)));
}

const char* const kTricky[] = {
    "0.1",
    "0.2",
    "0.3",
    "0.30000000000000004",
    "2.2250738585072014e-308",  // smallest normal
    "2.2250738585072011e-308",  // largest subnormal region, famous PHP/Java hang
    "2.2250738585072012e-308",
    "4.9406564584124654e-324",  // smallest subnormal
    "2.4703282292062328e-324",  // just above half of it: rounds up
    "1.7976931348623157e308",
    "9007199254740993",                                         // 2^53 + 1: halfway, rounds to even (2^53)
    "9007199254740995",                                         // halfway, rounds to even (2^53 + 4)
    "9007199254740993.0000000000000000001",                     // just above halfway: rounds up
    "1.00000000000000011102230246251565404236316680908203125",  // exactly halfway between 1 and next
    "1.00000000000000011102230246251565404236316680908203124",
    "1.00000000000000011102230246251565404236316680908203126",
    "0.1000000000000000055511151231257827021181583404541015625",  // exact binary value of 0.1
    "123456789012345678901234567890e-30",
    "0.000000000000000000000000000000000000000000000000000000000000001",
    "7.2057594037927933e16",
    "1e23",
    "8.98846567431158e307",
    "0.9999999999999999",
    "0.99999999999999994448884876874217297882",  // halfway below 1
    "1e-7",
    "6.103515625e-05",
    "3.4028234663852886e38",
    "1.1754943508222875e-38",
    "0",
    "-0",
    "1",
    "-0.5",
    "0.25",
};

}  // namespace

TEST_CASE("numbers: tricky decimals parse exactly like strtod") {
    for (const char* s : kTricky) check_like_strtod(s);
}

TEST_CASE("numbers: random %.17g strings of random doubles round-trip bit for bit") {
    std::mt19937_64 rng(20240611);
    int checked = 0, mismatched = 0;
    for (int i = 0; i < 4000; ++i) {
        const double d = from_bits(rng());
        if (!std::isfinite(d)) continue;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        const auto parsed = parse_double(buf);
        ++checked;
        if (!parsed || bits_of(*parsed) != bits_of(d) || bits_of(*parsed) != bits_of(std::strtod(buf, nullptr))) {
            if (++mismatched <= 5) CHECK_MESSAGE(false, "mismatch on " << buf);
        }
    }
    CHECK(checked > 3900);
    CHECK(mismatched == 0);
}

TEST_CASE("numbers: random probabilities in [0, 1) with 1 to 25 significant digits match strtod") {
    // Probability-like decimals (what CSV exports hold), including more digits than a double keeps.
    std::mt19937_64 rng(7);
    int mismatched = 0;
    for (int i = 0; i < 4000; ++i) {
        const std::uint64_t r = rng();
        const int digits = 1 + static_cast<int>(r % 25);
        std::string s = "0.";
        const int zeros = static_cast<int>((r >> 8) % 4);  // a few leading zeros: 0.000123
        s.append(static_cast<std::size_t>(zeros), '0');
        for (int k = 0; k < digits; ++k) s += static_cast<char>('0' + rng() % 10);
        if ((r >> 16) % 5 == 0) s += "e-" + std::to_string((r >> 24) % 12);
        const auto parsed = parse_double(s);
        if (!parsed || bits_of(*parsed) != bits_of(std::strtod(s.c_str(), nullptr))) {
            if (++mismatched <= 5) CHECK_MESSAGE(false, "mismatch on " << s);
        }
    }
    CHECK(mismatched == 0);
}

TEST_CASE("numbers: accepted spellings") {
    CHECK(parse_double("  0.25  ") == 0.25);
    CHECK(parse_double("\t0.25\t") == 0.25);
    CHECK(parse_double("+0.25") == 0.25);
    CHECK(parse_double(" +0.25") == 0.25);
    CHECK(parse_double("-0.25") == -0.25);
    CHECK(parse_double("2.5e-1") == 0.25);
    CHECK(parse_double("2.5E-01") == 0.25);
    CHECK(parse_double("25e-2") == 0.25);
    CHECK(parse_double(".25") == 0.25);
    CHECK(parse_double("1.") == 1.0);
    CHECK(parse_double("1") == 1.0);
    CHECK(parse_double("0,25", true) == 0.25);
    CHECK(parse_double(" 0,25 ", true) == 0.25);
    CHECK(parse_double("0.25", true) == 0.25);  // a decimal point still works in a semicolon file
    // NaN and infinity are numbers here; the core rejects them with the cell's position.
    CHECK(std::isnan(*parse_double("nan")));
    CHECK(std::isinf(*parse_double("inf")));
    CHECK(std::isinf(*parse_double("-Infinity")));
}

TEST_CASE("numbers: rejected spellings") {
    for (const char* s :
         {"", " ", "abc", "0.5.1", "1e", "e5", "0x10", "1,5", "0.5 0.5", "--1", "+", "+-1", "+ 1", "0.5%", "½"}) {
        INFO("input: [" << std::string(s) << "]");
        CHECK_FALSE(parse_double(s).has_value());
    }
    CHECK_FALSE(parse_double("1,000.5", true).has_value());
    CHECK_FALSE(parse_double("0,5,1", true).has_value());
}

TEST_CASE("numbers: integers for class indices") {
    CHECK(parse_integer("0") == 0);
    CHECK(parse_integer(" 7 ") == 7);
    CHECK(parse_integer("+3") == 3);
    CHECK(parse_integer("-1") == -1);
    CHECK(parse_integer("000012") == 12);
    CHECK(parse_integer("999999999999999999") == 999999999999999999LL);
    for (const char* s : {"", "2.0", "2.5", "1e3", "x", "1 2", "-", "0x1"}) {
        INFO("input: [" << std::string(s) << "]");
        CHECK_FALSE(parse_integer(s).has_value());
    }
}

TEST_CASE("numbers: a pred_probs CSV of tricky and random decimals reads to the strtod values") {
    std::string csv = "a,b,c\n";
    std::vector<double> expected;
    std::vector<std::string> cells;
    for (const char* s : kTricky) cells.emplace_back(s);
    std::mt19937_64 rng(99);
    while (cells.size() % 3 != 0 || cells.size() < 600) {
        const double d = from_bits(rng());
        if (!std::isfinite(d)) continue;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        cells.emplace_back(buf);
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        csv += cells[i] + (i % 3 == 2 ? "\n" : ",");
        expected.push_back(std::strtod(cells[i].c_str(), nullptr));
    }
    std::string labels = "label\n";
    for (std::size_t r = 0; r < cells.size() / 3; ++r) labels += std::to_string(r % 3) + "\n";

    const auto d = iotest::read({iotest::labels_file(labels), iotest::probs_file(csv)});
    CHECK(d.num_examples == cells.size() / 3);
    CHECK(iotest::same_bits(d.probs, expected));
}

TEST_CASE("numbers: real MNIST probabilities as shortest round-trip CSV equal the float64 .npy bit for bit") {
    const std::string dir = iotest::fixtures_dir() + "/io/";
    const std::string labels = iotest::slurp(dir + "mnist50_labels.csv");
    const auto from_csv =
        iotest::read({iotest::labels_file(labels), iotest::probs_file(iotest::slurp(dir + "mnist50_pred_probs.csv"))});
    const auto from_npy = iotest::read(
        {iotest::labels_file(labels), iotest::probs_file(iotest::slurp(dir + "mnist50_pred_probs.npy"), "p.npy")});
    CHECK(from_csv.num_examples == 50);
    CHECK(from_csv.num_classes == 10);
    CHECK(from_npy.num_examples == 50);
    CHECK(from_npy.num_classes == 10);
    CHECK(iotest::same_bits(from_csv.probs, from_npy.probs));
    CHECK(from_csv.labels == from_npy.labels);
    CHECK(from_csv.labels[0] == 7);
    CHECK(from_csv.labels[1] == 2);
    CHECK(from_csv.probs[7] == 1.0);
    CHECK(from_csv.class_names == std::vector<std::string>{"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"});
    CHECK(from_npy.class_names == std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"});
}
