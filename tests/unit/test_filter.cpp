// docs/ALGORITHMS.md §10.1, §10.4-10.6, §10.8-10.10: the seven filter_by methods, the reduce step, low_* cut-offs
// and ranked output, on hand-checked data (prune-matrix details: test_filter_prune.cpp).
#include <doctest/doctest.h>

#include <vector>

#include "filter_data.hpp"

using namespace labelscope;
using unit::by;
using unit::Data;
using unit::flagged;
using unit::indices;
using V = std::vector<std::int32_t>;

TEST_CASE("every method on the nine-example dataset") {
    // Calibrated C = [[2,1,0],[0,3,0],[1,0,2]] -> M = C^T; column 0 has M[1][0] = 1, column 2 M[0][2] = 1.
    // PBNR: class 0, largest P1 - P0 is example 2 (0.5); class 2, largest P0 - P2 is example 8 (0.4).
    // PBC: m_0 = 3 - 2 = 1 -> smallest P0 in class 0 = example 2; m_2 = 1 -> example 8.
    // predicted_neq_given: argmax differs at 2, 5 (0.45 > 0.4), 8; none cleared by the reduce step.
    // low_*: m = num_label_issues = 2; self-confidence lowest = 2 and 8 (0.2 each);
    //   normalized margin lowest = 2 (0.25) and 8 (0.3).
    Data d = unit::nine();
    CHECK(indices(find_label_issues(d.lv(), d.pv())) == V{2, 8});  // default = prune_by_noise_rate
    CHECK(flagged(d, by(FilterBy::prune_by_noise_rate)) == V{2, 8});
    CHECK(flagged(d, by(FilterBy::prune_by_class)) == V{2, 8});
    CHECK(flagged(d, by(FilterBy::both)) == V{2, 8});
    CHECK(flagged(d, by(FilterBy::confident_learning)) == V{2, 8});
    CHECK(flagged(d, by(FilterBy::predicted_neq_given)) == V{2, 5, 8});
    CHECK(flagged(d, by(FilterBy::low_self_confidence)) == V{2, 8});
    CHECK(flagged(d, by(FilterBy::low_normalized_margin)) == V{2, 8});
}

TEST_CASE("the reduce step clears (0.5, 0.5) rows in K = 2 for every method it applies to") {
    // Off-diagonal {2} is cleared, so num_label_issues = 0 and the low_* methods flag nothing.
    // PBNR/PBC both pick example 2 in class 0 (M[1][0] = 1, m_0 = 3 - 2 = 1) and then clear it.
    // predicted_neq_given: argmax 0 at 4, 5 and 6 (first index of the (0.5,0.5) tie); 6 is cleared.
    Data d = unit::binary_half();
    for (FilterBy f : {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both,
                       FilterBy::confident_learning, FilterBy::low_self_confidence, FilterBy::low_normalized_margin}) {
        INFO(to_string(f));
        CHECK(flagged(d, by(f)).empty());
    }
    CHECK(flagged(d, by(FilterBy::predicted_neq_given)) == V{4, 5});
}

TEST_CASE("low_* methods: a tie at the cut-off is won by the lower example index") {
    // t = (0.7, 0.5333, 0.5667). Only example 2 (label 1, (0.7,0.2,0.1)) is off-diagonal -> m = 1.
    // Self-confidence ties at 0.2 between example 2 and example 5 (label 2, (0.4,0.4,0.2), not confident).
    Data d(3, {0, 0, 1, 1, 1, 2, 2, 2},
           {{0.8, 0.1, 0.1},
            {0.6, 0.2, 0.2},
            {0.7, 0.2, 0.1},
            {0.1, 0.8, 0.1},
            {0.1, 0.6, 0.3},
            {0.4, 0.4, 0.2},
            {0.1, 0.1, 0.8},
            {0.1, 0.2, 0.7}});
    CHECK(num_label_issues(d.lv(), d.pv()) == 1);
    CHECK(flagged(d, by(FilterBy::low_self_confidence)) == V{2});
    // margins: example 2 -> (0.2-0.7+1)/2 = 0.25, example 5 -> (0.2-0.4+1)/2 = 0.4.
    CHECK(flagged(d, by(FilterBy::low_normalized_margin)) == V{2});

    SUBCASE("same data with examples 2 and 5 swapped: the tie still goes to index 2") {
        std::swap(d.labels[2], d.labels[5]);
        for (std::size_t j = 0; j < 3; ++j) std::swap(d.probs[2 * 3 + j], d.probs[5 * 3 + j]);
        CHECK(compute_confident_joint(d.lv(), d.pv()).off_diagonal == IndexList{5});
        CHECK(flagged(d, by(FilterBy::low_self_confidence)) == V{2});
        CHECK(flagged(d, by(FilterBy::low_normalized_margin)) == V{5});
        CHECK(flagged(d, by(FilterBy::confident_learning)) == V{5});
    }
}

