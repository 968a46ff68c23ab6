// Word unigrams and bigrams of a text hashed into 2^bits buckets (portable: FNV-1a on bytes).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace labelscope::learn {

// Tokens: runs of ASCII letters, digits, '_' or non-ASCII bytes (UTF-8 letters), lower-cased
// (ASCII), at least two bytes long. Returns (bucket, count) pairs sorted by bucket, counts summed.
std::vector<std::pair<std::uint32_t, std::uint32_t>> hash_ngrams(const std::string& text, int bits, bool bigrams);

}  // namespace labelscope::learn
