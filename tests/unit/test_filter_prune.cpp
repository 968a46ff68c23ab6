// docs/ALGORITHMS.md §10.2 (min_examples_per_class, frac_noise, truncation), §10.3 (num_to_remove_per_class),
// §10.6 (both), §10.7 (single-example classes). Supplied confident joints fix the prune matrix M = C^T.
#include <doctest/doctest.h>

#include <vector>

#include "filter_data.hpp"

using namespace labelscope;
using unit::by;
using unit::counts;
using unit::Data;
using unit::flagged;
using V = std::vector<std::int32_t>;

namespace {

FindIssuesOptions with_joint(FilterBy f, const CountMatrix& c, std::int64_t min_examples = 1, double frac = 1.0) {
    FindIssuesOptions o = by(f);
    o.confident_joint = &c;
    o.min_examples_per_class = min_examples;
    o.frac_noise = frac;
    return o;
}

}  // namespace

// six_of_class0, class 0 = examples 0..5:
//   margins P1-P0: 0:-0.85 1:0.5 2:0.3 3:0.1 4:-0.1 5:-0.2;  P2-P0: 0:-0.85 1:-0.1 2:-0.2 3:-0.3 4:0.5 5:0.3
//   P0 ascending (ties by index): 1 (0.2), 4 (0.2), 2 (0.3), 5 (0.3), 3 (0.4), 0 (0.9)
// Supplied C = [[1,3,2],[0,3,0],[0,0,3]] -> M column 0 = (M00, M10, M20) = (1, 3, 2).

TEST_CASE("prune methods with defaults use the supplied joint as is") {
    // PBNR class 0: top 3 of P1-P0 = {1,2,3}, top 2 of P2-P0 = {4,5}. PBC: m_0 = 6 - 1 = 5 -> {1..5}.
    Data d = unit::six_of_class0();
    const auto c = counts(3, {1, 3, 2, 0, 3, 0, 0, 0, 3});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_noise_rate, c)) == V{1, 2, 3, 4, 5});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_class, c)) == V{1, 2, 3, 4, 5});
    CHECK(flagged(d, with_joint(FilterBy::both, c)) == V{1, 2, 3, 4, 5});
}

TEST_CASE("min_examples_per_class: subtract delta/z from the column, clip at 0, truncate") {
    // n = 2: d_0 = 1 -> d' = 2, delta = 1; non-zero entries in column 0 = 3 -> z = 2.
    // (1, 3, 2) - 0.5 = (0.5, 2.5, 1.5); M00 = 2; truncation -> (2, 2, 1).
    // (rounding instead of truncation would give 1.5 -> 2 and flag 5 too)
    // PBNR: P1-P0 top 2 = {1, 2}; P2-P0 top 1 = {4}.  PBC: m_0 = 6 - 2 = 4 -> {1, 4, 2, 5}.
    Data d = unit::six_of_class0();
    const auto c = counts(3, {1, 3, 2, 0, 3, 0, 0, 0, 3});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_noise_rate, c, 2)) == V{1, 2, 4});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_class, c, 2)) == V{1, 2, 4, 5});
    CHECK(flagged(d, with_joint(FilterBy::both, c, 2)) == V{1, 2, 4});
}

TEST_CASE("min_examples_per_class: negative results become 0 before the diagonal is set") {
    // K = 2, C = [[1,3],[0,4]] -> M column 0 = (1, 3). n = 3: delta = 2, z = max(2-1, 1) = 1;
    // (1-2, 3-2) = (-1 -> 0, 1); M00 = 3. PBNR flags the 1 largest P1-P0 of class 0 -> example 3 (0.6);
    // PBC m_0 = 4 - 3 = 1 -> smallest P0 = example 3 (0.2). With the default n = 1: 3 each.
    Data d(2, {0, 0, 0, 0, 1, 1, 1, 1},
           {{0.9, 0.1}, {0.3, 0.7}, {0.4, 0.6}, {0.2, 0.8}, {0.1, 0.9}, {0.2, 0.8}, {0.3, 0.7}, {0.15, 0.85}});
    const auto c = counts(2, {1, 3, 0, 4});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_noise_rate, c, 1)) == V{1, 2, 3});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_class, c, 1)) == V{1, 2, 3});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_noise_rate, c, 3)) == V{3});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_class, c, 3)) == V{3});
    // n_k <= min_examples_per_class: the class is skipped (both classes have 4 examples).
    CHECK(flagged(d, with_joint(FilterBy::prune_by_noise_rate, c, 4)).empty());
    CHECK(flagged(d, with_joint(FilterBy::prune_by_class, c, 4)).empty());
}

