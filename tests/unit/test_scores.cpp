// docs/ALGORITHMS.md §9 (self_confidence, normalized_margin, CWE, adjust_pred_probs) and §11 (stable ordering).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "unit_helpers.hpp"

using namespace labelscope;
using doctest::Approx;
using unit::Data;

namespace {

Data nine() {
    return Data(3, {0, 0, 0, 1, 1, 1, 2, 2, 2},
                {{0.9, 0.05, 0.05},
                 {0.7, 0.2, 0.1},
                 {0.2, 0.7, 0.1},
                 {0.1, 0.8, 0.1},
                 {0.2, 0.6, 0.2},
                 {0.45, 0.4, 0.15},
                 {0.1, 0.1, 0.8},
                 {0.2, 0.2, 0.6},
                 {0.6, 0.2, 0.2}});
}

// Dyadic values so thresholds and adjusted rows are exact: t = ((0.875+0.625)/2, (0.75+0.25)/2) = (0.75, 0.5).
Data dyadic() { return Data(2, {0, 0, 1, 1}, {{0.875, 0.125}, {0.625, 0.375}, {0.25, 0.75}, {0.75, 0.25}}); }

ScoreOptions opts(ScoreMethod m, bool adjust = false) {
    ScoreOptions o;
    o.method = m;
    o.adjust_pred_probs = adjust;
    return o;
}

// Hand formula of docs/ALGORITHMS.md §9.3 for one row (used only for rows whose value is also estimated by hand).
double cwe(std::vector<double> p, std::size_t y) {
    double h = 0;
    for (double v : p)
        if (v > 0) h -= v * std::log(v);
    h /= std::log(static_cast<double>(p.size()));
    double x = h / std::max(p[y], 1e-6);
    return std::log(x + 1) / std::max(x, 1e-6);
}

}  // namespace

TEST_CASE("self_confidence is P[i][label]") {
    Data d = nine();
    auto s = get_label_quality_scores(d.lv(), d.pv());
    CHECK(s == std::vector<double>{0.9, 0.7, 0.2, 0.8, 0.6, 0.4, 0.8, 0.6, 0.2});
}

TEST_CASE("normalized_margin is (p[y] - max other + 1) / 2, in that order") {
    Data d = nine();
    auto s = get_label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::normalized_margin));
    // e.g. example 5: label 1, (0.45, 0.4, 0.15) -> (0.4 - 0.45 + 1) / 2 = 0.475.
    std::vector<double> expected = {(0.9 - 0.05 + 1) / 2, (0.7 - 0.2 + 1) / 2, (0.2 - 0.7 + 1) / 2,
                                    (0.8 - 0.1 + 1) / 2,  (0.6 - 0.2 + 1) / 2, (0.4 - 0.45 + 1) / 2,
                                    (0.8 - 0.1 + 1) / 2,  (0.6 - 0.2 + 1) / 2, (0.2 - 0.6 + 1) / 2};
    CHECK(s == expected);
    CHECK(s[5] == Approx(0.475));
    CHECK(s[8] == Approx(0.3));
}

TEST_CASE("CWE: a one-hot correct row scores 0, (0.98, 0.01, 0.01) about 0.95 (docs/ALGORITHMS.md §9.3 surprise)") {
    // Row 1: H = -(0.98 ln 0.98 + 2 * 0.01 ln 0.01) / ln 3 = (0.019799 + 0.092103) / 1.098612 = 0.101858;
    // x = H / 0.98 = 0.103936; score = ln(1.103936) / 0.103936 = 0.098882 / 0.103936 = 0.9514.
    // Row 0: H = 0 -> x = 0 -> ln(1) / max(0, 1e-6) = 0.
    Data d(3, {0, 0, 1}, {{1.0, 0.0, 0.0}, {0.98, 0.01, 0.01}, {0.2, 0.5, 0.3}});
    auto s = get_label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::confidence_weighted_entropy));
    REQUIRE(s.size() == 3);
    CHECK(s[0] == 0.0);
    CHECK(s[1] == Approx(0.9514).epsilon(2e-4));
    CHECK(s[1] == Approx(cwe({0.98, 0.01, 0.01}, 0)).epsilon(1e-12));
    CHECK(s[2] == Approx(cwe({0.2, 0.5, 0.3}, 1)).epsilon(1e-12));
}

TEST_CASE("CWE with adjust_pred_probs is an invalid option") {
    Data d = nine();
    try {
        get_label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::confidence_weighted_entropy, true));
        FAIL("expected LabelScopeError");
    } catch (const LabelScopeError& e) {
        CHECK(e.code() == ErrorCode::invalid_option);
        CHECK(unit::mentions(e.what(), "adjust"));
    }
}

TEST_CASE("CWE clamps values slightly outside [0, 1] that validation tolerates") {
    // A deliberate difference from cleanlab (which raises here, docs/ALGORITHMS.md §9.3): real exports reach
    // 1.0000005 from float rounding and a browser user cannot fix that, so validation accepts it
    // with a warning and the entropy treats it as 1.0 (entropy is undefined above 1).
    Data d(2, {0, 1}, {{1.0000005, 0.0}, {0.3, 0.7}});
    Data clamped(2, {0, 1}, {{1.0, 0.0}, {0.3, 0.7}});
    const auto s = get_label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::confidence_weighted_entropy));
    const auto c = get_label_quality_scores(clamped.lv(), clamped.pv(), opts(ScoreMethod::confidence_weighted_entropy));
    CHECK(s[0] == c[0]);  // entropy of the clamped row; the 1e-6 guard uses p[y] as given
    CHECK(s[1] == c[1]);
    // The other methods use the value as given.
    auto sc = get_label_quality_scores(d.lv(), d.pv());
    CHECK(sc[0] == 1.0000005);
}

