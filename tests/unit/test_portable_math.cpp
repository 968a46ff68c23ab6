// portable::log / exp / pow_nonnegative against the C library: within 2 ulp everywhere the core
// uses them (and far beyond), special values exactly as std:: gives them. That they give the same
// bits natively and in WebAssembly is tested on whole audits by tests/js/native-vs-wasm.test.mjs.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "core/portable_math.hpp"

namespace lp = labelscope::portable;

namespace {

// Distance in units in the last place between two finite doubles of the same sign.
std::int64_t ulps(double a, double b) {
    if (a == b) return 0;
    std::int64_t ia = 0, ib = 0;
    std::memcpy(&ia, &a, 8);
    std::memcpy(&ib, &b, 8);
    if ((ia < 0) != (ib < 0)) return std::numeric_limits<std::int64_t>::max();
    return ia > ib ? ia - ib : ib - ia;
}

}  // namespace

TEST_CASE("portable::log is within 2 ulp of std::log from subnormals to the largest double") {
    std::mt19937_64 rng(20261129);
    std::uniform_real_distribution<double> unit(0.0, 1.0), exponent(-1074.0, 1023.0);
    std::int64_t worst = 0;
    for (int i = 0; i < 400000; ++i) {
        // Half near 1 (where log is smallest and hardest), half spread over every exponent.
        const double x =
            i % 2 ? 1.0 + (unit(rng) - 0.5) * 0.8 : std::ldexp(1.0 + unit(rng), static_cast<int>(exponent(rng)));
        const double want = std::log(x), got = lp::log(x);
        const std::int64_t d = ulps(got, want);
        if (d > worst) worst = d;
        if (d > 2) FAIL_CHECK("log(" << x << ") = " << got << ", std::log gives " << want);
    }
    MESSAGE("portable::log: worst " << worst << " ulp from std::log over 400,000 inputs");
    for (double x : {1e-300, 0.5, 2.0, 10.0, 100.0, 1e300, std::numeric_limits<double>::denorm_min(),
                     std::numeric_limits<double>::max(), std::sqrt(0.5), std::sqrt(2.0)})
        CHECK(ulps(lp::log(x), std::log(x)) <= 2);
    CHECK(lp::log(1.0) == 0.0);
    CHECK(lp::log(0.0) == -std::numeric_limits<double>::infinity());
    CHECK(std::isnan(lp::log(-1.0)));
    CHECK(std::isnan(lp::log(std::nan(""))));
    CHECK(lp::log(std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
}

TEST_CASE("portable::exp is within 2 ulp of std::exp, including subnormal results") {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> wide(-745.0, 709.0), narrow(-3.0, 3.0);
    std::int64_t worst = 0;
    for (int i = 0; i < 400000; ++i) {
        const double x = i % 2 ? narrow(rng) : wide(rng);
        const double want = std::exp(x), got = lp::exp(x);
        // Subnormal results carry fewer bits; their absolute error is what matters there.
        const bool subnormal = want < std::numeric_limits<double>::min();
        const std::int64_t d = ulps(got, want);
        if (!subnormal && d > worst) worst = d;
        if (d > 2) FAIL_CHECK("exp(" << x << ") = " << got << ", std::exp gives " << want);
    }
    MESSAGE("portable::exp: worst " << worst << " ulp from std::exp over 400,000 inputs");
    CHECK(lp::exp(0.0) == 1.0);
    CHECK(lp::exp(-1000.0) == 0.0);
    CHECK(lp::exp(1000.0) == std::numeric_limits<double>::infinity());
    CHECK(std::isnan(lp::exp(std::nan(""))));
}

TEST_CASE("portable::pow_nonnegative as the GEN OOD score uses it: x^0.1 on [0, 1]") {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < 200000; ++i) {
        const double x = i % 2 ? unit(rng) : std::ldexp(unit(rng), -static_cast<int>(unit(rng) * 60));
        const double want = std::pow(x, 0.1), got = lp::pow_nonnegative(x, 0.1);
        // exp(y log x) carries log's rounding times |y log x| (<= ~75 here): a few ulp.
        if (ulps(got, want) > 8) FAIL_CHECK("pow(" << x << ", 0.1) = " << got << ", std::pow gives " << want);
    }
    CHECK(lp::pow_nonnegative(0.0, 0.1) == 0.0);
    CHECK(lp::pow_nonnegative(1.0, 0.1) == 1.0);
    CHECK(lp::pow_nonnegative(0.25, 0.5) == 0.5);
    CHECK(std::isnan(lp::pow_nonnegative(-1e-9, 0.1)));  // as std::pow: a negative base, y not an integer
    CHECK(std::isnan(std::pow(-1e-9, 0.1)));
}