TEST_CASE("frac_noise scales off-diagonal counts, keeps column totals, truncates") {
    // f = 0.5, column 0 = (1, 3, 2): off-diagonal (1.5, 1.0); M00 = 1 + 1.5 + 1 = 3.5;
    // truncation -> (3, 1, 1). PBNR: {1} and {4}. PBC: m_0 = 6 - 3 = 3 -> {1, 4, 2}.
    // both = PBC AND PBNR = {1, 4}. (Rounding would give M10 = 2 and M00 = 4 instead.)
    Data d = unit::six_of_class0();
    const auto c = counts(3, {1, 3, 2, 0, 3, 0, 0, 0, 3});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_noise_rate, c, 1, 0.5)) == V{1, 4});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_class, c, 1, 0.5)) == V{1, 2, 4});
    CHECK(flagged(d, with_joint(FilterBy::both, c, 1, 0.5)) == V{1, 4});
}

TEST_CASE("frac_noise is ignored by the non-prune methods") {
    Data d = unit::nine();
    for (FilterBy f : {FilterBy::confident_learning, FilterBy::predicted_neq_given, FilterBy::low_self_confidence,
                       FilterBy::low_normalized_margin}) {
        INFO(to_string(f));
        auto o = by(f);
        o.frac_noise = 0.5;
        CHECK(flagged(d, o) == flagged(d, by(f)));
    }
}

// twenty with C = [[6,0,0],[3,5,0],[2,0,4]], n = (6,8,6): M = C^T = [[6,3,2],[0,5,0],[0,0,4]].
// §10.3: R = row sums of M = (11, 5, 4); psi[j][k] = M[j][k] / R_k:
//   psi row 0 = (6/11, 3/5, 2/4); rows 1, 2 have no off-diagonal mass -> nu_1 = nu_2 = 0 (-> NaN -> 0).
//   nu_0 = 0.6 + 0.5 = 1.1; M[0][1] = 0.6 r_0 / 1.1, M[0][2] = 0.5 r_0 / 1.1, M[k][k] = n_k - r_k.
// Class 1 by P0 - P1 descending: 9 (0.5), 7 (0.3), 8 (0.1), ...; class 2 by P0 - P2: 17 (0.5), 15 (0.3), 19 (0)...

TEST_CASE("PBNR without num_to_remove_per_class on twenty") {
    // M[0][1] = 3 -> {9, 7, 8}; M[0][2] = 2 -> {17, 15}.
    Data d = unit::twenty();
    const auto c = counts(3, {6, 0, 0, 3, 5, 0, 2, 0, 4});
    CHECK(flagged(d, with_joint(FilterBy::prune_by_noise_rate, c)) == V{7, 8, 9, 15, 17});
}

TEST_CASE("num_to_remove_per_class with PBNR prunes from the other given classes (docs/ALGORITHMS.md §10.3)") {
    Data d = unit::twenty();
    const auto c = counts(3, {6, 0, 0, 3, 5, 0, 2, 0, 4});
    auto o = with_joint(FilterBy::prune_by_noise_rate, c);

    // r = (5,0,0): row 0 = (1, 2.727, 2.273) -> rint (1, 3, 2), sum 6 = target. Nothing labelled 0,
    // 3 labelled 1 and 2 labelled 2 (the example of docs/ALGORITHMS.md §10.3).
    o.num_to_remove_per_class = {5, 0, 0};
    CHECK(flagged(d, o) == V{7, 8, 9, 15, 17});
    // r = (4,0,0): row 0 = (2, 2.18, 1.82) -> (2, 2, 2): {9, 7} and {17, 15}.
    o.num_to_remove_per_class = {4, 0, 0};
    CHECK(flagged(d, o) == V{7, 9, 15, 17});
    // r = (2,0,0): row 0 = (4, 1.09, 0.91) -> (4, 1, 1): {9} and {17}.
    o.num_to_remove_per_class = {2, 0, 0};
    CHECK(flagged(d, o) == V{9, 17});
    // r = (0,0,0): nothing.
    o.num_to_remove_per_class = {0, 0, 0};
    CHECK(flagged(d, o).empty());
    // r = (0,2,0): nu_1 = 0 makes row 1 NaN -> "prune nothing"; column entries M[0][1] = 0 -> nothing.
    o.num_to_remove_per_class = {0, 2, 0};
    CHECK(flagged(d, o).empty());
}

