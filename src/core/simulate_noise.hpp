// Simulated label noise for lessons: flip a chosen share of the labels with a seed, so the flips are
// known truth to score a detector against.
//
// Every mode flips an exact number of rows, chosen by a seeded partial Fisher-Yates shuffle of the
// eligible rows (src/core/seeded_random.hpp), so native and WebAssembly builds flip the same rows:
// - uniform: eligible = every row; round(rate * N) rows each move to another class, drawn
//   uniformly from the K - 1 others.
// - pair (a, b): eligible = the rows labelled a or b; round(rate * eligible) of them move to the
//   other class of the pair. No other row changes.
// - matrix: noise_matrix(i, j) = P(noisy = i | true = j), K x K, each COLUMN sums to 1 (the
//   orientation of cleanlab's noise_matrix and of the audit's noiseMatrix, so an estimated matrix
//   can be fed back). Of the n_j rows labelled j, exactly c_ij move to class i, where c_.j
//   apportions n_j by largest remainder over column j (floor(n_j * P(i, j)), then one more row to
//   the cells with the largest fractional parts, lower class first on ties): the counts sum to
//   n_j and each is within 1 of n_j * P(i, j). The rate is not used.
// round() is half up, computed in double. Nested: with the same seed, a higher rate (uniform,
// pair) flips the rows of a lower rate, to the same classes, plus more.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "types.hpp"

namespace labelscope {

enum class NoiseMode { uniform, pair, matrix };

// The largest seed: seeds are whole numbers below 2^53 so that JavaScript numbers carry them exactly.
inline constexpr double MAX_NOISE_SEED = 9007199254740992.0;  // 2^53, excluded

struct NoiseOptions {
    NoiseMode mode = NoiseMode::uniform;
    double rate = 0.0;          // uniform, pair: share of the eligible rows to flip, in [0, 1]
    std::uint64_t seed = 0;     // < 2^53
    std::int32_t class_a = -1;  // pair
    std::int32_t class_b = -1;  // pair
    RealMatrix noise_matrix;    // matrix: K x K, (noisy i, true j), columns sum to 1
};

struct NoiseSimulation {
    std::vector<std::int32_t> noisy_labels;  // N
    Mask is_error;                           // N: 1 where noisy != true
    IndexList flipped;                       // the flipped rows, ascending
};

// Throws LabelScopeError: empty_input (N = 0), too_many_examples, too_few_classes (K < 2),
// label_out_of_range, invalid_option (rate outside [0, 1] or not finite, seed >= 2^53, pair classes
// missing, equal or outside 0..K-1, matrix not K x K, an entry outside [0, 1], a column not summing
// to 1 within 1e-6).
NoiseSimulation simulate_noise(LabelsView labels, std::size_t num_classes, const NoiseOptions& options);

// A seed given as a number (JavaScript, the CLI): a whole number in [0, 2^53), else invalid_option.
std::uint64_t noise_seed_from_number(double seed);

// How a detector's flags compare with the simulated flips. found = flipped rows that were
// flagged; precision = found / flagged, recall = found / flipped, f1 = 2 found / (flagged +
// flipped) (their harmonic mean). A ratio whose denominator is 0 is undefined: nullopt (null in JS).
struct DetectionScore {
    std::int64_t flipped = 0;
    std::int64_t found = 0;
    std::int64_t flagged = 0;
    std::optional<double> precision;
    std::optional<double> recall;
    std::optional<double> f1;
};

// is_error: N entries of 0 or 1; flagged: row indices in [0, N) (a row listed twice counts once).
// Throws invalid_option for other values, naming the entry.
DetectionScore score_detection(const std::uint8_t* is_error, std::size_t n, const std::int32_t* flagged,
                               std::size_t num_flagged);

}  // namespace labelscope
