// docs/ALGORITHMS.md §5: counting with P >= t - 1e-6, global argmax when >= 2 classes are confident,
// diagonal floor of 1 (absent classes too), off-diagonal set and per-example guesses.
#include <doctest/doctest.h>

#include <vector>

#include "unit_helpers.hpp"

using namespace labelscope;
using unit::counts;
using unit::Data;

namespace {

// Nine examples, K = 3. t = ((0.9+0.7+0.2)/3, (0.8+0.6+0.4)/3, (0.8+0.6+0.2)/3) ~ (0.6, 0.6, 0.5333).
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

}  // namespace

TEST_CASE("confident joint of a small hand-checked dataset") {
    // Confident sets S_i = {k : P[i][k] >= t_k - 1e-6}:
    //  0: {0}   1: {0} (0.7)   2: {1} (0.7 >= 0.6) -> C[0][1]   3: {1}   4: {1} (0.6 ~ t1, fuzzy)
    //  5: {} (0.45 < 0.6, 0.4 < 0.6, 0.15 < 0.53) -> not counted
    //  6: {2}   7: {2} (0.6 >= 0.533)   8: {0} (0.6 ~ t0, fuzzy) -> C[2][0]
    Data d = nine();
    auto cj = compute_confident_joint(d.lv(), d.pv());
    CHECK(cj.uncalibrated == counts(3, {2, 1, 0, 0, 2, 0, 1, 0, 2}));
    CHECK(cj.guess == std::vector<std::int32_t>{0, 0, 1, 1, 1, -1, 2, 2, 0});
    CHECK(cj.off_diagonal == IndexList{2, 8});
    // Calibration: n = (3,3,3), R = (3,2,3). A = row/R*n = (2,1,0), (0,3,0), (1,0,2); sum A = 9 = N.
    CHECK(cj.calibrated == counts(3, {2, 1, 0, 0, 3, 0, 1, 0, 2}));
}

TEST_CASE("the threshold test is P >= t - 1e-6") {
    // t0 = (0.8+0.6)/2 = 0.7, t1 = (0.7+0.9+0.3000005+0.300002)/4 = 0.550000625.
    //  4: P0 = 0.6999995 >= 0.699999 -> confident in 0 only -> C[1][0] (a strict P >= t would miss it)
    //  5: P0 = 0.699998 <  0.699999 -> not confident anywhere
    //  1: (0.6, 0.4) -> nothing
    Data d(2, {0, 0, 1, 1, 1, 1},
           {{0.8, 0.2}, {0.6, 0.4}, {0.3, 0.7}, {0.1, 0.9}, {0.6999995, 0.3000005}, {0.699998, 0.300002}});
    auto cj = compute_confident_joint(d.lv(), d.pv());
    CHECK(cj.uncalibrated == counts(2, {1, 0, 1, 2}));
    CHECK(cj.guess == std::vector<std::int32_t>{0, -1, 1, 1, 0, -1});
    CHECK(cj.off_diagonal == IndexList{4});
    // n = (2, 4): A = (1/1*2, 0), (1/3*4, 2/3*4) = (2, 0), (1.33, 2.67) -> rint (1, 3).
    CHECK(cj.calibrated == counts(2, {2, 0, 1, 3}));
}

TEST_CASE("with two or more confident classes the guess is the global argmax (docs/ALGORITHMS.md §5 example)") {
    // t = (0.9, 0.2125, 0.2); row (0.5, 0.25, 0.25) has S = {1, 2} but the argmax over all K is 0.
    // The paper's rule (argmax within S) would give 1.
    Data d(3, {0, 0, 1, 1, 2},
           {{0.9, 0.05, 0.05}, {0.9, 0.05, 0.05}, {0.5, 0.25, 0.25}, {0.8, 0.175, 0.025}, {0.6, 0.2, 0.2}});
    const std::vector<double> t = {0.9, 0.2125, 0.2};

    SUBCASE("with the thresholds given") {
        auto cj = compute_confident_joint(d.lv(), d.pv(), t);
        CHECK(cj.guess[2] == 0);
    }
    SUBCASE("with thresholds from the data: t1 = (0.25+0.175)/2, t2 = 0.2") {
        auto th = confident_thresholds(d.lv(), d.pv());
        CHECK(th[0] == 0.9);
        CHECK(th[1] == doctest::Approx(0.2125).epsilon(1e-15));
        CHECK(th[2] == 0.2);
        // 0,1: {0}.  2: {1,2} -> argmax 0 -> C[1][0].  3: 0.175 < 0.2125 -> none.
        // 4: 0.2 < 0.2125, 0.2 >= 0.2 -> {2}.  C[1][1] = 0 is floored to 1.
        auto cj = compute_confident_joint(d.lv(), d.pv());
        CHECK(cj.guess == std::vector<std::int32_t>{0, 0, 0, -1, 2});
        CHECK(cj.uncalibrated == counts(3, {2, 0, 0, 1, 1, 0, 0, 0, 1}));
        CHECK(cj.off_diagonal == IndexList{2});
        // n = (2,2,1), R = (2,2,1): A = (2,0,0), (1,1,0), (0,0,1) -> unchanged.
        CHECK(cj.calibrated == counts(3, {2, 0, 0, 1, 1, 0, 0, 0, 1}));
    }
}