TEST_CASE("num_to_remove_per_class with PBC removes exactly r_k per class before the reduce step") {
    // Without a supplied joint. six_of_class0 plus example 12 = label 0, (0.34, 0.33, 0.33).
    // M[k][k] = n_k - r_k -> m_k = r_k. r = (5,0,0): class 0 P0 ascending 1, 4, 2, 5, 12 (0.34), 3, 0;
    // the 5 lowest = {1, 2, 4, 5, 12}; the reduce step clears 12 (its label is its argmax).
    Data d = unit::six_of_class0();
    d.labels.push_back(0);
    d.probs.insert(d.probs.end(), {0.34, 0.33, 0.33});
    auto o = by(FilterBy::prune_by_class);
    o.num_to_remove_per_class = {5, 0, 0};
    CHECK(flagged(d, o) == V{1, 2, 4, 5});
    o.num_to_remove_per_class = {2, 0, 0};
    CHECK(flagged(d, o) == V{1, 4});
    // r_1 = 2: class 1 is three identical rows -> the two lowest indices, 6 and 7, kept by the reduce
    // step? No: (0.1, 0.8, 0.1) labelled 1 has its label as argmax, so they are cleared.
    o.num_to_remove_per_class = {0, 2, 0};
    CHECK(flagged(d, o).empty());

    // twenty with its supplied joint, r = (0, 2, 0): m_1 = 2 -> lowest P1 in class 1 = 9 (0.2), 7 (0.3).
    Data t = unit::twenty();
    const auto c = counts(3, {6, 0, 0, 3, 5, 0, 2, 0, 4});
    auto o2 = with_joint(FilterBy::prune_by_class, c);
    o2.num_to_remove_per_class = {0, 2, 0};
    CHECK(flagged(t, o2) == V{7, 9});
    // r = (5, 0, 0): five of the identical class-0 rows are picked, all cleared by the reduce step.
    o2.num_to_remove_per_class = {5, 0, 0};
    CHECK(flagged(t, o2).empty());
}

// docs/ALGORITHMS.md §10.7. Example 0 is the only example of class 0 and looks like class 2:
// t = (0.1, 0.8, 0.8); example 0 has S = {0, 2} -> argmax 2 -> C[0][2]; other rows are not
// confident in class 0 (P0 = 0.05). Raw C = [[1,0,1],[0,1,0],[0,0,1]], n = (1,2,2);
// calibrated row 0: A = (0.5, 0, 0.5) -> tie -> higher index -> (0,0,1). So M[2][0] = 1, M[0][0] = 0.
namespace {
Data singleton() {
    return Data(3, {0, 1, 1, 2, 2},
                {{0.1, 0.05, 0.85}, {0.05, 0.9, 0.05}, {0.05, 0.7, 0.25}, {0.05, 0.05, 0.9}, {0.05, 0.25, 0.7}});
}
}  // namespace

TEST_CASE("a class with a single example never gets a flag from the prune methods") {
    Data d = singleton();
    CHECK(compute_confident_joint(d.lv(), d.pv()).calibrated == counts(3, {0, 0, 1, 0, 2, 0, 0, 0, 2}));
    for (FilterBy f : {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both}) {
        INFO(to_string(f));
        for (std::int64_t min_examples : {0, 1}) {
            auto o = by(f);
            o.min_examples_per_class = min_examples;
            CHECK(flagged(d, o).empty());
        }
    }
    // confident_learning and predicted_neq_given still flag it.
    CHECK(flagged(d, by(FilterBy::confident_learning)) == V{0});
    CHECK(flagged(d, by(FilterBy::predicted_neq_given)) == V{0});
}

TEST_CASE("control: the same example is flagged when its class has two examples") {
    // Example 5 duplicates example 0: raw row 0 = (1, 0, 2), n_0 = 2, A0 = (2/3, 0, 4/3) -> (1, 0, 1).
    // M[2][0] = 1: PBNR picks the larger of two tied margins -> lower index 0; PBC m_0 = 1 -> 0.
    Data d = singleton();
    d.labels.push_back(0);
    d.probs.insert(d.probs.end(), {0.1, 0.05, 0.85});
    CHECK(compute_confident_joint(d.lv(), d.pv()).calibrated == counts(3, {1, 0, 1, 0, 2, 0, 0, 0, 2}));
    for (FilterBy f : {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both}) {
        INFO(to_string(f));
        auto o = by(f);
        o.min_examples_per_class = 0;
        CHECK(flagged(d, o) == V{0});
    }
}
