// Correctly rounded number parsing for CSV cells: an exact fast path for short decimals (below),
// and fast_float (Eisel-Lemire with exact fallback) for everything else.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace labelscope::io {

// Trims blanks; accepts a leading '+', "nan", "inf"/"infinity" (the core rejects them later with a
// precise message). With decimal_comma, "0,25" reads as 0.25 (semicolon-separated exports).
// Returns nullopt if the cell is not exactly one number.
std::optional<double> parse_double(std::string_view text, bool decimal_comma = false);

// The same answer as parse_double for every input, by fast_float alone (no short-decimal fast
// path): the fallback of parse_double, and the reference its tests compare it with.
std::optional<double> parse_double_general(std::string_view text, bool decimal_comma = false);

// An integer class index written as digits (optionally "+"/"-", surrounding blanks).
// "2.0" and "2.5" are not integers here: the caller reports them.
std::optional<std::int64_t> parse_integer(std::string_view text);

std::string_view trim(std::string_view text);

#if defined(__GNUC__) || defined(__clang__)
#define LABELSCOPE_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define LABELSCOPE_ALWAYS_INLINE inline
#endif

namespace detail {
inline constexpr double kExactPowersOfTen[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
inline constexpr std::uint64_t kPowersOfTen[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

LABELSCOPE_ALWAYS_INLINE bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

LABELSCOPE_ALWAYS_INLINE unsigned trailing_zero_bits(std::uint64_t x) {  // x != 0
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<unsigned>(__builtin_ctzll(x));
#else
    unsigned n = 0;
    while ((x & 1) == 0) x >>= 1, ++n;
    return n;
#endif
}

// How many of the 8 characters in `w` (loaded little-endian: first character in the low byte)
// are ASCII digits before the first other character. Per byte, m is 0x33 exactly for '0'..'9';
// a carry (from +6 on a byte >= 0xFA) only reaches bytes after a non-digit, which do not count.
LABELSCOPE_ALWAYS_INLINE unsigned leading_digits8(std::uint64_t w) {
    const std::uint64_t m = (w & 0xF0F0F0F0F0F0F0F0u) | (((w + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) >> 4);
    const std::uint64_t other = m ^ 0x3333333333333333u;
    return other == 0 ? 8 : trailing_zero_bits(other) / 8;
}

// The value of the first n (1..8) digit characters of `w`: the others are shifted out (a borrow
// from subtracting '0' only reaches bytes after a non-digit), zeros shifted in as leading digits,
// then the 8 digits are combined pairwise with three multiplications (as in fast_float).
LABELSCOPE_ALWAYS_INLINE std::uint64_t digits_value8(std::uint64_t w, unsigned n) {
    std::uint64_t x = (w - 0x3030303030303030u) << (8 * (8 - n));
    x = (x * 10) + (x >> 8);
    return (((x & 0x000000FF000000FFu) * (100 + (1000000ull << 32))) +
            (((x >> 16) & 0x000000FF000000FFu) * (1 + (10000ull << 32)))) >>
           32;
}

// Appends the digits at p to m (m * 10 + digit each, wrapping if there are more than 19: the caller
// counts them) and returns the first position after them. Eight characters at a time while eight
// can be read before `end`. kTerminated: end[-1] is known to be no digit, so the one-by-one tail
// needs no bounds check.
template <bool kTerminated>
LABELSCOPE_ALWAYS_INLINE const char* read_digits(const char* p, const char* end, std::uint64_t& m) {
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        const unsigned n = leading_digits8(w);
        if (n == 0) return p;
        m = m * kPowersOfTen[n] + digits_value8(w, n);
        p += n;
        if (n < 8) return p;
    }
    while ((kTerminated || p != end) && is_digit(*p)) {
        m = m * 10 + static_cast<unsigned>(*p - '0');
        ++p;
    }
    return p;
}

// parse_short_decimal below; kTerminated as for read_digits (end[-1] is no part of any number, so
// no single-character look-ahead needs a bounds check).
template <bool kTerminated>
LABELSCOPE_ALWAYS_INLINE const char* parse_short_decimal(const char* p, const char* end, bool decimal_comma,
                                                         double& out) {
    auto more = [end](const char* q) { return kTerminated || q != end; };
    bool negative = false;
    if (*p == '-' || *p == '+') {
        negative = *p == '-';
        ++p;
    }
    std::uint64_t mantissa = 0;
    const char* const digits = p;
    // One digit before the point (probabilities: "0.xxx") is the common case. (Terminated: a digit
    // at p is not end[-1], so p[1] can be read.)
    if ((kTerminated || end - p >= 2) && is_digit(p[0]) && !is_digit(p[1])) {
        mantissa = static_cast<unsigned>(p[0] - '0');
        ++p;
    } else {
        p = read_digits<kTerminated>(p, end, mantissa);
    }
    std::int64_t count = p - digits;  // digits read, before the point and after
    std::int64_t exponent = 0;
    if (more(p) && (*p == '.' || (decimal_comma && *p == ','))) {
        const char* const fraction = ++p;
        p = read_digits<kTerminated>(p, end, mantissa);
        exponent = fraction - p;
        count += p - fraction;
    }
    // No digit at all ("", ".", "-", "e5"), or more than 19: mantissa may have wrapped around.
    if (static_cast<std::uint64_t>(count - 1) > 18) return nullptr;
    if (more(p) && (*p | 0x20) == 'e') {
        ++p;
        bool negative_exponent = false;
        if (more(p) && (*p == '-' || *p == '+')) {
            negative_exponent = *p == '-';
            ++p;
        }
        if (!more(p) || !is_digit(*p)) return nullptr;  // "1e", "1e+": not a number here
        std::int64_t e = 0;
        while (more(p) && is_digit(*p)) {
            if (e < 100000) e = e * 10 + (*p - '0');
            ++p;
        }
        exponent += negative_exponent ? -e : e;
    }
    if (mantissa > (std::uint64_t{1} << 53) || static_cast<std::uint64_t>(exponent + 22) > 44) return nullptr;
    double value = static_cast<double>(static_cast<std::int64_t>(mantissa));  // exact: <= 2^53
    if (exponent < 0)
        value = value / kExactPowersOfTen[-exponent];
    else
        value = value * kExactPowersOfTen[exponent];
    out = negative ? -value : value;
    return p;
}
}  // namespace detail

// Clinger's fast path for the short decimals CSV exports are made of ("0.0123457", "-1.5e-3",
// "5", ".5", "5."): an optional sign, digits with at most one decimal point ('.', or ',' too with
// decimal_comma), an optional exponent. When the digits form an integer m <= 2^53 and the decimal
// exponent e has |e| <= 22, m and 10^|e| are exact doubles and m / 10^-e (or m * 10^e) is one
// correctly rounded IEEE operation (round to nearest, the default mode, which WebAssembly always
// uses): the exact answer, bit for bit what fast_float (which takes the same path for these) and
// strtod give.
//
// Reads the number that starts at `p` (never at or past `end`) and returns the first character
// after it, with the value in `out`; returns nullptr when the text is not such a number (more than
// 19 digits, a large exponent, nan, a stray sign ...): then the caller asks parse_double. The
// caller checks that the returned position ends the cell.
LABELSCOPE_ALWAYS_INLINE const char* parse_short_decimal(const char* p, const char* end, bool decimal_comma,
                                                         double& out) {
    return detail::parse_short_decimal<false>(p, end, decimal_comma, out);
}

// The same, for a buffer whose last character (end[-1]) is a line feed or another character that
// is no part of a number: the CSV fast path, where [p, end) ends with the chunk's last '\n'.
LABELSCOPE_ALWAYS_INLINE const char* parse_short_decimal_terminated(const char* p, const char* end, bool decimal_comma,
                                                                    double& out) {
    return detail::parse_short_decimal<true>(p, end, decimal_comma, out);
}

}  // namespace labelscope::io
