// The fast paths of the prune methods and the ranking against plain reference code written
// from docs/ALGORITHMS.md §10.4–10.7 and §11: sort every class by (key, index) and take the front. The data is
// full of ties (probabilities on a coarse grid, duplicated rows), has classes with 0, 1 and 2
// members, and counts up to and beyond the class size. Some cases are built to defeat the
// sampled guesses and to need several passes, so those fallbacks are checked too.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "core/class_selections.hpp"
#include "core/keyed_sort.hpp"
#include "core/num_issues.hpp"
#include "core/numeric.hpp"
#include "core/prune.hpp"
#include "prop_data.hpp"

using namespace labelscope;
using unit::Data;

namespace {

// N x K probabilities on a grid of 1/levels (ties everywhere), ~1/4 of rows copied from an
// earlier row. Labels: class 0 absent, class 1 once, class 2 twice, the rest at random.
Data tied_data(std::uint32_t seed, std::size_t n, std::size_t k, std::uint32_t levels) {
    prop::Rng r(seed);
    Data d;
    d.k = k;
    for (std::size_t i = 0; i < n; ++i) {
        const auto random_class = static_cast<std::int32_t>(3 + r.below(static_cast<std::uint32_t>(k - 3)));
        std::int32_t label = i == 0 ? 1 : i <= 2 ? 2 : random_class;
        if (i > 2 && r.below(4) == 0) {  // a copy of an earlier row, often with its label
            const std::size_t j = r.below(static_cast<std::uint32_t>(i));
            for (std::size_t c = 0; c < k; ++c) d.probs.push_back(d.p(j, c));
            if (r.below(2) == 0 && d.labels[j] >= 3) label = d.labels[j];
            d.labels.push_back(label);
            continue;
        }
        for (std::size_t c = 0; c < k; ++c) d.probs.push_back(static_cast<double>(r.below(levels + 1)) / levels);
        d.labels.push_back(label);
    }
    return d;
}

double key_of(const Data& d, std::size_t i, std::size_t label, std::size_t other) {
    return other == label ? d.p(i, label) : -(d.p(i, other) - d.p(i, label));
}

// Reference: the class's examples stably sorted by key (NaN last), the first `keep` of them.
std::vector<std::int32_t> reference_pick(const Data& d, std::size_t label, std::size_t other, std::size_t keep) {
    std::vector<std::int32_t> members;
    for (std::size_t i = 0; i < d.n(); ++i)
        if (static_cast<std::size_t>(d.labels[i]) == label) members.push_back(static_cast<std::int32_t>(i));
    std::stable_sort(members.begin(), members.end(), [&](std::int32_t a, std::int32_t b) {
        const double ka = key_of(d, static_cast<std::size_t>(a), label, other);
        const double kb = key_of(d, static_cast<std::size_t>(b), label, other);
        if (std::isnan(ka) || std::isnan(kb)) return !std::isnan(ka) && std::isnan(kb);
        return ka < kb;
    });
    members.resize(std::min(keep, members.size()));
    std::sort(members.begin(), members.end());
    return members;
}

std::vector<std::int32_t> marked(const Mask& marks, std::uint8_t bit) {
    std::vector<std::int32_t> out;
    for (std::size_t i = 0; i < marks.size(); ++i)
        if (marks[i] & bit) out.push_back(static_cast<std::int32_t>(i));
    return out;
}

// Runs each selection alone (its own mark bit) and compares it with the reference.
void check_selections(const Data& d, const std::vector<ClassSelection>& selections) {
    const auto counts = label_counts(d.lv(), d.k);
    for (std::size_t start = 0; start < selections.size(); start += 8) {
        // Up to 8 selections at a time, one bit each, so they share passes as in real use.
        const std::size_t stop = std::min(start + 8, selections.size());
        std::vector<ClassSelection> group(selections.begin() + static_cast<std::ptrdiff_t>(start),
                                          selections.begin() + static_cast<std::ptrdiff_t>(stop));
        for (std::size_t g = 0; g < group.size(); ++g) group[g].mark = static_cast<std::uint8_t>(1u << g);
        Mask marks(d.n(), 0);
        select_in_classes(d.lv(), d.pv(), counts, group, marks);
        for (std::size_t g = 0; g < group.size(); ++g) {
            CAPTURE(group[g].label);
            CAPTURE(group[g].other);
            CAPTURE(group[g].keep);
            CHECK(marked(marks, group[g].mark) == reference_pick(d, group[g].label, group[g].other, group[g].keep));
        }
    }
}

// Every (label, other) pair of classes with >= 2 members, with keeps from 1 to n - 1.
std::vector<ClassSelection> all_selections(const Data& d, std::uint32_t seed) {
    prop::Rng r(seed);
    const auto counts = label_counts(d.lv(), d.k);
    std::vector<ClassSelection> out;
    for (std::size_t c = 0; c < d.k; ++c) {
        const auto n_c = static_cast<std::uint32_t>(counts[c]);
        if (n_c < 2) continue;
        for (std::size_t j = 0; j < d.k; ++j) {
            const std::uint32_t pick = r.below(4);
            const std::size_t keep = pick == 0 ? 1 : pick == 1 ? n_c - 1 : 1 + r.below(n_c - 1);
            out.push_back({c, j, keep, 0});
        }
    }
    return out;
}

// What prune_flags must return (docs/ALGORITHMS.md §10.4–10.7), from the reference selection.
Mask reference_prune(const Data& d, const RealMatrix& m, FilterBy method, std::int64_t min_examples) {
    const auto counts = label_counts(d.lv(), d.k);
    Mask by_class(d.n(), 0), by_noise(d.n(), 0);
    for (std::size_t c = 0; c < d.k; ++c) {
        const std::int64_t n_c = counts[c];
        if (!(n_c > min_examples && n_c > 1)) continue;
        const auto remove = static_cast<std::int64_t>(static_cast<double>(n_c) - m(c, c));
        if (remove >= 1)
            for (auto i : reference_pick(d, c, c, static_cast<std::size_t>(remove)))
                by_class[static_cast<std::size_t>(i)] = 1;
        for (std::size_t j = 0; j < d.k; ++j) {
            if (j == c || !(m(j, c) > 0)) continue;
            for (auto i : reference_pick(d, c, j, static_cast<std::size_t>(m(j, c))))
                by_noise[static_cast<std::size_t>(i)] = 1;
        }
    }
    Mask out(d.n(), 0);
    for (std::size_t i = 0; i < d.n(); ++i)
        out[i] = method == FilterBy::prune_by_class        ? by_class[i]
                 : method == FilterBy::prune_by_noise_rate ? by_noise[i]
                                                           : by_class[i] && by_noise[i];
    return out;
}

}  // namespace