TEST_CASE("argmax among several confident classes takes the first index on ties") {
    // t = (0.3, 0.3, 0.5); example 0 labelled 2 with (0.4, 0.4, 0.2): S = {0,1}, argmax tie -> 0.
    Data d(3, {2, 0, 1}, {{0.4, 0.4, 0.2}, {0.9, 0.05, 0.05}, {0.05, 0.9, 0.05}});
    auto cj = compute_confident_joint(d.lv(), d.pv(), std::vector<double>{0.3, 0.3, 0.5});
    CHECK(cj.guess == std::vector<std::int32_t>{0, 0, 1});
    CHECK(cj.off_diagonal == IndexList{0});
    // Row 2 = given 2: one example counted in column 0, diagonal floored to 1.
    CHECK(cj.uncalibrated == counts(3, {1, 0, 0, 0, 1, 0, 1, 0, 1}));
}

TEST_CASE("diagonal floor of 1 applies to absent classes; their calibrated row is all zeros") {
    // K = 3, class 2 never given: t = (0.5, 0.6, 2).
    // 0: {0}  1: {0}  2: {1}  3: (0.1,0.5,0.4) none  4: (0.1,0.2,0.7) none (0.7 < 2).
    Data d(3, {0, 0, 1, 1, 0}, {{0.8, 0.1, 0.1}, {0.6, 0.3, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.5, 0.4}, {0.1, 0.2, 0.7}});
    auto cj = compute_confident_joint(d.lv(), d.pv());
    CHECK(cj.uncalibrated == counts(3, {2, 0, 0, 0, 1, 0, 0, 0, 1}));
    CHECK(cj.guess == std::vector<std::int32_t>{0, 0, 1, -1, -1});
    CHECK(cj.off_diagonal.empty());
    // n = (3,2,0), R = (2,1,1): A = (3,0,0), (0,2,0), (0,0,1*0) -> row 2 all zeros.
    CHECK(cj.calibrated == counts(3, {3, 0, 0, 0, 2, 0, 0, 0, 0}));
    // No example is ever guessed as the absent class.
    for (auto g : cj.guess) CHECK(g != 2);
}

TEST_CASE("a value exactly at the threshold counts as confident") {
    // t0 = (0.75 + 0.25) / 2 = 0.5 exactly; example 2 labelled 1 has P0 = 0.5 -> confident in 0.
    // t1 = (0.5 + 0.875) / 2 = 0.6875: example 2's P1 = 0.5 is not; examples 1 (0.75) and 3 are.
    Data d(2, {0, 0, 1, 1}, {{0.75, 0.25}, {0.25, 0.75}, {0.5, 0.5}, {0.125, 0.875}});
    auto cj = compute_confident_joint(d.lv(), d.pv());
    CHECK(cj.guess == std::vector<std::int32_t>{0, 1, 0, 1});
    CHECK(cj.off_diagonal == IndexList{1, 2});
}

TEST_CASE("the validated overload equals the one with explicit thresholds") {
    Data d = nine();
    auto a = compute_confident_joint(d.lv(), d.pv());
    auto b = compute_confident_joint(d.lv(), d.pv(), confident_thresholds(d.lv(), d.pv()));
    CHECK(a.uncalibrated == b.uncalibrated);
    CHECK(a.calibrated == b.calibrated);
    CHECK(a.guess == b.guess);
    CHECK(a.off_diagonal == b.off_diagonal);
}
