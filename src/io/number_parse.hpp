// Correctly rounded number parsing for CSV cells (fast_float: Eisel-Lemire with exact fallback).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace labelscope::io {

// Trims blanks; accepts a leading '+', "nan", "inf"/"infinity" (the core rejects them later with a
// precise message). With decimal_comma, "0,25" reads as 0.25 (semicolon-separated exports).
// Returns nullopt if the cell is not exactly one number.
std::optional<double> parse_double(std::string_view text, bool decimal_comma = false);

// An integer class index written as digits (optionally "+"/"-", surrounding blanks).
// "2.0" and "2.5" are not integers here: the caller reports them.
std::optional<std::int64_t> parse_integer(std::string_view text);

std::string_view trim(std::string_view text);

}  // namespace labelscope::io
