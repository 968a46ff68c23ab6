#include "utf8_check.hpp"

#include <cstring>

namespace labelscope::io {

std::size_t Utf8Check::scan(const char* data, std::size_t size) {
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    std::size_t i = 0;
    std::size_t lead_at = 0;  // where the current sequence began in this chunk (0 if earlier)
    while (i < size) {
        if (need_ == 0) {
            // ASCII, 32 then 8 bytes at a time: the whole of most CSV files.
            while (i + 32 <= size) {
                std::uint64_t w[4];
                std::memcpy(w, p + i, 32);
                if (((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) != 0) break;
                i += 32;
            }
            while (i + 8 <= size) {
                std::uint64_t word;
                std::memcpy(&word, p + i, 8);
                if ((word & 0x8080808080808080ull) != 0) break;
                i += 8;
            }
            if (i == size) break;
            const unsigned char c = p[i];
            if (c < 0x80) {
                ++i;
                continue;
            }
            lead_ = c;
            lead_at = i;
            seen_ = 1;
            lo_ = 0x80, hi_ = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need_ = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need_ = 2;
                if (c == 0xE0) lo_ = 0xA0;  // overlong
                if (c == 0xED) hi_ = 0x9F;  // surrogates
            } else if (c >= 0xF0 && c <= 0xF4) {
                need_ = 3;
                if (c == 0xF0) lo_ = 0x90;  // overlong
                if (c == 0xF4) hi_ = 0x8F;  // past U+10FFFF
            } else {                        // a stray continuation byte, C0/C1 (overlong) or F5..FF
                bad_byte_ = c;
                return i;
            }
            ++i;
            continue;
        }
        const unsigned char c = p[i];
        if (c < lo_ || c > hi_) {
            bad_byte_ = lead_;
            need_ = 0;
            return lead_at;
        }
        lo_ = 0x80, hi_ = 0xBF;
        --need_;
        ++seen_;
        ++i;
    }
    return npos;
}

}  // namespace labelscope::io
