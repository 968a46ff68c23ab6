// The short-decimal fast path (Clinger: integer mantissa <= 2^53, one correctly rounded division or
// multiplication by an exact power of ten) must give exactly what the general parser (fast_float)
// gives, for every input: the same bits, and the same rejections. Millions of random short
// decimals, the edge cases by name, every cut of a number by the end of the buffer, and the
// 8-characters-at-a-time digit scanner against a plain loop.
// Random inputs use mt19937_64 raw bits only (std distributions differ between standard libraries,
// and this suite also runs under WASM).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "io/number_parse.hpp"

using labelscope::io::parse_double;
using labelscope::io::parse_double_general;
using labelscope::io::parse_short_decimal;

namespace {

std::uint64_t bits_of(double d) {
    std::uint64_t b;
    std::memcpy(&b, &d, 8);
    return b;
}

std::string show(const std::optional<double>& v) {
    if (!v) return "rejected";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g (bits %016llx)", *v, static_cast<unsigned long long>(bits_of(*v)));
    return buf;
}

bool same(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || bits_of(*a) == bits_of(*b));
}

// parse_double (fast path first) against parse_double_general (fast_float only).
bool agrees(const std::string& s, bool decimal_comma) {
    return same(parse_double(s, decimal_comma), parse_double_general(s, decimal_comma));
}

void check_agrees(const std::string& s) {
    for (const bool decimal_comma : {false, true}) {
        const auto fast = parse_double(s, decimal_comma), general = parse_double_general(s, decimal_comma);
        INFO("input: [" << s << "] decimal_comma " << decimal_comma);
        INFO("fast path: " << show(fast) << ", general: " << show(general));
        CHECK(same(fast, general));
    }
}

// A random short decimal: optional sign, 0-3 (sometimes up to 22) integer digits, an optional
// point, 0-12 (sometimes up to 24) fraction digits, sometimes an exponent; digits biased to zeros
// so that leading/trailing zeros and 0.000x values are common.
std::string random_decimal(std::mt19937_64& rng, bool decimal_comma) {
    std::uint64_t r = rng();
    auto take = [&r](unsigned n) {
        const auto v = static_cast<unsigned>(r % n);
        r /= n;
        return v;
    };
    std::string s;
    const unsigned sign = take(8);
    if (sign == 6) s += '-';
    if (sign == 7) s += '+';
    const unsigned int_digits = take(8) == 0 ? take(23) : take(4);
    const bool point = take(6) != 0;
    const unsigned frac_digits = point ? (take(8) == 0 ? take(25) : take(13)) : 0;
    const bool exponent = take(6) == 0;
    std::uint64_t d = rng();
    auto digit = [&]() {
        if (d < 16) d = rng();
        const unsigned v = static_cast<unsigned>(d % 13);
        d /= 13;
        return static_cast<char>('0' + (v >= 10 ? 0 : v));  // zeros 4 times as often
    };
    for (unsigned i = 0; i < int_digits; ++i) s += digit();
    if (point) s += decimal_comma && take(2) == 0 ? ',' : '.';
    for (unsigned i = 0; i < frac_digits; ++i) s += digit();
    if (exponent) {
        s += take(2) ? 'e' : 'E';
        const unsigned es = take(3);
        if (es == 1) s += '-';
        if (es == 2) s += '+';
        const unsigned ed = 1 + take(3);
        for (unsigned i = 0; i < ed; ++i) s += static_cast<char>('0' + take(ed == 1 ? 10 : 4));
    }
    return s;
}

// Scalar reference for detail::leading_digits8 / digits_value8.
unsigned leading_digits_ref(const unsigned char* b) {
    unsigned n = 0;
    while (n < 8 && b[n] >= '0' && b[n] <= '9') ++n;
    return n;
}

std::uint64_t word_of(const unsigned char* b) {
    std::uint64_t w = 0;
    for (int i = 0; i < 8; ++i) w |= static_cast<std::uint64_t>(b[i]) << (8 * i);
    return w;
}

}  // namespace

TEST_CASE("number fast path: millions of random short decimals equal the general parser bit for bit") {
    std::mt19937_64 rng(20240615);
    int mismatched = 0, accepted = 0;
    constexpr int N = 2000000;
    for (int i = 0; i < N; ++i) {
        const bool decimal_comma = (i & 3) == 3;
        const std::string s = random_decimal(rng, decimal_comma);
        const auto fast = parse_double(s, decimal_comma);
        if (!same(fast, parse_double_general(s, decimal_comma))) {
            if (++mismatched <= 5) CHECK_MESSAGE(false, "mismatch on [" << s << "] decimal_comma " << decimal_comma);
        }
        accepted += fast.has_value();
    }
    CHECK(mismatched == 0);
    CHECK(accepted > N / 2);  // the generator mostly makes numbers
}

