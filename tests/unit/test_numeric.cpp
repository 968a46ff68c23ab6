// docs/ALGORITHMS.md §2.3 (round half to even, first-index argmax), §2.4 (numpy pairwise summation),
// §6.2 (RoundPreservingSum and its tie rule).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "unit_helpers.hpp"

using namespace labelscope;

namespace {

// Independent reference of docs/ALGORITHMS.md §2.4, written recursively: blocks of 8192 added left to right,
// each block pairwise (n < 8 plain; n <= 128 eight accumulators; else split at n/2 floored to 8).
double ref_block(const double* a, std::size_t n) {
    if (n < 8) {
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) s += a[i];
        return s;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; ++j) r[j] = a[j];
        std::size_t i = 8;
        for (; i + 8 <= n; i += 8)
            for (int j = 0; j < 8; ++j) r[j] += a[i + j];
        double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) s += a[i];
        return s;
    }
    std::size_t h = n / 2;
    h -= h % 8;
    return ref_block(a, h) + ref_block(a + h, n - h);
}

double ref_sum(const std::vector<double>& a) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); i += 8192) {
        std::size_t m = std::min<std::size_t>(8192, a.size() - i);
        s += ref_block(a.data() + i, m);
    }
    return s;
}

double naive_sum(const std::vector<double>& a) {
    double s = 0.0;
    for (double x : a) s += x;
    return s;
}

// Doubles in [0, 1) from raw mt19937 bits (portable across standard libraries).
double unit_double(std::mt19937& g) {
    std::uint64_t hi = g() >> 5, lo = g() >> 6;
    return (static_cast<double>(hi) * 67108864.0 + static_cast<double>(lo)) / 9007199254740992.0;
}

}  // namespace

TEST_CASE("pairwise_sum: fewer than 8 values are added left to right") {
    // ulp(1e16) = 2, so 1e16 + 1 is a tie that rounds to even (1e16). Left to right:
    // ((1e16 + 1) + 1) - 1e16 = 0, although the exact sum is 2.
    std::vector<double> a = {1e16, 1.0, 1.0, -1e16};
    CHECK(pairwise_sum(a) == 0.0);
    CHECK(pairwise_sum(std::vector<double>{}) == 0.0);
    CHECK(pairwise_sum(std::vector<double>{0.25}) == 0.25);
}

TEST_CASE("pairwise_sum: 9 values use eight accumulators then the leftover") {
    // r = (1e16, 1, 1, 1, 1, 1, 1, 1), leftover a8 = -1e16.
    // (r0+r1) = 1e16 (tie to even), (r2+r3) = 2 -> 1e16+2; (r4+r5)+(r6+r7) = 4 -> 1e16+6;
    // + (-1e16) = 6. Naive left to right gives 0, the exact sum is 7.
    std::vector<double> a = {1e16, 1, 1, 1, 1, 1, 1, 1, -1e16};
    CHECK(pairwise_sum(a) == 6.0);
    CHECK(ref_sum(a) == 6.0);
    CHECK(naive_sum(a) == 0.0);
    CHECK(pairwise_sum(a.data(), a.size()) == 6.0);
}

TEST_CASE("pairwise_sum: 200 values split at 96 (100 floored to a multiple of 8)") {
    // a[0] = 1e16, a[96] = -1e16, all others 1.
    // First 96 (12 groups): r0 = 1e16 (+1 eleven times, each a tie to even -> 1e16), r1..r7 = 12;
    //   ((1e16+12)+24) + 48 = 1e16+84 (exact).
    // Last 104 (13 groups): r0 = -1e16 (twelve +1 ties stay), r1..r7 = 13;
    //   -1e16+13 is a tie between -1e16+12 and -1e16+14 -> -1e16+12 (even); +26 -> -1e16+38; +52 -> -1e16+90.
    // Total 174. Naive: 1e16 swallows 95 ones, then -1e16, then +103 -> 103. Exact: 198.
    std::vector<double> a(200, 1.0);
    a[0] = 1e16;
    a[96] = -1e16;
    CHECK(ref_sum(a) == 174.0);
    CHECK(naive_sum(a) == 103.0);
    CHECK(pairwise_sum(a) == 174.0);
}