TEST_CASE("low_* methods are not reduced") {
    // t0 = (0.34+0.6+0.6)/3 = 0.5133, t1 = (0.45+0.8+0.9)/3 = 0.7167, t2 = (0.8+0.9)/2 = 0.85.
    // Only example 3 (label 1, (0.55, 0.45, 0)) is off-diagonal (0.55 >= t0) and survives -> m = 1.
    // Lowest self-confidence is example 0 (0.34) although its label is its argmax: the reduce
    // step would clear it, but low_* methods do not apply it.
    // Normalized margins: example 0 -> (0.34-0.33+1)/2 = 0.505, example 3 -> (0.45-0.55+1)/2 = 0.45.
    Data d(3, {0, 0, 0, 1, 1, 1, 2, 2},
           {{0.34, 0.33, 0.33},
            {0.6, 0.2, 0.2},
            {0.6, 0.2, 0.2},
            {0.55, 0.45, 0.0},
            {0.1, 0.8, 0.1},
            {0.1, 0.9, 0.0},
            {0.1, 0.1, 0.8},
            {0.05, 0.05, 0.9}});
    CHECK(compute_confident_joint(d.lv(), d.pv()).off_diagonal == IndexList{3});
    CHECK(num_label_issues(d.lv(), d.pv()) == 1);
    CHECK(flagged(d, by(FilterBy::low_self_confidence)) == V{0});
    CHECK(flagged(d, by(FilterBy::low_normalized_margin)) == V{3});
}

TEST_CASE("confident_learning ignores a supplied confident joint") {
    Data d = unit::nine();
    const auto bogus = unit::counts(3, {0, 3, 0, 3, 0, 0, 0, 0, 3});
    auto o = by(FilterBy::confident_learning);
    o.confident_joint = &bogus;
    CHECK(flagged(d, o) == V{2, 8});
}

TEST_CASE("ranked output: flagged examples sorted by ascending score, ties by index") {
    // nine, predicted_neq_given flags {2, 5, 8}; self-confidence 0.2, 0.4, 0.2 -> [2, 8, 5].
    Data d = unit::nine();
    ScoreOptions sc;
    auto r = find_label_issues_ranked(d.lv(), d.pv(), by(FilterBy::predicted_neq_given), sc);
    CHECK(r == IndexList{2, 8, 5});
    // normalized margin: 2 -> 0.25, 5 -> 0.475, 8 -> 0.3 -> [2, 8, 5].
    sc.method = ScoreMethod::normalized_margin;
    CHECK(find_label_issues_ranked(d.lv(), d.pv(), by(FilterBy::predicted_neq_given), sc) == IndexList{2, 8, 5});

    // Any ranking method (docs/ALGORITHMS.md §10.10): the mask's indices sorted by the scores of ALL examples.
    Data t = unit::twenty();
    for (ScoreMethod m :
         {ScoreMethod::self_confidence, ScoreMethod::normalized_margin, ScoreMethod::confidence_weighted_entropy}) {
        INFO(to_string(m));
        ScoreOptions so;
        so.method = m;
        auto ranked = find_label_issues_ranked(t.lv(), t.pv(), by(FilterBy::predicted_neq_given), so);
        auto mask = find_label_issues(t.lv(), t.pv(), by(FilterBy::predicted_neq_given));
        auto scores = get_label_quality_scores(t.lv(), t.pv(), so);
        IndexList expected = mask_to_indices(mask);
        sort_by_score(expected, scores);
        CHECK(ranked == expected);
    }
}

TEST_CASE("ranked output of the twenty-example dataset, by hand") {
    // predicted_neq_given on twenty: argmax is class 0 at 7 (0.6), 8 (0.5), 9 (0.7), 15 (0.6), 17 (0.7),
    // and 19 (0.45, 0.1, 0.45): argmax = 0 (first of the tie) != 2, but the reduce step clears it.
    // Self-confidence: 7 -> 0.3, 8 -> 0.4, 9 -> 0.2, 15 -> 0.3, 17 -> 0.2 -> [9, 17, 7, 15, 8].
    Data t = unit::twenty();
    CHECK(flagged(t, by(FilterBy::predicted_neq_given)) == V{7, 8, 9, 15, 17});
    auto r = find_label_issues_ranked(t.lv(), t.pv(), by(FilterBy::predicted_neq_given), ScoreOptions{});
    CHECK(r == IndexList{9, 17, 7, 15, 8});
}

TEST_CASE("find_label_issues_from on precomputed steps equals find_label_issues") {
    for (const Data& d : {unit::nine(), unit::binary_half(), unit::twenty(), unit::six_of_class0()}) {
        auto cj = compute_confident_joint(d.lv(), d.pv());
        auto n = label_counts(d.lv(), d.k);
        for (FilterBy f :
             {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both, FilterBy::confident_learning,
              FilterBy::predicted_neq_given, FilterBy::low_normalized_margin, FilterBy::low_self_confidence}) {
            INFO(to_string(f));
            CHECK(find_label_issues_from(d.lv(), d.pv(), by(f), n, cj) == find_label_issues(d.lv(), d.pv(), by(f)));
        }
    }
}

TEST_CASE("mask_to_indices lists set positions in index order") {
    CHECK(mask_to_indices(Mask{0, 1, 1, 0, 1}) == IndexList{1, 2, 4});
    CHECK(mask_to_indices(Mask{}).empty());
}
