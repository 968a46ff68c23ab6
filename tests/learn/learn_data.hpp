// Synthetic data for the trainer's tests, generated with the portable SplitMix64 so that the
// native and the WebAssembly test runs see the same numbers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "learn/folds.hpp"
#include "learn/learn.hpp"

namespace learn_test {

// Uniform in [0, 1) from the top 53 bits.
inline double uniform(labelscope::learn::SplitMix64& rng) {
    return static_cast<double>(rng.next() >> 11) * (1.0 / 9007199254740992.0);
}

// Approximately normal (Irwin-Hall: sum of 12 uniforms - 6): portable, no std:: distributions.
inline double normalish(labelscope::learn::SplitMix64& rng) {
    double s = 0;
    for (int i = 0; i < 12; ++i) s += uniform(rng);
    return s - 6.0;
}

struct Blobs {
    std::vector<std::int32_t> labels;
    labelscope::learn::TableColumns table;
};

// n rows, k classes; numeric column j has class mean (class == j % k ? separation : 0), unit noise;
// a categorical column correlated with the class; a short text naming a class word 60% of the time.
inline Blobs make_blobs(std::size_t n, int k, int numeric, double separation, std::uint64_t seed, bool text) {
    labelscope::learn::SplitMix64 rng(seed);
    Blobs b;
    b.labels.resize(n);
    for (std::size_t i = 0; i < n; ++i) b.labels[i] = static_cast<std::int32_t>(i % static_cast<std::size_t>(k));
    for (int j = 0; j < numeric; ++j) {
        labelscope::learn::NumericColumn col{"x" + std::to_string(j), std::vector<double>(n)};
        for (std::size_t i = 0; i < n; ++i)
            col.values[i] = (b.labels[i] == j % k ? separation : 0.0) + normalish(rng) + 10.0 * j;
        b.table.numeric.push_back(std::move(col));
    }
    labelscope::learn::CategoricalColumn cat{"colour", std::vector<std::int32_t>(n), {"red", "green", "blue"}};
    for (std::size_t i = 0; i < n; ++i)
        cat.codes[i] = uniform(rng) < 0.5 ? b.labels[i] % 3 : static_cast<std::int32_t>(rng.below(3));
    b.table.categorical.push_back(std::move(cat));
    if (text) {
        static const char* words[] = {"apple", "banana", "cherry", "damson", "elder", "fig"};
        static const char* filler[] = {"the", "some", "fresh", "ripe", "market", "today", "sweet"};
        labelscope::learn::TextColumn col{"review", std::vector<std::string>(n)};
        for (std::size_t i = 0; i < n; ++i) {
            std::string t;
            for (int w = 0; w < 5; ++w) t += std::string(filler[rng.below(7)]) + " ";
            const auto word = uniform(rng) < 0.6 ? static_cast<std::size_t>(b.labels[i]) % 6 : rng.below(6);
            t += words[word];
            col.texts[i] = t;
        }
        b.table.text.push_back(std::move(col));
    }
    return b;
}

}  // namespace learn_test
