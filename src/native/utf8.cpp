#include "native/utf8.hpp"

namespace labelscope::cli {

namespace {

// Bytes a sequence starting with `lead` has, and the allowed range of its second byte (WHATWG).
struct Lead {
    int length = 0;  // 0: not a lead byte
    unsigned char low = 0x80, high = 0xBF;
};

Lead lead_of(unsigned char b) {
    if (b < 0x80) return {1};
    if (b >= 0xC2 && b <= 0xDF) return {2};
    if (b == 0xE0) return {3, 0xA0, 0xBF};
    if (b == 0xED) return {3, 0x80, 0x9F};
    if (b >= 0xE1 && b <= 0xEF) return {3};
    if (b == 0xF0) return {4, 0x90, 0xBF};
    if (b == 0xF4) return {4, 0x80, 0x8F};
    if (b >= 0xF1 && b <= 0xF3) return {4};
    return {};
}

}  // namespace

Utf8Char utf8_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return {0, 0};
    const auto b = static_cast<unsigned char>(text[pos]);
    const Lead lead = lead_of(b);
    if (lead.length == 1) return {b, 1};
    if (lead.length == 0 || pos + lead.length > text.size()) return {0xFFFD, 1};
    char32_t code = b & (0xFF >> (lead.length + 1));
    for (int i = 1; i < lead.length; ++i) {
        const auto c = static_cast<unsigned char>(text[pos + i]);
        const unsigned char low = i == 1 ? lead.low : 0x80, high = i == 1 ? lead.high : 0xBF;
        if (c < low || c > high) return {0xFFFD, 1};
        code = (code << 6) | (c & 0x3F);
    }
    return {code, static_cast<std::size_t>(lead.length)};
}

std::size_t utf8_start_before(std::string_view text, std::size_t end) {
    for (std::size_t back = 1; back <= 4 && back <= end; ++back) {
        const std::size_t at = end - back;
        const Utf8Char c = utf8_at(text, at);
        if (at + c.length == end) return at;
    }
    return end - 1;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const Utf8Char c = utf8_at(text, i);
        if (c.code == 0xFFFD && c.length == 1) return false;
        i += c.length;
    }
    return true;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string utf8_with_replacements(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        const Lead lead = lead_of(b);
        if (lead.length == 1) {
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        if (lead.length == 0) {
            append_utf8(out, 0xFFFD);
            ++i;
            continue;
        }
        // A valid prefix of a sequence is one U+FFFD; the byte that breaks it is read again.
        std::size_t j = i + 1;
        bool ok = true;
        for (int n = 1; n < lead.length; ++n, ++j) {
            if (j >= bytes.size()) {
                ok = false;
                break;
            }
            const auto c = static_cast<unsigned char>(bytes[j]);
            const unsigned char low = n == 1 ? lead.low : 0x80, high = n == 1 ? lead.high : 0xBF;
            if (c < low || c > high) {
                ok = false;
                break;
            }
        }
        if (ok) {
            out.append(bytes.data() + i, static_cast<std::size_t>(lead.length));
        } else {
            append_utf8(out, 0xFFFD);
        }
        i = j;
    }
    return out;
}

}  // namespace labelscope::cli
