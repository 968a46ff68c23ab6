#include "native/js_text.hpp"

#include <cstdio>
#include <vector>

#include "native/js_number.hpp"
#include "native/utf8.hpp"

namespace labelscope::cli {

namespace {

bool passes_unchanged(std::string_view bytes) {
    return bytes.find("\xEF\xBB\xBF") == std::string_view::npos && is_valid_utf8(bytes);
}

void push_code(std::u16string& out, char32_t c) {
    if (c < 0x10000) {
        out += static_cast<char16_t>(c);
    } else {
        const char32_t ch = c - 0x10000;
        // String.fromCharCode truncates to 16 bits, as the lenient loop's out-of-range codes are.
        out += static_cast<char16_t>((0xD800 | (ch >> 10)) & 0xFFFF);
        out += static_cast<char16_t>((0xDC00 | (ch & 0x3FF)) & 0xFFFF);
    }
}

// Emscripten's UTF8ArrayToString for one NUL-free piece.
void decode_piece(std::u16string& out, std::string_view piece) {
    if (piece.size() > 16) {  // TextDecoder('utf8'): drops a leading BOM, U+FFFD for invalid bytes
        if (piece.substr(0, 3) == "\xEF\xBB\xBF") piece.remove_prefix(3);
        const std::string valid = utf8_with_replacements(piece);
        for (std::size_t i = 0; i < valid.size();) {
            const Utf8Char c = utf8_at(valid, i);
            push_code(out, c.code);
            i += c.length;
        }
        return;
    }
    // The lenient loop: no checks; bytes past the end read as 0 here.
    std::size_t i = 0;
    const auto next = [&]() -> char32_t {
        const char32_t b = i < piece.size() ? static_cast<unsigned char>(piece[i]) : 0;
        ++i;
        return b;
    };
    while (i < piece.size()) {
        char32_t u0 = next();
        if (!(u0 & 0x80)) {
            out += static_cast<char16_t>(u0);
            continue;
        }
        const char32_t u1 = next() & 63;
        if ((u0 & 0xE0) == 0xC0) {
            out += static_cast<char16_t>(((u0 & 31) << 6) | u1);
            continue;
        }
        const char32_t u2 = next() & 63;
        if ((u0 & 0xF0) == 0xE0) {
            u0 = ((u0 & 15) << 12) | (u1 << 6) | u2;
        } else {
            u0 = ((u0 & 7) << 18) | (u1 << 12) | (u2 << 6) | (next() & 63);
        }
        push_code(out, u0);
    }
}

// Embind's std::string -> JS string: pieces between NUL bytes decoded apart, NULs kept.
std::u16string embind_decode(std::string_view bytes) {
    std::u16string out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nul = bytes.find('\0', start);
        decode_piece(out, bytes.substr(start, nul == std::string_view::npos ? std::string_view::npos : nul - start));
        if (nul == std::string_view::npos) return out;
        out += u'\0';
        start = nul + 1;
    }
}

bool high_surrogate(char16_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool low_surrogate(char16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// Walks the code units: pairs as code points, lone surrogates as themselves.
template <class F>
void each_code_point(const std::u16string& s, F&& f) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char16_t c = s[i];
        if (high_surrogate(c) && i + 1 < s.size() && low_surrogate(s[i + 1])) {
            f(0x10000 + ((static_cast<char32_t>(c) - 0xD800) << 10) + (s[i + 1] - 0xDC00), false);
            ++i;
        } else {
            f(static_cast<char32_t>(c), high_surrogate(c) || low_surrogate(c));
        }
    }
}

void append_json_code(std::string& out, char32_t c) {
    switch (c) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        default: break;
    }
    if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
        return;
    }
    append_utf8(out, c);
}

}  // namespace

std::string node_text(std::string_view bytes) {
    if (passes_unchanged(bytes)) return std::string(bytes);
    std::string out;
    each_code_point(embind_decode(bytes), [&](char32_t c, bool lone) { append_utf8(out, lone ? 0xFFFD : c); });
    return out;
}

void append_json_string(std::string& out, std::string_view bytes) {
    out += '"';
    if (passes_unchanged(bytes)) {
        std::size_t plain = 0;  // start of the run not yet copied
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            const auto c = static_cast<unsigned char>(bytes[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(bytes.data() + plain, i - plain);
            append_json_code(out, c);
            plain = i + 1;
        }
        out.append(bytes.data() + plain, bytes.size() - plain);
    } else {
        each_code_point(embind_decode(bytes), [&](char32_t c, bool lone) {
            if (!lone) return append_json_code(out, c);
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        });
    }
    out += '"';
}

std::string one_line(std::string_view text) {
    // Code points with their byte ranges.
    struct Cp {
        std::size_t at, length;
        bool space, newline;
    };
    std::vector<Cp> cps;
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char c = utf8_at(text, i);
        cps.push_back({i, c.length, js_is_space(c.code), c.code == '\n'});
        i += c.length;
    }
    std::string out;
    for (std::size_t i = 0; i < cps.size();) {
        if (!cps[i].space) {
            out.append(text.data() + cps[i].at, cps[i].length);
            ++i;
            continue;
        }
        std::size_t j = i;
        bool newline = false;
        while (j < cps.size() && cps[j].space) newline = newline || cps[j++].newline;
        if (newline) {
            out += ' ';
        } else {
            for (std::size_t k = i; k < j; ++k) out.append(text.data() + cps[k].at, cps[k].length);
        }
        i = j;
    }
    return std::string(js_trim(out));
}

}  // namespace labelscope::cli