TEST_CASE("class selections equal a full stable sort per class, on data full of ties") {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        const Data small = tied_data(seed, 300, 6, 4);  // few levels: huge tie groups
        check_selections(small, all_selections(small, seed + 10));
        const Data medium = tied_data(seed + 100, 5000, 7, 20);  // sampled guesses in play
        check_selections(medium, all_selections(medium, seed + 20));
    }
}

TEST_CASE("class selections: a sample that misleads the guess only costs a second pass") {
    // One class of 8192. The sampled runs (32 of every 256 examples) all have the largest
    // margin, so the guessed bound admits only them (1024), fewer than keep = 2000.
    Data d;
    d.k = 2;
    prop::Rng r(7);
    for (std::size_t i = 0; i < 8192; ++i) {
        const double other = i % 256 < 32 ? 0.9 : static_cast<double>(r.below(800)) / 1000.0;
        d.probs.push_back(1.0 - other);
        d.probs.push_back(other);
        d.labels.push_back(0);
    }
    check_selections(d, {{0, 1, 2000, 0}, {0, 1, 1024, 0}, {0, 1, 1025, 0}, {0, 0, 3000, 0}});
}

TEST_CASE("class selections too big for one pass are split over several") {
    // 70000 examples in 3 big classes: 18 selections of about half a class each need ~6 N
    // buffer pairs, against a budget of N.
    const Data d = tied_data(11, 70000, 6, 50);
    const auto counts = label_counts(d.lv(), d.k);
    std::vector<ClassSelection> selections;
    for (std::size_t c = 3; c < 6; ++c)
        for (std::size_t j = 0; j < 6; ++j)
            selections.push_back({c, j, static_cast<std::size_t>(counts[c] / 2 + static_cast<std::int64_t>(j)), 0});
    check_selections(d, selections);
}

TEST_CASE("prune_flags equals the reference for random count matrices, methods and minimums") {
    prop::Rng r(99);
    for (std::uint32_t seed : {21u, 22u, 23u, 24u}) {
        const Data d = tied_data(seed, 400, 6, 5);
        const auto counts = label_counts(d.lv(), d.k);
        for (int trial = 0; trial < 6; ++trial) {
            // Counts from 0 up to beyond the class size, diagonal included.
            RealMatrix m(d.k, d.k);
            for (std::size_t j = 0; j < d.k; ++j)
                for (std::size_t c = 0; c < d.k; ++c) {
                    const auto n_c = static_cast<std::uint32_t>(counts[c]);
                    const std::uint32_t pick = r.below(5);
                    m(j, c) = pick == 0 ? 0.0 : pick == 1 ? n_c + r.below(3) : r.below(n_c / 3 + 2);
                }
            for (FilterBy method : {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both})
                for (std::int64_t min_examples : {0, 1, 2, 60}) {
                    CAPTURE(seed);
                    CAPTURE(trial);
                    CAPTURE(to_string(method));
                    CAPTURE(min_examples);
                    CHECK(prune_flags(d.lv(), d.pv(), m, counts, method, min_examples) ==
                          reference_prune(d, m, method, min_examples));
                }
        }
    }
}

