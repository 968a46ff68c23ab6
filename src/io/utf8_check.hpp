// Incremental UTF-8 validation of text that arrives in chunks of any size: where the first byte
// that is not part of a well-formed UTF-8 character is (overlong forms, surrogates and code points
// past U+10FFFF are not well-formed). Windows-1252 text (café saved by a spreadsheet) fails here.
#pragma once

#include <cstddef>
#include <cstdint>

namespace labelscope::io {

class Utf8Check {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Index in [data, data + size) of the first byte of the first ill-formed sequence, or npos.
    // A sequence begun in an earlier chunk and broken here reports 0. After a failure the check
    // is spent (the reader stops).
    std::size_t scan(const char* data, std::size_t size);
    // Whether the text ends inside a character (call at the end of the file).
    bool incomplete() const { return need_ > 0; }
    // Bytes of the unfinished character the text ends in (its lead byte included; 0 if none).
    std::size_t partial_bytes() const { return need_ > 0 ? seen_ : 0; }
    // The byte that starts the ill-formed (or unfinished) sequence, for the message.
    std::uint8_t bad_byte() const { return need_ > 0 ? lead_ : bad_byte_; }

private:
    std::uint8_t need_ = 0;               // continuation bytes still expected
    std::uint8_t lo_ = 0x80, hi_ = 0xBF;  // range of the next continuation byte
    std::uint8_t lead_ = 0;               // lead byte of the current sequence
    std::uint8_t seen_ = 0;               // bytes of the current sequence so far
    std::uint8_t bad_byte_ = 0;
};

}  // namespace labelscope::io
