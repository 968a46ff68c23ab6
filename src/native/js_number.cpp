#include "native/js_number.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "native/utf8.hpp"

namespace labelscope::cli {

void append_js_number(std::string& out, double x) {
    if (std::isnan(x)) {
        out += "NaN";
        return;
    }
    if (x == 0) {
        out += '0';
        return;
    }
    if (std::isinf(x)) {
        out += x > 0 ? "Infinity" : "-Infinity";
        return;
    }
    if (x < 0) {
        out += '-';
        x = -x;
    }
    // Shortest round-trip digits d1.d2...dk e E (the digits JS picks too); JS's n is E + 1.
    char buf[40];
    const auto r = std::to_chars(buf, buf + sizeof buf - 1, x, std::chars_format::scientific);
    *r.ptr = '\0';
    const char* e = buf;
    while (e < r.ptr && *e != 'e') ++e;
    char digits[24];
    int k = 0;
    for (const char* p = buf; p < e; ++p)
        if (*p != '.') digits[k++] = *p;
    const int n = std::atoi(e + 1) + 1;
    if (k <= n && n <= 21) {
        out.append(digits, static_cast<std::size_t>(k));
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, static_cast<std::size_t>(n));
        out += '.';
        out.append(digits + n, static_cast<std::size_t>(k - n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out.append(digits, static_cast<std::size_t>(k));
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits + 1, static_cast<std::size_t>(k - 1));
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
}

std::string js_number(double x) {
    std::string s;
    append_js_number(s, x);
    return s;
}

bool js_is_space(char32_t c) {
    switch (c) {
        case 0x09:
        case 0x0A:
        case 0x0B:
        case 0x0C:
        case 0x0D:
        case 0x20:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
        case 0xFEFF: return true;
        default: return c >= 0x2000 && c <= 0x200A;
    }
}

std::string_view js_trim(std::string_view text) {
    std::size_t begin = 0, end = text.size();
    for (;;) {
        const Utf8Char c = utf8_at(text, begin);
        if (begin >= end || !js_is_space(c.code)) break;
        begin += c.length;
    }
    while (end > begin) {
        const std::size_t at = utf8_start_before(text, end);
        if (!js_is_space(utf8_at(text, at).code)) break;
        end = at;
    }
    return text.substr(begin, end - begin);
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// 0x.., 0o.., 0b..: an integer in that base, or NaN.
double radix_integer(std::string_view digits, int base) {
    if (digits.empty()) return std::numeric_limits<double>::quiet_NaN();
    double v = 0;
    for (const char c : digits) {
        int d = 99;
        if (is_digit(c))
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d >= base) return std::numeric_limits<double>::quiet_NaN();
        v = v * base + d;  // exact up to 2^53; JS rounds longer ones the same way for these bases
    }
    return v;
}

// StrDecimalLiteral: [+-] (Infinity | digits [. digits] | . digits) [e [+-] digits].
bool is_decimal_literal(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (s.substr(i) == "Infinity") return true;
    std::size_t int_digits = 0, frac_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    return i == s.size();
}

}  // namespace

double js_to_number(std::string_view text) {
    const std::string_view s = js_trim(text);
    if (s.empty()) return 0;
    if (s.size() > 2 && s[0] == '0') {
        const char p = s[1];
        if (p == 'x' || p == 'X') return radix_integer(s.substr(2), 16);
        if (p == 'o' || p == 'O') return radix_integer(s.substr(2), 8);
        if (p == 'b' || p == 'B') return radix_integer(s.substr(2), 2);
    }
    if (!is_decimal_literal(s)) return std::numeric_limits<double>::quiet_NaN();
    const std::string copy(s);
    if (copy.find("Infinity") != std::string::npos) {
        return copy[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    return std::strtod(copy.c_str(), nullptr);  // correctly rounded, as JS
}

}  // namespace labelscope::cli
