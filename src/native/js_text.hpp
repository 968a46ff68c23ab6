// Text as the Node CLI prints it. Strings reach Node from the WebAssembly core through Embind,
// which decodes UTF-8 its own way (Emscripten 3.1.6: TextDecoder for pieces over 16 bytes, a
// lenient loop for shorter ones); Node then writes UTF-8 (a lone surrogate as U+FFFD) or
// JSON.stringify escapes. Valid UTF-8 passes through unchanged; anything else is decoded the same
// way here, so even a Latin-1 class name prints the same bytes from both CLIs.
#pragma once

#include <string>
#include <string_view>

namespace labelscope::cli {

// The bytes Node writes for a string the core returned as `bytes`.
std::string node_text(std::string_view bytes);
// JSON.stringify of that string, appended to out.
void append_json_string(std::string& out, std::string_view bytes);
// The CLI's oneLine(): every run of whitespace holding a line break becomes one space, then
// whitespace is trimmed from both ends. `text` is valid UTF-8 (node_text's output).
std::string one_line(std::string_view text);

}  // namespace labelscope::cli
