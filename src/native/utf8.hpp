// UTF-8 code points: decoding one at a time, and the WHATWG decoder (TextDecoder: invalid bytes
// become U+FFFD) that Node applies to command-line arguments and the core's longer strings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace labelscope::cli {

struct Utf8Char {
    char32_t code = 0;       // U+FFFD for an invalid byte
    std::size_t length = 0;  // bytes; 1 for an invalid byte, 0 past the end
};

// The code point at byte `pos` (a well-formed sequence, else U+FFFD of length 1).
Utf8Char utf8_at(std::string_view text, std::size_t pos);
// The start of the code point that ends at byte `end` (end > 0).
std::size_t utf8_start_before(std::string_view text, std::size_t end);
bool is_valid_utf8(std::string_view text);
void append_utf8(std::string& out, char32_t code);
// WHATWG "UTF-8 decode without BOM" with replacement, as UTF-8 (always valid).
std::string utf8_with_replacements(std::string_view bytes);

}  // namespace labelscope::cli
