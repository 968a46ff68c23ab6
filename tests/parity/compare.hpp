// Comparisons of core results with recorded JSON values. Each returns an empty error when the
// values agree, else a description of the first differing element with both values, so a
// failure message can name it without a debugger.
//
// Tolerances (fixed by the issue; never loosen them):
//   * integers, index lists, masks, count matrices, table integer columns: exact;
//   * outputs computed with + - * / only: relative 1e-12;
//   * outputs that use log/exp (confidence_weighted_entropy, OOD entropy): relative 1e-10.
// A real pair (expected e, ours a) agrees when |a - e| <= max(rel * max(|a|, |e|), 1e-300).
// The 1e-300 floor only lets 0 == 0 (and -0 == +0) pass: an exact zero must be matched by an
// exact zero (or a value below 1e-300), because docs/ALGORITHMS.md §16.2 says these outputs are bit-for-bit
// reproducible and a tiny non-zero value where cleanlab has 0 means a different operation order.
// Non-finite values are stored as the strings "NaN", "Infinity", "-Infinity" (docs/ALGORITHMS.md §17);
// NaN matches only NaN and an infinity only the same infinity.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/health.hpp"
#include "core/types.hpp"

namespace parity {

using nlohmann::json;

inline constexpr double REL_ARITH = 1e-12;   // + - * / only
inline constexpr double REL_LOGEXP = 1e-10;  // log / exp
inline constexpr double ABS_ZERO_FLOOR = 1e-300;

struct Cmp {
    std::string error;       // empty = agree
    std::size_t values = 0;  // scalar values compared (for the per-value count)
    bool ok() const { return error.empty(); }
};

// Formats a double with all 17 significant digits ("nan", "inf" spelled out).
std::string fmt(double v);

bool reals_match(double expected, double actual, double rel);

// A recorded real: a JSON number or one of the strings "NaN", "Infinity", "-Infinity".
// Throws std::runtime_error for anything else.
double json_real(const json& v);

Cmp compare_int(const json& expected, std::int64_t actual);
Cmp compare_bool(const json& expected, bool actual);
Cmp compare_real(const json& expected, double actual, double rel);
Cmp compare_index_list(const json& expected, const labelscope::IndexList& actual);
// A ranked index list whose order depends on log/exp scores: cleanlab's libm and ours may differ
// in the last bit, which can swap two examples whose scores agree within `rel`. Passes when
// every position holds an example whose score matches (within `rel`) the score of the example
// recorded there, and the lists hold the same examples (docs/ALGORITHMS.md §11, last paragraph; §16.2 #16).
Cmp compare_ranked_by_scores(const json& expected, const labelscope::IndexList& actual,
                             const std::vector<double>& scores, double rel);

// OOD entropy score = 1 - H: near-uniform rows cancel to ~1e-10, so a last-bit difference in ln K
// becomes a large relative error of the score. The log-based quantity is H; compare it, relative.
Cmp compare_one_minus(const json& expected, const std::vector<double>& actual, double rel);

Cmp compare_real_vector(const json& expected, const std::vector<double>& actual, double rel);
Cmp compare_count_matrix(const json& expected, const labelscope::CountMatrix& actual);
Cmp compare_real_matrix(const json& expected, const labelscope::RealMatrix& actual, double rel);

// pandas tables recorded as a list of row objects; the column names must be exactly these.
Cmp compare_class_quality_table(const json& expected, const std::vector<labelscope::ClassQuality>& actual, double rel);
Cmp compare_overlap_table(const json& expected, const std::vector<labelscope::ClassOverlap>& actual, double rel);

// Exact (bitwise for doubles) equality of our own tables, for health_summary vs the standalone calls.
bool same_table(const std::vector<labelscope::ClassQuality>& a, const std::vector<labelscope::ClassQuality>& b);
bool same_table(const std::vector<labelscope::ClassOverlap>& a, const std::vector<labelscope::ClassOverlap>& b);

// Matrix view of a recorded K x K count matrix (used as an input, e.g. the custom joint).
labelscope::CountMatrix json_count_matrix(const json& v);
labelscope::RealMatrix json_real_matrix(const json& v);

}  // namespace parity
