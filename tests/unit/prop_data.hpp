// Random datasets for the property tests. Portable: only raw mt19937 output is used (its sequence
// is fixed by the standard), no std distributions, no libm. Probabilities are multiples of 2^-30
// with rows summing to exactly 1, so every sum in the core is exact and permutation-independent.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "unit_helpers.hpp"

namespace prop {

struct Rng {
    std::mt19937 g;
    explicit Rng(std::uint32_t seed) : g(seed) {}
    std::uint32_t bits() { return static_cast<std::uint32_t>(g()); }
    // Integer in [0, n): multiply-shift, deterministic on every platform.
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>((static_cast<std::uint64_t>(bits()) * n) >> 32);
    }
};

constexpr std::uint64_t kOne = std::uint64_t{1} << 30;

// N examples, K columns; labels use only the first `used` classes (used < K leaves classes absent).
// About 10% of examples duplicate an earlier example exactly (ties everywhere), about 5% copy an
// earlier row with another label. Some probabilities are exactly 0 (at most one per row). Labels agree with the
// dominant class ~75% of the time.
inline unit::Data make(std::uint32_t seed, std::size_t n, std::size_t k, std::size_t used) {
    Rng r(seed);
    unit::Data d;
    d.k = k;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t roll = r.below(100);
        if (i > 0 && roll < 10) {  // exact duplicate
            std::size_t j = r.below(static_cast<std::uint32_t>(i));
            d.labels.push_back(d.labels[j]);
            for (std::size_t c = 0; c < k; ++c) d.probs.push_back(d.probs[j * k + c]);
            continue;
        }
        if (i > 0 && roll < 15) {  // same row, another label (one with a non-zero probability)
            std::size_t j = r.below(static_cast<std::uint32_t>(i));
            std::int32_t lab = d.labels[j];
            const std::uint32_t start = r.below(static_cast<std::uint32_t>(used));
            for (std::uint32_t t = 0; t < used; ++t) {
                const auto c = static_cast<std::int32_t>((start + t) % used);
                if (c != d.labels[j] && d.probs[j * k + static_cast<std::size_t>(c)] > 0) {
                    lab = c;
                    break;
                }
            }
            d.labels.push_back(lab);
            for (std::size_t c = 0; c < k; ++c) d.probs.push_back(d.probs[j * k + c]);
            continue;
        }
        const std::size_t truth = r.below(static_cast<std::uint32_t>(used));
        std::int32_t lab = static_cast<std::int32_t>(truth);
        if (r.below(100) >= 75) lab = static_cast<std::int32_t>(r.below(static_cast<std::uint32_t>(used)));
        std::vector<std::uint64_t> w(k);
        std::uint64_t total = 0;
        bool zeroed = false;  // at most one exact zero per row (no one-hot rows)
        for (std::size_t c = 0; c < k; ++c) {
            // Large random weights: ratios with large denominators rarely coincide.
            w[c] = 1 + r.below(1u << 20);
            if (c == truth) w[c] += r.below(9u << 20);
            // Some exact zeros, never in the truth or label column.
            if (!zeroed && c != truth && static_cast<std::int32_t>(c) != lab && r.below(10) == 0) {
                w[c] = 0;
                zeroed = true;
            }
            total += w[c];
        }
        std::uint64_t sum = 0;
        for (std::size_t c = 0; c < k; ++c) {
            w[c] = w[c] * kOne / total;
            sum += w[c];
        }
        w[truth] += kOne - sum;
        for (std::size_t c = 0; c < k; ++c) d.probs.push_back(static_cast<double>(w[c]) / static_cast<double>(kOne));
        d.labels.push_back(lab);
    }
    return d;
}

// Random permutation: perm[new] = old.
inline std::vector<std::size_t> permutation(std::uint32_t seed, std::size_t n) {
    Rng r(seed);
    std::vector<std::size_t> p(n);
    for (std::size_t i = 0; i < n; ++i) p[i] = i;
    for (std::size_t i = n; i > 1; --i) std::swap(p[i - 1], p[r.below(static_cast<std::uint32_t>(i))]);
    return p;
}

