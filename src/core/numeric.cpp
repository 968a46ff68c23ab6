#include "numeric.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace labelscope {
namespace {

// numpy's pairwise_sum for one block (n <= 8192).
double pairwise_block(const double* a, std::size_t n) {
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
    std::size_t half = n / 2;
    half -= half % 8;
    return pairwise_block(a, half) + pairwise_block(a + half, n - half);
}

}  // namespace

double pairwise_sum(const double* a, std::size_t n) {
    constexpr std::size_t block = 8192;
    if (n <= block) return pairwise_block(a, n);
    double s = 0.0;
    bool first = true;
    for (std::size_t start = 0; start < n; start += block) {
        double part = pairwise_block(a + start, std::min(block, n - start));
        s = first ? part : s + part;
        first = false;
    }
    return s;
}

void PairwiseSum::fold() {
    const double part = pairwise_block(block_.data(), size_);
    sum_ = first_ ? part : sum_ + part;
    first_ = false;
    size_ = 0;
}

double PairwiseSum::result() {
    if (size_ > 0 || first_) fold();
    return sum_;
}

std::vector<double> round_preserving_sum(const std::vector<double>& values) {
    const std::size_t n = values.size();
    std::vector<double> rounded(n);
    for (std::size_t i = 0; i < n; ++i) rounded[i] = round_half_even(values[i]);
    const double target = round_half_even(pairwise_sum(values));
    double current = pairwise_sum(rounded);

    std::vector<std::size_t> order(n);
    std::vector<double> residual(n);
    // A NaN anywhere makes the comparison false and leaves the plain rounding (as cleanlab).
    while (std::fabs(current - target) > 1e-6) {
        const double d = round_half_even(target - current);
        const double inc = d < 0 ? -1.0 : 1.0;
        const std::size_t count = static_cast<std::size_t>(std::min(std::fabs(d), static_cast<double>(n)));
        for (std::size_t i = 0; i < n; ++i) residual[i] = values[i] - rounded[i];
        std::iota(order.begin(), order.end(), 0);
        // Ascending by (residual, index): taking the front gives the smallest residuals with
        // lower indices first; taking the back gives the largest with higher indices first.
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return residual[a] < residual[b] || (residual[a] == residual[b] && a < b);
        });
        for (std::size_t c = 0; c < count; ++c) {
            const std::size_t pick = inc > 0 ? order[n - 1 - c] : order[c];
            rounded[pick] += inc;
        }
        current = pairwise_sum(rounded);
    }
    return rounded;
}

std::string format_number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    // The shortest of %.15g..%.17g that reads back exactly: 0.1 stays "0.1", not 0.10000000000000001.
    char buffer[32];
    for (int digits = 15; digits <= 17; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
        if (std::strtod(buffer, nullptr) == v) break;
    }
    return buffer;
}

}  // namespace labelscope
