// Numbers as JavaScript writes and reads them, so the native CLI prints what the Node CLI prints:
// String(x) (shortest round-trip digits, JS's rules for when to use an exponent) and Number(text).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace labelscope::cli {

// Appends String(x): "NaN", "Infinity", "-Infinity", "0" for -0, 1e21 and 1e-7 in exponent form.
void append_js_number(std::string& out, double x);
std::string js_number(double x);

// Number(text) for a string: JS whitespace trimmed, decimal, Infinity, 0x/0o/0b; NaN if invalid.
double js_to_number(std::string_view text);

// Whether `c` is whitespace for JS (\s, String.prototype.trim).
bool js_is_space(char32_t c);

// The text with JS whitespace trimmed from both ends (UTF-8 in and out).
std::string_view js_trim(std::string_view text);

}  // namespace labelscope::cli
