#include "simulate_noise.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "errors.hpp"
#include "seeded_random.hpp"

namespace labelscope {
namespace {

// Column sums of a noise matrix may be off by float rounding (a matrix typed in with 0.1s).
constexpr double COLUMN_SUM_TOLERANCE = 1e-6;

[[noreturn]] void invalid(const std::string& message) { throw LabelScopeError(ErrorCode::invalid_option, message); }

std::string number_text(double v) {
    if (std::isnan(v)) return "NaN";
    std::string s = std::to_string(v);  // fixed notation; trim the trailing zeros
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

void check_labels(LabelsView labels, std::size_t k) {
    if (labels.size == 0) throw LabelScopeError(ErrorCode::empty_input, "There are no labels to add noise to.");
    if (labels.size > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        throw LabelScopeError(ErrorCode::too_many_examples, "Noise can be simulated on at most 2^31 - 1 labels.");
    if (k < 2)
        throw LabelScopeError(ErrorCode::too_few_classes,
                              "Simulating noise needs at least 2 classes (a label can only flip to another class).");
    for (std::size_t i = 0; i < labels.size; ++i) {
        const std::int32_t y = labels[i];
        if (y < 0 || static_cast<std::size_t>(y) >= k)
            throw LabelScopeError(ErrorCode::label_out_of_range,
                                  "Label " + std::to_string(y) + " of example " + std::to_string(i) +
                                      " is not a class index: with " + std::to_string(k) +
                                      " classes, labels must be integers 0.." + std::to_string(k - 1) + ".",
                                  static_cast<std::int64_t>(i), y);
    }
}

void check_rate(double rate) {
    if (!(rate >= 0.0 && rate <= 1.0))
        invalid("The noise rate is " + number_text(rate) +
                "; it must be a fraction in [0, 1] (0.1 flips 10% of the rows).");
}

void check_class(std::int32_t c, std::size_t k, const char* which) {
    if (c < 0 || static_cast<std::size_t>(c) >= k)
        invalid(std::string("The noise pair's ") + which + " class is " + std::to_string(c) + "; classes are 0.." +
                std::to_string(k - 1) + ".");
}

// round(rate * n), halves up, in double: the same count everywhere.
std::size_t flip_count(double rate, std::size_t n) {
    const double m = std::floor(rate * static_cast<double>(n) + 0.5);
    return std::min(n, static_cast<std::size_t>(m));
}

// Moves `m` rows chosen uniformly at random to the front of `rows` (a partial Fisher-Yates shuffle):
// rows[0..m) is the choice, in the order drawn, so a smaller m chooses a prefix of a larger one.
void choose_front(std::vector<std::int32_t>& rows, std::size_t m, Xoshiro256& rng) {
    const std::size_t n = rows.size();
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t j = i + static_cast<std::size_t>(rng.below(n - i));
        std::swap(rows[i], rows[j]);
    }
}

// Apportions n rows over the K cells of one column of the matrix (largest remainder): the counts sum to n.
std::vector<std::size_t> apportion(std::size_t n, const RealMatrix& p, std::size_t column) {
    const std::size_t k = p.rows;
    double sum = 0.0;
    for (std::size_t i = 0; i < k; ++i) sum += p(i, column);
    std::vector<std::size_t> counts(k);
    std::vector<double> remainder(k);
    std::size_t assigned = 0;
    for (std::size_t i = 0; i < k; ++i) {
        // Divided by the column's sum so that a sum of 1 +- 1e-6 cannot hand out more rows than there are.
        const double share = static_cast<double>(n) * (p(i, column) / sum);
        const double whole = std::floor(share);
        counts[i] = static_cast<std::size_t>(whole);
        remainder[i] = share - whole;
        assigned += counts[i];
    }
    while (assigned > n) {  // cannot happen for N < 2^31; kept so the counts never exceed the rows
        const auto most = static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
        --counts[most];
        --assigned;
    }
    std::vector<std::size_t> order(k);
    for (std::size_t i = 0; i < k; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return remainder[a] != remainder[b] ? remainder[a] > remainder[b] : a < b;
    });
    for (std::size_t r = 0; assigned < n; r = (r + 1) % k) {
        ++counts[order[r]];
        ++assigned;
    }
    return counts;
}

void check_matrix(const RealMatrix& p, std::size_t k) {
    if (p.rows != k || p.cols != k || p.values.size() != k * k)
        invalid("The noise matrix is " + std::to_string(p.rows) + " x " + std::to_string(p.cols) + "; with " +
                std::to_string(k) + " classes it must be " + std::to_string(k) + " x " + std::to_string(k) +
                " (row = noisy label, column = true label).");
    for (std::size_t j = 0; j < k; ++j) {
        double sum = 0.0;
        for (std::size_t i = 0; i < k; ++i) {
            const double v = p(i, j);
            if (!(v >= 0.0 && v <= 1.0))
                invalid("Noise matrix entry [" + std::to_string(i) + "][" + std::to_string(j) + "] is " +
                        number_text(v) + "; entries are probabilities in [0, 1].");
            sum += v;
        }
        if (!(std::fabs(sum - 1.0) <= COLUMN_SUM_TOLERANCE))
            invalid("Column " + std::to_string(j) + " of the noise matrix sums to " + number_text(sum) +
                    "; each column j holds P(noisy = i | true = j) and must sum to 1.");
    }
}

void flip(NoiseSimulation& s, std::int32_t row, std::int32_t to) {
    s.noisy_labels[static_cast<std::size_t>(row)] = to;
    s.is_error[static_cast<std::size_t>(row)] = 1;
    s.flipped.push_back(row);
}

}  // namespace

std::uint64_t noise_seed_from_number(double seed) {
    if (!(seed >= 0.0 && seed < MAX_NOISE_SEED && seed == std::floor(seed)))
        invalid("The seed is " + number_text(seed) + "; it must be a whole number from 0 to 2^53 - 1.");
    return static_cast<std::uint64_t>(seed);
}

NoiseSimulation simulate_noise(LabelsView labels, std::size_t num_classes, const NoiseOptions& options) {
    check_labels(labels, num_classes);
    if (options.seed >= (std::uint64_t{1} << 53))
        invalid("The seed is " + std::to_string(options.seed) + "; it must be a whole number from 0 to 2^53 - 1.");

    NoiseSimulation s;
    s.noisy_labels.assign(labels.data, labels.data + labels.size);
    s.is_error.assign(labels.size, 0);
    // Two streams from one seed: which rows (the same in every mode) and where they go.
    SplitMix64 mixer(options.seed);
    Xoshiro256 choose(mixer);
    Xoshiro256 target(mixer);

    const auto k32 = static_cast<std::int32_t>(num_classes);
    switch (options.mode) {
        case NoiseMode::uniform: {
            check_rate(options.rate);
            std::vector<std::int32_t> rows(labels.size);
            for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<std::int32_t>(i);
            const std::size_t m = flip_count(options.rate, rows.size());
            choose_front(rows, m, choose);
            for (std::size_t r = 0; r < m; ++r) {
                const std::int32_t y = labels[static_cast<std::size_t>(rows[r])];
                auto to = static_cast<std::int32_t>(target.below(num_classes - 1));
                if (to >= y) ++to;  // skip the row's own class
                flip(s, rows[r], to);
            }
            break;
        }
        case NoiseMode::pair: {
            check_rate(options.rate);
            const std::int32_t a = options.class_a, b = options.class_b;
            check_class(a, num_classes, "first");
            check_class(b, num_classes, "second");
            if (a == b)
                invalid("The noise pair names class " + std::to_string(a) + " twice; give two different classes.");
            std::vector<std::int32_t> rows;
            for (std::size_t i = 0; i < labels.size; ++i)
                if (labels[i] == a || labels[i] == b) rows.push_back(static_cast<std::int32_t>(i));
            const std::size_t m = flip_count(options.rate, rows.size());
            choose_front(rows, m, choose);
            for (std::size_t r = 0; r < m; ++r)
                flip(s, rows[r], labels[static_cast<std::size_t>(rows[r])] == a ? b : a);
            break;
        }
        case NoiseMode::matrix: {
            check_matrix(options.noise_matrix, num_classes);
            std::vector<std::vector<std::int32_t>> by_class(num_classes);
            for (std::size_t i = 0; i < labels.size; ++i)
                by_class[static_cast<std::size_t>(labels[i])].push_back(static_cast<std::int32_t>(i));
            for (std::int32_t j = 0; j < k32; ++j) {
                auto& rows = by_class[static_cast<std::size_t>(j)];
                const std::vector<std::size_t> counts =
                    apportion(rows.size(), options.noise_matrix, static_cast<std::size_t>(j));
                const std::size_t moved = rows.size() - counts[static_cast<std::size_t>(j)];
                choose_front(rows, moved, choose);
                std::size_t r = 0;
                for (std::int32_t i = 0; i < k32; ++i) {
                    if (i == j) continue;
                    for (std::size_t c = 0; c < counts[static_cast<std::size_t>(i)]; ++c) flip(s, rows[r++], i);
                }
            }
            break;
        }
    }
    std::sort(s.flipped.begin(), s.flipped.end());
    return s;
}

DetectionScore score_detection(const std::uint8_t* is_error, std::size_t n, const std::int32_t* flagged,
                               std::size_t num_flagged) {
    DetectionScore d;
    for (std::size_t i = 0; i < n; ++i) {
        if (is_error[i] > 1)
            invalid("isError[" + std::to_string(i) + "] is " + std::to_string(is_error[i]) +
                    "; it must be 1 (flipped) or 0 (kept).");
        d.flipped += is_error[i];
    }
    std::vector<std::uint8_t> seen(n, 0);
    for (std::size_t f = 0; f < num_flagged; ++f) {
        const std::int32_t i = flagged[f];
        if (i < 0 || static_cast<std::size_t>(i) >= n)
            invalid("flagged[" + std::to_string(f) + "] is " + std::to_string(i) + "; row indices are 0.." +
                    std::to_string(n == 0 ? 0 : n - 1) + " (one per label).");
        auto& mark = seen[static_cast<std::size_t>(i)];
        if (mark) continue;
        mark = 1;
        ++d.flagged;
        d.found += is_error[static_cast<std::size_t>(i)];
    }
    const auto ratio = [](std::int64_t num, std::int64_t den) -> std::optional<double> {
        if (den == 0) return std::nullopt;
        return static_cast<double>(num) / static_cast<double>(den);
    };
    d.precision = ratio(d.found, d.flagged);
    d.recall = ratio(d.found, d.flipped);
    d.f1 = ratio(2 * d.found, d.flagged + d.flipped);
    return d;
}

}  // namespace labelscope