TEST_CASE("number fast path: random short decimals equal strtod") {
    std::mt19937_64 rng(77);
    int mismatched = 0, compared = 0;
    for (int i = 0; i < 200000; ++i) {
        std::string s = random_decimal(rng, false);
        const auto v = parse_double(s);
        if (!v) continue;
        ++compared;
        if (bits_of(*v) != bits_of(std::strtod(s.c_str(), nullptr)) && ++mismatched <= 5)
            CHECK_MESSAGE(false, "differs from strtod on [" << s << "]: " << show(v));
    }
    CHECK(mismatched == 0);
    CHECK(compared > 100000);
}

TEST_CASE("number fast path: %.6g values of random probabilities (what the benchmark files hold)") {
    std::mt19937_64 rng(5);
    int mismatched = 0;
    for (int i = 0; i < 300000; ++i) {
        // A probability spread over many magnitudes: uniform in [0,1) scaled by 10^-(0..11).
        const double u = static_cast<double>(rng() >> 11) / 9007199254740992.0;
        const double p = u * std::pow(10.0, -static_cast<double>(rng() % 12));
        char buf[40];
        std::snprintf(buf, sizeof buf, (i & 1) ? "%.6g" : "%.9g", p);
        const auto v = parse_double(buf);
        if ((!v || bits_of(*v) != bits_of(std::strtod(buf, nullptr)) || !agrees(buf, false)) && ++mismatched <= 5)
            CHECK_MESSAGE(false, "mismatch on " << buf);
    }
    CHECK(mismatched == 0);
}

TEST_CASE("number fast path: edge cases parse (or are rejected) exactly as by the general parser") {
    const char* const cases[] = {
        // signs, points, zeros
        "0", "-0", "+0", "-0.0", "+0.0", "0.", ".0", "-.0", ".5", "5.", "-.5", "+.5", "+5.", "-5.", "00", "-00.000",
        // not numbers
        "", " ", "\t", ".", "-.", "+.", "-", "+", "e5", ".e5", "-e5", "1e", "1e+", "1e-", "1e-+5", "1e+-5", "1ee5",
        "1.e", "++1", "--1", "+-1", "-+1", "1..5", "1.5.5", "1,5,5", "1.5,5", "1,5.5", ",5", "1,", ",", "0x10", "1_000",
        "1'000", "0.5%", "1 2", "1e5.5", "1e5e5", "\xd9\xa1", "1\xc2\xa0", "\x7f", "5:", "5/", "/5", ":5",
        // exponents around the exact range
        "1E5", "1e+5", "1e-5", "1e0", "1e-0", "1e+0", "1e00000000000000000000001", "1e22", "1e23", "1e-22", "1e-23",
        "-1e22", "9e22", "9e-22", "123e20", "123e-24", "0.001e25", "1000e-25", "1.5e-0", "0e999999", "0e-999999",
        "-0e5", "1e-400", "1e400", "-1e400", "1e99999999999999999999",
        // mantissa around 2^53 and 19 digits
        "9007199254740992", "9007199254740993", "9007199254740991", "9007199254740992e-22", "9007199254740993e-22",
        "9007199254740992e22", "900719925474099.3", "0.9007199254740993", "1234567890123456789", "12345678901234567890",
        "0.1234567890123456789", "0.12345678901234567890", "1234567890.123456789", "00000000000000000001",
        "0000000000000000000000.5", "0.00000000000000000000001", "99999999999999999999", "18446744073709551615",
        "18446744073709551616", "18446744073709551617e-10",
        // the 8-character scanner's boundaries
        "1", "12", "1234567", "12345678", "123456789", "1234567812345678", "12345678123456789", "0.1234567",
        "0.12345678", "0.123456789", "12345678.12345678", "0.00000001", "99999999", "99999999.99999999",
        // typical exports
        "0.0123457", "1.23457e-05", "0.999999", "1", "0.5", "3.14159", "2.5E-1", "-1.5e-3", "100", "1e-7",
        "6.103515625e-05", "0.30000000000000004", "0.1", "0.2", "0.3", "7.2057594037927933e16",
        // subnormal, normal limits, overflow
        "4.9406564584124654e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "2.2250738585072014e-308",
        "2.2250738585072011e-308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        // nan / inf spellings
        "nan", "NaN", "-nan", "+nan", "nan(123)", "nan(", "inf", "-inf", "+inf", "infinity", "Infinity", "-Infinity",
        "infin", "INF", "+-inf",
        // blanks around
        " 1", "1 ", " 1 ", "\t1\t", " -0.5 ", " +.5\t", "  ", " . ", " 1e5 ", "1\t2"};
    for (const char* s : cases) check_agrees(s);
    // Every non-digit byte right after 0..16 digits, before and after a point (carries/borrows
    // in the 8-at-a-time scanner must never count a non-digit as a digit).
    for (int c = 1; c < 256; ++c) {
        if (c >= '0' && c <= '9') continue;
        for (int n = 0; n <= 16; ++n) {
            std::string digits;
            for (int i = 0; i < n; ++i) digits += static_cast<char>('1' + i % 9);
            check_agrees(digits + static_cast<char>(c));
            check_agrees(digits + static_cast<char>(c) + "5");
            check_agrees("0." + digits + static_cast<char>(c));
            check_agrees("0." + digits + static_cast<char>(c) + "12345678");
        }
    }
}

