#include "number_parse.hpp"

#include <fast_float/fast_float.h>

#include <string>

namespace labelscope::io {

std::string_view trim(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    return t;
}

std::optional<double> parse_double(std::string_view text, bool decimal_comma) {
    const std::string_view t = trim(text);
    double value;
    // The exact short-decimal path when it reads the whole cell; anything else (and every
    // rejection, so the error rules live in one place) goes to the general parser.
    if (!t.empty() && parse_short_decimal(t.data(), t.data() + t.size(), decimal_comma, value) == t.data() + t.size())
        return value;
    return parse_double_general(t, decimal_comma);
}

std::optional<double> parse_double_general(std::string_view text, bool decimal_comma) {
    std::string_view t = trim(text);
    if (!t.empty() && t.front() == '+') {
        t.remove_prefix(1);
        if (!t.empty() && t.front() == '-') return std::nullopt;  // "+-1" is no number
    }
    if (t.empty()) return std::nullopt;
    std::string swapped;
    if (decimal_comma && t.find(',') != std::string_view::npos) {
        swapped.assign(t);
        for (char& c : swapped)
            if (c == ',') c = '.';
        t = swapped;
    }
    double value = 0;
    const auto result = fast_float::from_chars(t.data(), t.data() + t.size(), value);
    if (result.ec != std::errc() || result.ptr != t.data() + t.size()) return std::nullopt;
    return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    std::string_view t = trim(text);
    bool negative = false;
    if (!t.empty() && (t.front() == '+' || t.front() == '-')) {
        negative = t.front() == '-';
        t.remove_prefix(1);
    }
    if (t.empty() || t.size() > 18) return std::nullopt;
    std::int64_t value = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

}  // namespace labelscope::io