inline unit::Data permute(const unit::Data& d, const std::vector<std::size_t>& perm) {
    unit::Data out;
    out.k = d.k;
    for (std::size_t i = 0; i < perm.size(); ++i) {
        out.labels.push_back(d.labels[perm[i]]);
        for (std::size_t c = 0; c < d.k; ++c) out.probs.push_back(d.p(perm[i], c));
    }
    return out;
}

// Content group of every example: identical (label, row) share a group id.
inline std::vector<int> groups(const unit::Data& d) {
    std::map<std::vector<double>, int> ids;
    std::vector<int> g(d.n());
    for (std::size_t i = 0; i < d.n(); ++i) {
        std::vector<double> key(d.probs.begin() + i * d.k, d.probs.begin() + (i + 1) * d.k);
        key.push_back(d.labels[i]);
        auto it = ids.emplace(key, static_cast<int>(ids.size())).first;
        g[i] = it->second;
    }
    return g;
}

// True if two examples from different groups share a key (then index order could decide a cut-off).
inline bool has_cross_group_tie(const std::vector<double>& key, const std::vector<int>& g,
                                const std::vector<std::size_t>& members) {
    std::map<double, int> seen;
    for (std::size_t i : members) {
        auto [it, inserted] = seen.emplace(key[i], g[i]);
        if (!inserted && it->second != g[i]) return true;
    }
    return false;
}

// ---- tie screening -------------------------------------------------------------------------

using labelscope::FilterBy;
using labelscope::ScoreMethod;
using labelscope::ScoreOptions;

// Every score the filters and rankings sort by (CWE has no adjusted variant).
inline const std::vector<ScoreOptions> kScoreOptions = {
    ScoreOptions{ScoreMethod::self_confidence, false}, ScoreOptions{ScoreMethod::normalized_margin, false},
    ScoreOptions{ScoreMethod::confidence_weighted_entropy, false}, ScoreOptions{ScoreMethod::self_confidence, true},
    ScoreOptions{ScoreMethod::normalized_margin, true}};

inline const std::vector<FilterBy> kAllFilters = {
    FilterBy::prune_by_noise_rate, FilterBy::prune_by_class,      FilterBy::both,
    FilterBy::confident_learning,  FilterBy::predicted_neq_given, FilterBy::low_normalized_margin,
    FilterBy::low_self_confidence};

// Only duplicates tie on the keys used for sorting (PBC, PBNR, low_*, ranking).
inline bool ties_only_within_groups(const unit::Data& d) {
    const auto g = groups(d);
    for (std::size_t k = 0; k < d.k; ++k) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < d.n(); ++i)
            if (d.labels[i] == static_cast<std::int32_t>(k)) members.push_back(i);
        std::vector<double> key(d.n());
        for (std::size_t i : members) key[i] = d.p(i, k);
        if (has_cross_group_tie(key, g, members)) return false;
        for (std::size_t j = 0; j < d.k; ++j) {
            if (j == k) continue;
            for (std::size_t i : members) key[i] = d.p(i, j) - d.p(i, k);
            if (has_cross_group_tie(key, g, members)) return false;
        }
    }
    std::vector<std::size_t> all(d.n());
    for (std::size_t i = 0; i < d.n(); ++i) all[i] = i;
    for (const auto& so : kScoreOptions)
        if (has_cross_group_tie(labelscope::get_label_quality_scores(d.lv(), d.pv(), so), g, all)) return false;
    return true;
}

struct Case {
    unit::Data data;
    std::uint32_t seed;
};

// First seed from `seed` whose data has no accidental ties (with 2^-30 steps this is nearly always
// the first one; the loop is deterministic because the generator is).
inline Case tie_free(std::uint32_t seed, std::size_t n, std::size_t k, std::size_t used) {
    for (int attempt = 0; attempt < 20; ++attempt, ++seed) {
        unit::Data d = make(seed, n, k, used);
        if (ties_only_within_groups(d)) return {d, seed};
    }
    FAIL("no tie-free dataset found");
    return {};
}

}  // namespace prop
