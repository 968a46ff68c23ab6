// A small seeded random generator whose every output is fixed by the seed on every platform:
// xoshiro256** (Blackman & Vigna) seeded through splitmix64. std:: distributions are not used
// because their algorithms differ between standard libraries (native vs WebAssembly's libc++).
#pragma once

#include <cstdint>

namespace labelscope {

// splitmix64: turns one 64-bit seed into a stream of well-mixed words (used to fill xoshiro's state).
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t state_;
};

class Xoshiro256 {
public:
    // Four words of `mixer` become the state (never all zero: splitmix64 outputs are distinct).
    explicit Xoshiro256(SplitMix64& mixer) {
        for (auto& word : s_) word = mixer.next();
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, n), n >= 1, without modulo bias: draws below 2^64 mod n are rejected.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

}  // namespace labelscope
