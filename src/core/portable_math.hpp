// log, exp and pow that give the same bits on every platform. The C libraries do not: glibc picks
// FMA variants on CPUs that have FMA, Emscripten's musl does not, and a confidence-weighted entropy
// score differed in its last bit between the native and the WebAssembly build about once in
// 10,000. These use only +, -, *, / (never fused: the core is built with -ffp-contract=off),
// ldexp and bit copies, which IEEE 754 makes exact or correctly rounded everywhere. Accuracy: within
// 2 ulp of the correctly rounded result for log and exp (tests/unit/test_portable_math.cpp).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace labelscope::portable {

// ln 2 split so that k * LN2_HI is exact for |k| < 2^21 (LN2_HI has 32 significant bits).
constexpr double LN2_HI = 6.93147180369123816490e-01;
constexpr double LN2_LO = 1.90821492927058770002e-10;
constexpr double INV_LN2 = 1.44269504088896338700e+00;
constexpr double SQRT_TWO = 1.41421356237309504880;

// Natural log. log(m * 2^e) = e ln 2 + log(m) with m in [sqrt(1/2), sqrt(2)); log(1 + f) =
// 2 atanh(s), s = f / (2 + f), as f - (f^2/2 - s (f^2/2 + R(s^2))) to keep the leading terms exact.
// R's ten Taylor terms are summed as two interleaved chains (even and odd powers): half the latency.
inline double log(double x) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    int e = 0;
    if (bits - 0x0010000000000000ULL >= 0x7fe0000000000000ULL) {  // not a positive normal number
        if (!(x > 0.0))
            return x == 0.0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN();
        if (x == std::numeric_limits<double>::infinity()) return x;
        x *= 18014398509481984.0;  // 2^54: a subnormal becomes normal, exactly
        std::memcpy(&bits, &x, sizeof bits);
        e = -54;
    }
    e += static_cast<int>(bits >> 52) - 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double m = 0;
    std::memcpy(&m, &bits, sizeof m);  // x = m * 2^e, m in [1, 2)
    if (m >= SQRT_TWO) {
        m *= 0.5;
        ++e;
    }
    const double f = m - 1.0;  // exact: m is within a factor 2 of 1
    const double s = f / (2.0 + f);
    const double z = s * s;  // <= 0.0295: ten terms of 2 z^n / (2n + 1) reach 1e-17
    const double w = z * z;
    const double odd = 2.0 / 3 + w * (2.0 / 7 + w * (2.0 / 11 + w * (2.0 / 15 + w * (2.0 / 19))));
    const double even = 2.0 / 5 + w * (2.0 / 9 + w * (2.0 / 13 + w * (2.0 / 17 + w * (2.0 / 21))));
    const double r = z * (odd + z * even);
    const double half_f2 = 0.5 * f * f;
    const double k = static_cast<double>(e);
    return k * LN2_HI + (f - (half_f2 - (s * (half_f2 + r) + k * LN2_LO)));
}

// e^x = 2^k e^r with k = round(x / ln 2), |r| <= ln 2 / 2; e^r by its Taylor series to r^14.
inline double exp(double x) {
    if (x != x) return x;
    if (x > 709.782712893384) return std::numeric_limits<double>::infinity();
    if (x < -745.1332191019412) return 0.0;
    const double k = std::floor(x * INV_LN2 + 0.5);
    const double r = (x - k * LN2_HI) - k * LN2_LO;
    double p = 1.0 / 87178291200.0;  // 1/14!
    static constexpr double inverse_factorials[] = {1.0 / 6227020800.0,
                                                    1.0 / 479001600.0,
                                                    1.0 / 39916800.0,
                                                    1.0 / 3628800.0,
                                                    1.0 / 362880.0,
                                                    1.0 / 40320.0,
                                                    1.0 / 5040.0,
                                                    1.0 / 720.0,
                                                    1.0 / 120.0,
                                                    1.0 / 24.0,
                                                    1.0 / 6.0,
                                                    0.5,
                                                    1.0};
    for (const double c : inverse_factorials) p = p * r + c;  // 1/13! ... 1/1!
    return std::ldexp(1.0 + r * p, static_cast<int>(k));
}

// x^y for the scores' non-negative bases (a negative base gives NaN, as std::pow does for a
// non-integer y).
inline double pow_nonnegative(double x, double y) {
    if (x < 0.0 || x != x || y != y) return std::numeric_limits<double>::quiet_NaN();
    if (y == 0.0 || x == 1.0) return 1.0;
    if (x == 0.0) return y > 0.0 ? 0.0 : std::numeric_limits<double>::infinity();
    return exp(y * log(x));
}

}  // namespace labelscope::portable
