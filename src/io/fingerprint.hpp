// A fast 64-bit fingerprint of the bytes read, independent of how they were chunked. The page keys a
// person's review decisions by it, so the same files (under any name) find their decisions again.
// Not cryptographic: it only has to tell apart files a person is likely to drop.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace labelscope::io {

class Fingerprint {
public:
    void update(const std::uint8_t* data, std::size_t size);
    // Ends the current file (its length and role are mixed in) so files are told apart.
    void end_file(std::uint32_t role);
    // 16 lowercase hex digits over every file ended so far.
    std::string hex() const;

private:
    void mix_word(std::uint64_t word);

    std::uint64_t lanes_[2] = {0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full};
    std::uint64_t total_ = 0;       // over all files
    std::uint64_t file_bytes_ = 0;  // in the current file
    std::uint64_t tail_ = 0;        // bytes not yet making a whole word
    unsigned tail_size_ = 0;
    unsigned lane_ = 0;
};

}  // namespace labelscope::io