TEST_CASE("adjust_pred_probs: subtract t_k, add max t, divide by the row sum") {
    // t = (0.75, 0.5), max t = 0.75 -> shifted row = (P0, P1 + 0.25), row sums 1.25.
    //  0: (0.875, 0.375)/1.25 = (0.7, 0.3)    1: (0.625, 0.625)/1.25 = (0.5, 0.5)
    //  2: (0.25, 1.0)/1.25 = (0.2, 0.8)       3: (0.75, 0.5)/1.25 = (0.6, 0.4)
    Data d = dyadic();
    auto sc = get_label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::self_confidence, true));
    CHECK(sc == std::vector<double>{0.7, 0.5, 0.8, 0.4});
    auto nm = get_label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::normalized_margin, true));
    CHECK(nm ==
          std::vector<double>{(0.7 - 0.3 + 1) / 2, (0.5 - 0.5 + 1) / 2, (0.8 - 0.2 + 1) / 2, (0.4 - 0.6 + 1) / 2});
    // The no-validation entry with explicit thresholds gives the same.
    auto t = confident_thresholds(d.lv(), d.pv());
    CHECK(t == std::vector<double>{0.75, 0.5});
    CHECK(label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::self_confidence, true), t) == sc);
    // Without adjustment: plain P[i][y].
    CHECK(get_label_quality_scores(d.lv(), d.pv()) == std::vector<double>{0.875, 0.625, 0.75, 0.25});
}

TEST_CASE("adjust_pred_probs with an absent class: its threshold 2 dominates the shift") {
    // K = 3, class 2 never given: t = (0.75, 0.5, 2), max t = 2. Shifted rows sum to 3.75:
    //  0: (0.875-0.75+2, 0.125-0.5+2, 0) = (2.125, 1.625, 0) -> 2.125/3.75 = 17/30
    //  1: (1.875, 1.875, 0) -> 0.5     2: (1.5, 2.25, 0) -> 2.25/3.75 = 0.6
    //  3: (2.0, 1.75, 0) -> 1.75/3.75 = 7/15
    Data d(3, {0, 0, 1, 1}, {{0.875, 0.125, 0}, {0.625, 0.375, 0}, {0.25, 0.75, 0}, {0.75, 0.25, 0}});
    auto sc = get_label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::self_confidence, true));
    CHECK(sc == std::vector<double>{17.0 / 30, 0.5, 0.6, 7.0 / 15});
}

TEST_CASE("adjusted rows sum to 1 even when the input rows do not") {
    // Rows sum to 0.5 and 1.5. t = (0.25, 0.75) (one example each), max t = 0.75:
    //  0: (0.25-0.25+0.75, 0.25-0.75+0.75) = (0.75, 0.25), sum 1 -> score 0.75
    //  1: (0.75-0.25+0.75, 0.75-0.75+0.75) = (1.25, 0.75), sum 2 -> score 0.75/2 = 0.375
    Data d(2, {0, 1}, {{0.25, 0.25}, {0.75, 0.75}});
    auto sc = get_label_quality_scores(d.lv(), d.pv(), opts(ScoreMethod::self_confidence, true));
    CHECK(sc == std::vector<double>{0.75, 0.375});
}

TEST_CASE("get_label_quality_scores accepts labels of a single class") {
    Data d(3, {1, 1, 1}, {{0.2, 0.7, 0.1}, {0.5, 0.4, 0.1}, {0.1, 0.1, 0.8}});
    auto s = get_label_quality_scores(d.lv(), d.pv());
    CHECK(s == std::vector<double>{0.7, 0.4, 0.1});
}

TEST_CASE("sort_by_score: ascending, ties by lower index, NaN last") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> scores = {0.5, 0.2, 0.5, 0.1, 0.2, nan};
    IndexList all = {0, 1, 2, 3, 4, 5};
    sort_by_score(all, scores);
    CHECK(all == IndexList{3, 1, 4, 0, 2, 5});
    // Input order does not decide ties: the lower example index comes first.
    IndexList some = {4, 5, 2, 1, 0};
    sort_by_score(some, scores);
    CHECK(some == IndexList{1, 4, 0, 2, 5});
    // -0.0 and 0.0 are a tie.
    IndexList z = {1, 0};
    sort_by_score(z, {0.0, -0.0});
    CHECK(z == IndexList{0, 1});
}

TEST_CASE("lowest_scores: the m lowest, ties at the cut-off by lower index, returned in index order") {
    const std::vector<double> scores = {0.5, 0.2, 0.5, 0.1, 0.2, 0.05};
    CHECK(lowest_scores(scores, 0).empty());
    CHECK(lowest_scores(scores, 1) == IndexList{5});
    CHECK(lowest_scores(scores, 3) == IndexList{1, 3, 5});  // 0.05, 0.1, then 0.2 at index 1
    CHECK(lowest_scores(scores, 4) == IndexList{1, 3, 4, 5});
    CHECK(lowest_scores(scores, 5) == IndexList{0, 1, 3, 4, 5});  // 0.5 tie: index 0 before 2
    CHECK(lowest_scores(scores, 6) == IndexList{0, 1, 2, 3, 4, 5});
}
