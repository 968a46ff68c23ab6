#include "learn/text_hash.hpp"

#include <algorithm>

namespace labelscope::learn {

namespace {

constexpr std::uint64_t FNV_OFFSET = 14695981039346656037ULL;
constexpr std::uint64_t FNV_PRIME = 1099511628211ULL;

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

std::uint64_t fnv1a(std::uint64_t h, unsigned char c) { return (h ^ c) * FNV_PRIME; }

// The top bits of a final avalanche (splitmix64's) so that short tokens spread over all buckets.
std::uint32_t bucket_of(std::uint64_t h, int bits) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return static_cast<std::uint32_t>(h >> (64 - bits));
}

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> hash_ngrams(const std::string& text, int bits, bool bigrams) {
    std::vector<std::uint64_t> token_hashes;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::uint64_t h = FNV_OFFSET;
        const std::size_t start = i;
        for (; i < n && is_word_byte(static_cast<unsigned char>(text[i])); ++i) {
            unsigned char c = static_cast<unsigned char>(text[i]);
            if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
            h = fnv1a(h, c);
        }
        if (i - start >= 2) token_hashes.push_back(h);
    }
    std::vector<std::uint32_t> buckets;
    buckets.reserve(token_hashes.size() * 2);
    for (std::size_t t = 0; t < token_hashes.size(); ++t) {
        buckets.push_back(bucket_of(token_hashes[t], bits));
        if (bigrams && t + 1 < token_hashes.size()) {
            // A bigram hashes the two token hashes with a separator byte, distinct from any unigram.
            std::uint64_t h = fnv1a(token_hashes[t], ' ');
            for (int s = 0; s < 64; s += 8) h = fnv1a(h, static_cast<unsigned char>(token_hashes[t + 1] >> s));
            buckets.push_back(bucket_of(h, bits));
        }
    }
    std::sort(buckets.begin(), buckets.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (const std::uint32_t b : buckets) {
        if (!out.empty() && out.back().first == b)
            ++out.back().second;
        else
            out.emplace_back(b, 1);
    }
    return out;
}

}  // namespace labelscope::learn