TEST_CASE("pairwise_sum: random data bit-identical to the reference, including 8192-blocks") {
    std::mt19937 g(12345);
    for (std::size_t n : {7u, 8u, 15u, 16u, 17u, 127u, 128u, 129u, 1000u, 8192u, 8193u, 20000u}) {
        std::vector<double> a(n);
        for (auto& x : a) x = (unit_double(g) - 0.3) * 1e3 * unit_double(g);
        INFO("n = " << n);
        CHECK(pairwise_sum(a) == ref_sum(a));
    }
    // The comparison is meaningful: on this data order matters (naive differs from pairwise).
    std::vector<double> a(20000);
    for (auto& x : a) x = unit_double(g) * 0.1 + 1e-3;
    CHECK(naive_sum(a) != ref_sum(a));
    CHECK(pairwise_sum(a) == ref_sum(a));
}

TEST_CASE("round_half_even rounds halves to the even neighbour") {
    CHECK(round_half_even(0.5) == 0.0);
    CHECK(round_half_even(1.5) == 2.0);
    CHECK(round_half_even(2.5) == 2.0);  // C's round() would give 3
    CHECK(round_half_even(3.5) == 4.0);
    CHECK(round_half_even(-0.5) == 0.0);
    CHECK(round_half_even(-2.5) == -2.0);
    CHECK(round_half_even(2.4999999) == 2.0);
    CHECK(round_half_even(7.5) == 8.0);
}

TEST_CASE("argmax_first returns the first maximum") {
    const double r1[] = {0.3, 0.5, 0.5};
    CHECK(argmax_first(r1, 3) == 1u);
    const double r2[] = {0.4, 0.4};
    CHECK(argmax_first(r2, 2) == 0u);
    const float r3[] = {0.1f, 0.2f, 0.7f};
    CHECK(argmax_first(r3, 3) == 2u);
}

TEST_CASE("round_preserving_sum: values that need no correction") {
    // rint((1.2, 2.7, 0.1)) = (1, 3, 0) = 4 = rint(4.0).
    CHECK(round_preserving_sum({1.2, 2.7, 0.1}) == std::vector<double>{1, 3, 0});
    // Half to even inside: (2.5, 1.5) -> (2, 2) = 4 = rint(4).
    CHECK(round_preserving_sum({2.5, 1.5}) == std::vector<double>{2, 2});
}

TEST_CASE("round_preserving_sum: adding picks the largest residual, higher index first on ties") {
    // (0.5, 0.5, 0.5, 0.5): r = 0, target 2, d = +2; all residuals 0.5 -> indices 3 and 2.
    CHECK(round_preserving_sum({0.5, 0.5, 0.5, 0.5}) == std::vector<double>{0, 0, 1, 1});
    // (2.5, 0.5): r = (2, 0), target 3; residuals tie at 0.5 -> index 1.
    CHECK(round_preserving_sum({2.5, 0.5}) == std::vector<double>{2, 1});
    // (0.5, 2.5): r = (0, 2), target 3; tie -> index 1 again (higher index).
    CHECK(round_preserving_sum({0.5, 2.5}) == std::vector<double>{0, 3});
    // (0.4, 0.4, 0.4, 0.8): r = (0,0,0,1), sum 2.0000000000000004 -> target 2; residuals
    // (0.4, 0.4, 0.4, -0.2): tie among 0..2 -> index 2.
    CHECK(round_preserving_sum({0.4, 0.4, 0.4, 0.8}) == std::vector<double>{0, 0, 1, 1});
}

TEST_CASE("round_preserving_sum: subtracting picks the smallest residual, lower index first on ties") {
    // (1.5, 1.5, 1.5, 1.5): rint -> (2,2,2,2) = 8, target 6, d = -2; residuals all -0.5 -> indices 0, 1.
    CHECK(round_preserving_sum({1.5, 1.5, 1.5, 1.5}) == std::vector<double>{1, 1, 2, 2});
    // (1.5, 1.5, 1.0): (2, 2, 1) = 5, target 4; residuals (-0.5, -0.5, 0) -> index 0.
    CHECK(round_preserving_sum({1.5, 1.5, 1.0}) == std::vector<double>{1, 2, 1});
    // (0.7, 0.7, 0.6): (1,1,1) = 3, target rint(2.0) = 2; residuals (-0.3, -0.3, -0.4) -> index 2.
    CHECK(round_preserving_sum({0.7, 0.7, 0.6}) == std::vector<double>{1, 1, 0});
}

TEST_CASE("round_preserving_sum: a non-finite value stops the loop, the rest is just rint-ed") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto r = round_preserving_sum({nan, 1.4, 1.4});
    REQUIRE(r.size() == 3);
    CHECK(std::isnan(r[0]));
    CHECK(r[1] == 1.0);
    CHECK(r[2] == 1.0);
}