TEST_CASE("sort_by_score equals a stable sort by score: ties, -0.0, NaN, infinities, any input order") {
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    prop::Rng r(5);
    const double specials[] = {0.0, -0.0, nan, -nan, inf, -inf, 1e-300, -1e-300, 0.5, -0.5};
    std::vector<double> scores(3000);
    for (double& s : scores)
        s = r.below(4) == 0 ? specials[r.below(10)] : (static_cast<double>(r.below(64)) - 20.0) / 16.0;
    for (int variant = 0; variant < 3; ++variant) {
        IndexList indices;
        for (std::size_t i = 0; i < scores.size(); ++i)
            if (variant == 0 || r.below(3) == 0) indices.push_back(static_cast<std::int32_t>(i));
        if (variant == 2) std::reverse(indices.begin(), indices.end());  // not in index order
        IndexList expected = indices;
        std::sort(expected.begin(), expected.end());
        std::stable_sort(expected.begin(), expected.end(), [&](std::int32_t a, std::int32_t b) {
            const double sa = scores[static_cast<std::size_t>(a)], sb = scores[static_cast<std::size_t>(b)];
            if (std::isnan(sa) || std::isnan(sb)) return !std::isnan(sa) && std::isnan(sb);
            return sa < sb;
        });
        sort_by_score(indices, scores);
        CHECK(indices == expected);
    }
}

TEST_CASE("lowest_scores equals the front of a stable sort, on tied scores") {
    prop::Rng r(6);
    std::vector<double> scores(2000);
    for (double& s : scores) s = static_cast<double>(r.below(30)) / 30.0;
    IndexList order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        return scores[static_cast<std::size_t>(a)] < scores[static_cast<std::size_t>(b)];
    });
    for (std::size_t m : {std::size_t{0}, std::size_t{1}, std::size_t{67}, std::size_t{1000}, std::size_t{1999},
                          std::size_t{2000}, std::size_t{5000}}) {
        IndexList expected(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(std::min(m, order.size())));
        std::sort(expected.begin(), expected.end());
        CHECK(lowest_scores(scores, m) == expected);
    }
}

TEST_CASE("thresholds: each class's mean sums its values in index order, numpy-style") {
    // Class sizes around numpy's 8-value and 8192-value block edges, and an absent class.
    prop::Rng r(8);
    const std::size_t sizes[] = {0, 1, 7, 8, 9, 127, 128, 129, 8191, 8192, 8193, 20001};
    Data d;
    d.k = std::size(sizes);
    std::vector<std::size_t> left(std::begin(sizes), std::end(sizes));
    const std::size_t total = std::accumulate(left.begin(), left.end(), std::size_t{0});
    for (std::size_t remaining = total; remaining > 0; --remaining) {
        std::size_t c;
        do c = r.below(static_cast<std::uint32_t>(d.k));
        while (left[c] == 0);
        --left[c];
        d.labels.push_back(static_cast<std::int32_t>(c));
        // Thirds of 32-bit fractions use all 53 bits, so the order of a sum changes its rounding.
        for (std::size_t j = 0; j < d.k; ++j) d.probs.push_back(static_cast<double>(r.bits()) / 3.0 / 4294967296.0);
    }
    const std::vector<double> t = confident_thresholds(d.lv(), d.pv());
    for (std::size_t c = 0; c < d.k; ++c) {
        std::vector<double> values;
        for (std::size_t i = 0; i < d.n(); ++i)
            if (static_cast<std::size_t>(d.labels[i]) == c) values.push_back(d.p(i, c));
        const double expected = values.empty() ? T_MISSING : pairwise_sum(values) / static_cast<double>(values.size());
        CAPTURE(sizes[c]);
        CHECK(t[c] == std::max(expected, T_FLOOR));  // bit for bit
    }
}

TEST_CASE("reduce step and off-diagonal count visit rows out of order and still match a plain loop") {
    const Data d = tied_data(31, 3000, 5, 6);
    prop::Rng r(32);
    Mask flags(d.n());
    for (auto& f : flags) f = r.below(3) == 0;
    Mask expected = flags;
    for (std::size_t i = 0; i < d.n(); ++i)
        if (expected[i] && given_label_wins_with_bonus(d.pv().row(i), d.k, d.labels[i])) expected[i] = 0;
    apply_reduce_step(d.lv(), d.pv(), flags);
    CHECK(flags == expected);

    ConfidentJoint cj;
    std::int64_t count = 0;
    for (std::size_t i = 0; i < d.n(); ++i) {
        if (r.below(2) != 0) continue;
        cj.off_diagonal.push_back(static_cast<std::int32_t>(i));
        count += !given_label_wins_with_bonus(d.pv().row(i), d.k, d.labels[i]);
    }
    CHECK(count_off_diagonal_issues(d.lv(), d.pv(), cj) == count);
}
