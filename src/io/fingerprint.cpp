#include "io/fingerprint.hpp"

#include <cstring>

namespace labelscope::io {

namespace {

constexpr std::uint64_t K1 = 0x87C37B91114253D5ull;
constexpr std::uint64_t K2 = 0x4CF5AD432745937Full;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

std::uint64_t avalanche(std::uint64_t h) {  // murmur3's fmix64
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

std::uint64_t mixed(std::uint64_t lane, std::uint64_t word) { return rotl(lane ^ (word * K1), 31) * K2; }

std::uint64_t load_word(const std::uint8_t* data) {
    std::uint64_t word = 0;
    for (int b = 0; b < 8; ++b) word |= static_cast<std::uint64_t>(data[b]) << (8 * b);  // endian-free
    return word;
}

}  // namespace

// Two independent lanes, alternating per word, so the multiplies of consecutive words overlap.
void Fingerprint::mix_word(std::uint64_t word) {
    lanes_[lane_] = mixed(lanes_[lane_], word);
    lane_ ^= 1u;
}

void Fingerprint::update(const std::uint8_t* data, std::size_t size) {
    file_bytes_ += size;
    while (size > 0 && tail_size_ != 0) {  // finish a word started in the previous chunk
        tail_ |= static_cast<std::uint64_t>(*data++) << (8 * tail_size_);
        --size;
        if (++tail_size_ == 8) {
            mix_word(tail_);
            tail_ = 0;
            tail_size_ = 0;
        }
    }
    // Whole words, two at a time with both lanes in registers (the same mixing, word by word, as
    // mix_word: the lane for the next word, then the other one).
    std::uint64_t next = lanes_[lane_], other = lanes_[lane_ ^ 1u];
    for (; size >= 16; data += 16, size -= 16) {
        next = mixed(next, load_word(data));
        other = mixed(other, load_word(data + 8));
    }
    lanes_[lane_] = next;
    lanes_[lane_ ^ 1u] = other;
    if (size >= 8) {
        mix_word(load_word(data));
        data += 8;
        size -= 8;
    }
    for (; size > 0; --size) tail_ |= static_cast<std::uint64_t>(*data++) << (8 * tail_size_++);
}

void Fingerprint::end_file(std::uint32_t role) {
    if (tail_size_ != 0) mix_word(tail_ ^ (static_cast<std::uint64_t>(tail_size_) << 56));
    mix_word(file_bytes_ ^ (static_cast<std::uint64_t>(role) << 60));
    total_ += file_bytes_;
    file_bytes_ = 0;
    tail_ = 0;
    tail_size_ = 0;
}

std::string Fingerprint::hex() const {
    const std::uint64_t h = avalanche(lanes_[0] ^ rotl(lanes_[1], 17) ^ total_);
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 0; i < 16; ++i) out[15 - i] = digits[(h >> (4 * i)) & 0xF];
    return out;
}

}  // namespace labelscope::io
