// Numeric building blocks whose exact behaviour matters for parity with cleanlab (docs/ALGORITHMS.md §2).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace labelscope {

inline constexpr double EPS = 1e-6;       // fuzzy comparisons
inline constexpr double T_FLOOR = 2e-6;   // lower bound of thresholds
inline constexpr double T_MISSING = 2.0;  // threshold of a class with no labels
inline constexpr double TINY = 1e-100;    // denominator guard
inline constexpr double P_LOW = 1e-6;     // clip for py and CWE
inline constexpr double NR_CAP = 0.9999;  // off-diagonal noise-rate cap
inline constexpr double H_EPS = 1e-6;     // class-quality table guard
// Tolerance of our own validation: closer than this to [0, 1] is used as given, with a warning.
inline constexpr double RANGE_TOLERANCE = 1e-3;

// numpy's float64 summation (pairwise within blocks of 8192; docs/ALGORITHMS.md §2.4), for bit parity.
double pairwise_sum(const double* a, std::size_t n);
inline double pairwise_sum(const std::vector<double>& a) { return pairwise_sum(a.data(), a.size()); }

// pairwise_sum of values given one at a time (bit for bit the same sum), holding one block of 8192
// rather than all of them: a K x K sum without a K x K array.
class PairwiseSum {
public:
    void add(double v) {
        block_[size_++] = v;
        if (size_ == BLOCK) fold();
    }
    double result();

private:
    static constexpr std::size_t BLOCK = 8192;
    void fold();
    std::vector<double> block_ = std::vector<double>(BLOCK);  // 64 KB: not on a wasm stack
    std::size_t size_ = 0;
    double sum_ = 0.0;
    bool first_ = true;
};

// Round half to even (numpy's rint under the default rounding mode), not C's round().
inline double round_half_even(double x) { return std::nearbyint(x); }

// Index of the first maximum of row[0..k).
template <class T>
std::size_t argmax_first(const T* row, std::size_t k) {
    std::size_t best = 0;
    for (std::size_t j = 1; j < k; ++j)
        if (row[j] > row[best]) best = j;
    return best;
}

// Round each value so the integer total equals rint(sum), moving the largest (or smallest)
// residuals first; ties: higher index first when adding, lower index first when subtracting
// (docs/ALGORITHMS.md §6.2). Non-finite inputs make the loop stop, as in cleanlab.
std::vector<double> round_preserving_sum(const std::vector<double>& values);

// Shortest-looking exact text of a number for messages: %.17g, with NaN/Infinity spelled out.
std::string format_number(double v);

}  // namespace labelscope
