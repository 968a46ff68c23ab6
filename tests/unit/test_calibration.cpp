// docs/ALGORITHMS.md §6.1: A = C/R*n, B = A/sum(A)*N, rows rounded with RoundPreservingSum (§6.2 tie rule).
#include <doctest/doctest.h>

#include <numeric>
#include <random>
#include <vector>

#include "unit_helpers.hpp"

using namespace labelscope;
using unit::counts;

TEST_CASE("calibration: a tied row is rounded up at the higher index") {
    // C = [[3,1],[1,1]], n = (5,5). R = (4,2).
    // A0 = (3/4*5, 1/4*5) = (3.75, 1.25) -> rint (4, 1), sum 5 = target.
    // A1 = (2.5, 2.5) -> rint (2, 2) = 4, target 5, residuals tie at 0.5 -> index 1 -> (2, 3).
    // sum A = 10 = N, so B = A (all values dyadic, exact).
    auto cal = calibrate_confident_joint(counts(2, {3, 1, 1, 1}), {5, 5});
    CHECK(cal == counts(2, {4, 1, 2, 3}));
}

TEST_CASE("calibration: decrement picks the lower index, increment the higher index") {
    // C = [[3,3,2],[1,1,2],[0,0,10]], n = (4,2,10), N = 16. R = (8, 4, 10).
    // A0 = (1.5, 1.5, 1.0): rint (2,2,1) = 5 > 4 -> smallest residual -0.5 tie -> index 0 -> (1,2,1).
    // A1 = (0.5, 0.5, 1.0): rint (0,0,1) = 1 < 2 -> largest residual 0.5 tie -> index 1 -> (0,1,1).
    // A2 = (0, 0, 10). sum A = 16 = N (exact), so B = A.
    auto cal = calibrate_confident_joint(counts(3, {3, 3, 2, 1, 1, 2, 0, 0, 10}), {4, 2, 10});
    CHECK(cal == counts(3, {1, 2, 1, 0, 1, 1, 0, 0, 10}));
}

TEST_CASE("calibration rescales by N / sum(A) when sum(A) != N") {
    // C = [[1,1],[0,0]], n = (2,2), N = 4. R = (2, 0 -> guarded by TINY).
    // A0 = (1, 1), A1 = (0/1e-100*2, ...) = (0, 0). sum A = 2. B = A/2*4 = (2,2), (0,0).
    auto cal = calibrate_confident_joint(counts(2, {1, 1, 0, 0}), {2, 2});
    CHECK(cal == counts(2, {2, 2, 0, 0}));
}

TEST_CASE("calibration: an absent class's row becomes all zeros, diagonal included") {
    // Raw diagonal floor gave C[2][2] = 1, but n_2 = 0: A2 = (0,0,1/1*0) = 0.
    // n = (3,2,0): A0 = (2/2*3,0,0) = (3,0,0), A1 = (0,1/1*2,0) = (0,2,0).
    auto cal = calibrate_confident_joint(counts(3, {2, 0, 0, 0, 1, 0, 0, 0, 1}), {3, 2, 0});
    CHECK(cal == counts(3, {3, 0, 0, 0, 2, 0, 0, 0, 0}));
}

TEST_CASE("calibration: a singleton row (0.5, 0, 0.5) goes to the higher index") {
    // C row 0 = (1, 0, 1) with n_0 = 1: A0 = (0.5, 0, 0.5) -> rint 0 -> +1 at index 2.
    // Rows 1 and 2 = (0,2,0), (0,0,2). sum A = 5 = N.
    auto cal = calibrate_confident_joint(counts(3, {1, 0, 1, 0, 1, 0, 0, 0, 1}), {1, 2, 2});
    CHECK(cal == counts(3, {0, 0, 1, 0, 2, 0, 0, 0, 2}));
}

TEST_CASE("calibrated rows sum to n_k and the total is N (random matrices)") {
    std::mt19937 g(7);
    for (int rep = 0; rep < 50; ++rep) {
        const std::size_t k = 2 + g() % 6;
        CountMatrix c(k, k);
        std::vector<std::int64_t> n(k);
        for (std::size_t i = 0; i < k; ++i) {
            n[i] = 1 + g() % 40;
            for (std::size_t j = 0; j < k; ++j) c(i, j) = (g() % 3 == 0) ? g() % 20 : 0;
            c(i, i) = std::max<std::int64_t>(c(i, i), 1);
        }
        auto cal = calibrate_confident_joint(c, n);
        REQUIRE(cal.rows == k);
        REQUIRE(cal.cols == k);
        std::int64_t total = 0;
        for (std::size_t i = 0; i < k; ++i) {
            std::int64_t row = 0;
            for (std::size_t j = 0; j < k; ++j) {
                CHECK(cal(i, j) >= 0);
                // Cells that were 0 stay 0 (A = 0 there, and rounding moves only by whole residuals).
                if (c(i, j) == 0) CHECK(cal(i, j) == 0);
                row += cal(i, j);
            }
            CHECK(row == n[i]);
            total += row;
        }
        CHECK(total == std::accumulate(n.begin(), n.end(), std::int64_t{0}));
    }
}

TEST_CASE("calibrating an already calibrated matrix changes nothing") {
    auto cal = calibrate_confident_joint(counts(2, {3, 1, 1, 1}), {5, 5});
    CHECK(calibrate_confident_joint(cal, {5, 5}) == cal);
}