TEST_CASE("number fast path: parse_short_decimal never reads past `end` and stops where the number does") {
    // The number is copied into a buffer of exactly its cut length (sanitizer builds catch a read
    // past it); whatever it returns must be the general parser's reading of that prefix.
    const char* const numbers[] = {
        "0.0123457", "-1.23457e-05", "12345678.12345678", "+.5", "1234567812345678", "9007199254740993", "5.",
        "1e22",      "0,25"};
    for (const char* number : numbers) {
        const std::string full(number);
        for (std::size_t len = 1; len <= full.size(); ++len) {
            for (const bool decimal_comma : {false, true}) {
                std::vector<char> buf(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(len));
                double v = -1;
                const char* end = parse_short_decimal(buf.data(), buf.data() + len, decimal_comma, v);
                const std::string prefix(buf.begin(), buf.end());
                INFO("prefix: [" << prefix << "] decimal_comma " << decimal_comma);
                if (end == nullptr) continue;  // the general parser decides; covered above
                REQUIRE(end > buf.data());
                REQUIRE(end <= buf.data() + len);
                const std::string read(static_cast<const char*>(buf.data()), end);
                const auto general = parse_double_general(read, decimal_comma);
                REQUIRE(general.has_value());
                CHECK(bits_of(v) == bits_of(*general));
                // It stopped at the first character that cannot continue the number.
                if (end < buf.data() + len) CHECK_FALSE(parse_double_general(read + *end, decimal_comma).has_value());
            }
        }
    }
    // In a row: the number ends at the delimiter, not at the end of the buffer.
    const std::string row = "0.25,1e-3;7\n";
    double v = 0;
    const char* p = parse_short_decimal(row.data(), row.data() + row.size(), false, v);
    REQUIRE(p != nullptr);
    CHECK(*p == ',');
    CHECK(v == 0.25);
    p = parse_short_decimal(p + 1, row.data() + row.size(), false, v);
    REQUIRE(p != nullptr);
    CHECK(*p == ';');
    CHECK(v == 1e-3);
}

TEST_CASE("number fast path: the 8-characters-at-a-time digit scanner against a plain loop") {
    using labelscope::io::detail::digits_value8;
    using labelscope::io::detail::leading_digits8;
    // Every byte value at every position after a run of digits.
    for (int pos = 0; pos < 8; ++pos) {
        for (int c = 0; c < 256; ++c) {
            unsigned char b[8];
            for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>('0' + (i * 7 + 3) % 10);
            b[pos] = static_cast<unsigned char>(c);
            for (int tail = 0; tail < 256; tail += 51) {  // whatever follows must not matter
                for (int i = pos + 1; i < 8; ++i) b[i] = static_cast<unsigned char>(tail + i);
                const std::uint64_t w = word_of(b);
                const unsigned n = leading_digits_ref(b);
                INFO("pos " << pos << " byte " << c << " tail " << tail);
                REQUIRE(leading_digits8(w) == n);
                if (n > 0) {
                    std::uint64_t expected = 0;
                    for (unsigned i = 0; i < n; ++i) expected = expected * 10 + (b[i] - '0');
                    REQUIRE(digits_value8(w, n) == expected);
                }
            }
        }
    }
    std::mt19937_64 rng(11);
    for (int i = 0; i < 200000; ++i) {
        unsigned char b[8];
        std::uint64_t r = rng();
        const unsigned run = static_cast<unsigned>(r % 9);
        r /= 9;
        for (unsigned k = 0; k < 8; ++k) {
            const std::uint64_t x = rng();
            b[k] = k < run ? static_cast<unsigned char>('0' + x % 10) : static_cast<unsigned char>(x);
        }
        const std::uint64_t w = word_of(b);
        const unsigned n = leading_digits_ref(b);
        REQUIRE(leading_digits8(w) == n);
        if (n > 0) {
            std::uint64_t expected = 0;
            for (unsigned k = 0; k < n; ++k) expected = expected * 10 + (b[k] - '0');
            REQUIRE(digits_value8(w, n) == expected);
        }
    }
}
