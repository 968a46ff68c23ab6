// Simulated label noise (src/core/simulate_noise.hpp): exact counts, the same rows for the same seed
// on every platform, each mode touching only what it should, and the detection score.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/seeded_random.hpp"
#include "core/simulate_noise.hpp"
#include "unit_helpers.hpp"

using namespace labelscope;
using unit::mentions;

namespace {

// Labels 0, 1, ..., k-1, 0, 1, ... (n of them).
std::vector<std::int32_t> cycling(std::size_t n, std::int32_t k) {
    std::vector<std::int32_t> y(n);
    for (std::size_t i = 0; i < n; ++i) y[i] = static_cast<std::int32_t>(i % static_cast<std::size_t>(k));
    return y;
}

LabelsView view(const std::vector<std::int32_t>& y) { return LabelsView{y.data(), y.size()}; }

NoiseOptions uniform(double rate, std::uint64_t seed) {
    NoiseOptions o;
    o.rate = rate;
    o.seed = seed;
    return o;
}

NoiseOptions pair(double rate, std::uint64_t seed, std::int32_t a, std::int32_t b) {
    NoiseOptions o = uniform(rate, seed);
    o.mode = NoiseMode::pair;
    o.class_a = a;
    o.class_b = b;
    return o;
}

NoiseOptions matrix(const RealMatrix& p, std::uint64_t seed) {
    NoiseOptions o;
    o.mode = NoiseMode::matrix;
    o.noise_matrix = p;
    o.seed = seed;
    return o;
}

// The result agrees with itself: flipped = the rows where is_error is 1 = the rows that changed.
void check_consistent(const std::vector<std::int32_t>& y, const NoiseSimulation& s) {
    REQUIRE(s.noisy_labels.size() == y.size());
    REQUIRE(s.is_error.size() == y.size());
    std::vector<std::int32_t> changed;
    for (std::size_t i = 0; i < y.size(); ++i) {
        CHECK(s.is_error[i] == (s.noisy_labels[i] != y[i] ? 1 : 0));
        if (s.noisy_labels[i] != y[i]) changed.push_back(static_cast<std::int32_t>(i));
    }
    CHECK(s.flipped == changed);  // ascending, and no row "flipped" to its own class
}

LabelScopeError expect_error(const std::function<void()>& f, ErrorCode code) {
    try {
        f();
    } catch (const LabelScopeError& e) {
        CHECK_MESSAGE(e.code() == code, "got " << to_string(e.code()) << ": " << e.what());
        return e;
    }
    FAIL("no error for " << to_string(code));
    return LabelScopeError(code, "");
}

}  // namespace

TEST_CASE("seeded random: splitmix64 and xoshiro256** give their reference outputs") {
    SplitMix64 mix(0);
    CHECK(mix.next() == 0xe220a8397b1dcdafULL);  // splitmix64's published first output for seed 0
    // below(n) stays in range and reaches every value.
    SplitMix64 seeder(1);
    Xoshiro256 rng(seeder);
    std::vector<int> seen(7, 0);
    for (int i = 0; i < 700; ++i) {
        const std::uint64_t v = rng.below(7);
        REQUIRE(v < 7);
        ++seen[v];
    }
    for (int c : seen) CHECK(c > 0);
}

TEST_CASE("simulate_noise: uniform mode flips exactly round(rate * N) rows, halves up") {
    const auto y = cycling(1000, 4);
    CHECK(simulate_noise(view(y), 4, uniform(0.1, 7)).flipped.size() == 100);
    CHECK(simulate_noise(view(y), 4, uniform(0.0, 7)).flipped.empty());
    CHECK(simulate_noise(view(y), 4, uniform(1.0, 7)).flipped.size() == 1000);
    CHECK(simulate_noise(view(y), 4, uniform(0.0125, 7)).flipped.size() == 13);  // 12.5 -> 13
    const auto seven = cycling(7, 3);
    CHECK(simulate_noise(view(seven), 3, uniform(0.5, 1)).flipped.size() == 4);  // 3.5 -> 4
    CHECK(simulate_noise(view(seven), 3, uniform(0.2, 1)).flipped.size() == 1);  // 1.4 -> 1
    for (double rate : {0.0, 0.1, 0.33, 1.0}) check_consistent(y, simulate_noise(view(y), 4, uniform(rate, 3)));
}

TEST_CASE("simulate_noise: the same seed flips the same rows to the same classes; another seed does not") {
    const auto y = cycling(500, 5);
    const NoiseSimulation a = simulate_noise(view(y), 5, uniform(0.2, 42));
    const NoiseSimulation b = simulate_noise(view(y), 5, uniform(0.2, 42));
    CHECK(a.flipped == b.flipped);
    CHECK(a.noisy_labels == b.noisy_labels);
    const NoiseSimulation c = simulate_noise(view(y), 5, uniform(0.2, 43));
    CHECK(c.flipped.size() == a.flipped.size());
    CHECK(c.flipped != a.flipped);
    // The largest seed works and differs from seed 0.
    const NoiseSimulation big = simulate_noise(view(y), 5, uniform(0.2, (std::uint64_t{1} << 53) - 1));
    CHECK(big.flipped != simulate_noise(view(y), 5, uniform(0.2, 0)).flipped);
}

TEST_CASE("simulate_noise: pinned rows for seed 7 (native and WebAssembly must flip exactly these)") {
    // 20 labels 0,1,2,0,...; 5 flips. Checked against an independent Python transcription of the
    // algorithm; a change here changes every saved lesson's flips.
    const auto y = cycling(20, 3);
    const NoiseSimulation s = simulate_noise(view(y), 3, uniform(0.25, 7));
    CHECK(s.flipped == std::vector<std::int32_t>{3, 8, 12, 14, 18});
    std::vector<std::int32_t> to;
    for (std::int32_t i : s.flipped) to.push_back(s.noisy_labels[static_cast<std::size_t>(i)]);
    CHECK(to == std::vector<std::int32_t>{2, 0, 1, 1, 2});
}

TEST_CASE("simulate_noise: a higher rate flips the rows of a lower rate, to the same classes, plus more") {
    const auto y = cycling(300, 3);
    const NoiseSimulation low = simulate_noise(view(y), 3, uniform(0.1, 9));
    const NoiseSimulation high = simulate_noise(view(y), 3, uniform(0.3, 9));
    CHECK(high.flipped.size() == 90);
    for (std::int32_t i : low.flipped) {
        const auto r = static_cast<std::size_t>(i);
        CHECK(high.is_error[r] == 1);
        CHECK(high.noisy_labels[r] == low.noisy_labels[r]);
    }
}

TEST_CASE("simulate_noise: uniform targets are spread evenly over the other classes (binomial bound)") {
    // Every row flips (rate 1), so each row of class j goes to one of the K - 1 others with
    // probability 1 / (K - 1): each (true, noisy) cell is Binomial(n_j, 1 / (K - 1)).
    const std::int32_t k = 4;
    const auto y = cycling(40000, k);
    const NoiseSimulation s = simulate_noise(view(y), k, uniform(1.0, 11));
    check_consistent(y, s);
    std::vector<double> cell(k * k, 0.0);
    for (std::size_t i = 0; i < y.size(); ++i) cell[static_cast<std::size_t>(y[i] * k + s.noisy_labels[i])] += 1;
    const double n_j = 10000, p = 1.0 / 3.0;
    const double bound = 5 * std::sqrt(n_j * p * (1 - p));  // 5 standard deviations: ~1 in 1.7 million
    for (std::int32_t j = 0; j < k; ++j)
        for (std::int32_t i = 0; i < k; ++i) {
            const double count = cell[static_cast<std::size_t>(j * k + i)];
            if (i == j)
                CHECK(count == 0);
            else
                CHECK_MESSAGE(std::fabs(count - n_j * p) <= bound, "true " << j << " -> " << i << ": " << count);
        }
}

TEST_CASE("simulate_noise: pair mode flips only rows of the pair, to the other class of the pair") {
    const auto y = cycling(900, 5);  // 180 rows of each class
    const NoiseSimulation s = simulate_noise(view(y), 5, pair(0.25, 5, 1, 3));
    check_consistent(y, s);
    CHECK(s.flipped.size() == 90);  // round(0.25 * 360)
    std::size_t from1 = 0;
    for (std::int32_t i : s.flipped) {
        const auto r = static_cast<std::size_t>(i);
        REQUIRE((y[r] == 1 || y[r] == 3));
        CHECK(s.noisy_labels[r] == (y[r] == 1 ? 3 : 1));
        from1 += y[r] == 1;
    }
    CHECK(from1 > 0);
    CHECK(from1 < 90);  // both directions happen
    // The pair's order does not matter for which rows flip.
    CHECK(simulate_noise(view(y), 5, pair(0.25, 5, 3, 1)).flipped.size() == 90);
    // Rate 1: every row of the pair flips, nothing else.
    const NoiseSimulation all = simulate_noise(view(y), 5, pair(1.0, 5, 1, 3));
    CHECK(all.flipped.size() == 360);
}

TEST_CASE("simulate_noise: matrix mode moves round(n_j * P(i, j)) rows of class j to class i") {
    // Column j = P(noisy = . | true = j).
    const RealMatrix p = unit::reals(3, 3, {0.8, 0.05, 0.0, 0.15, 0.9, 0.3, 0.05, 0.05, 0.7});
    const auto y = cycling(30000, 3);  // 10,000 rows per class
    const NoiseSimulation s = simulate_noise(view(y), 3, matrix(p, 13));
    check_consistent(y, s);
    std::vector<double> cell(9, 0.0);
    for (std::size_t r = 0; r < y.size(); ++r) cell[static_cast<std::size_t>(s.noisy_labels[r] * 3 + y[r])] += 1;
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            CHECK_MESSAGE(std::fabs(cell[i * 3 + j] - 10000 * p(i, j)) <= 1, "cell (" << i << ", " << j << ")");
    // The rows moved out of class 0 are spread over its rows: how many lie in the first half of
    // class 0's rows is hypergeometric (2,000 of 10,000 drawn), within 5 standard deviations.
    std::size_t first_half = 0, moved = 0;
    for (std::int32_t i : s.flipped)
        if (y[static_cast<std::size_t>(i)] == 0) {
            ++moved;
            first_half += i < 15000;
        }
    REQUIRE(moved == 2000);
    const double sd = std::sqrt(2000 * 0.5 * 0.5 * (10000.0 - 2000) / (10000 - 1));
    CHECK(std::fabs(static_cast<double>(first_half) - 1000) <= 5 * sd);
}

TEST_CASE("simulate_noise: matrix apportioning never hands out more rows than a class has") {
    // 3 rows of class 0 split evenly between classes 1 and 2: 1.5 + 1.5 -> 2 + 1.
    const RealMatrix p = unit::reals(3, 3, {0.0, 0.0, 0.0, 0.5, 1.0, 0.0, 0.5, 0.0, 1.0});
    const std::vector<std::int32_t> y = {0, 0, 0, 1, 2};
    const NoiseSimulation s = simulate_noise(view(y), 3, matrix(p, 1));
    check_consistent(y, s);
    CHECK(s.flipped == std::vector<std::int32_t>{0, 1, 2});
    int to1 = 0;
    for (int r = 0; r < 3; ++r) to1 += s.noisy_labels[static_cast<std::size_t>(r)] == 1;
    CHECK(to1 == 2);  // equal remainders: the lower class first
    // The identity matrix flips nothing.
    CHECK(simulate_noise(view(y), 3, matrix(unit::reals(3, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1}), 1)).flipped.empty());
}

TEST_CASE("simulate_noise: bad options are invalid_option errors that say what to give") {
    const auto y = cycling(10, 3);
    for (double rate : {-0.1, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
        const auto e = expect_error([&] { simulate_noise(view(y), 3, uniform(rate, 1)); }, ErrorCode::invalid_option);
        CHECK(mentions(e.what(), "[0, 1]"));
    }
    expect_error([&] { simulate_noise(view(y), 3, uniform(0.1, std::uint64_t{1} << 53)); }, ErrorCode::invalid_option);
    const auto same = expect_error([&] { simulate_noise(view(y), 3, pair(0.1, 1, 2, 2)); }, ErrorCode::invalid_option);
    CHECK(mentions(same.what(), "two different"));
    expect_error([&] { simulate_noise(view(y), 3, pair(0.1, 1, 0, 3)); }, ErrorCode::invalid_option);
    expect_error([&] { simulate_noise(view(y), 3, pair(0.1, 1, -1, 0)); }, ErrorCode::invalid_option);
    expect_error(
        [&] {
            simulate_noise(view(y), 3, matrix(unit::reals(2, 2, {1, 0, 0, 1}), 1));
        },
        ErrorCode::invalid_option);
    const RealMatrix short_column = unit::reals(3, 3, {0.9, 0, 0, 0, 1, 0, 0, 0, 1});
    const auto sum =
        expect_error([&] { simulate_noise(view(y), 3, matrix(short_column, 1)); }, ErrorCode::invalid_option);
    CHECK(mentions(sum.what(), "column 0"));
    const RealMatrix negative = unit::reals(3, 3, {1.5, 0, 0, -0.5, 1, 0, 0, 0, 1});
    expect_error([&] { simulate_noise(view(y), 3, matrix(negative, 1)); }, ErrorCode::invalid_option);
    const std::vector<std::int32_t> bad = {0, 1, 3};
    const auto outside =
        expect_error([&] { simulate_noise(view(bad), 3, uniform(0.1, 1)); }, ErrorCode::label_out_of_range);
    CHECK(outside.example() == 2);
    expect_error([&] { simulate_noise(view(y), 1, uniform(0.1, 1)); }, ErrorCode::too_few_classes);
    expect_error([&] { simulate_noise(LabelsView{}, 3, uniform(0.1, 1)); }, ErrorCode::empty_input);
}

TEST_CASE("noise_seed_from_number: whole numbers in [0, 2^53)") {
    CHECK(noise_seed_from_number(0) == 0);
    CHECK(noise_seed_from_number(9007199254740991.0) == 9007199254740991ULL);
    for (double bad : {-1.0, 0.5, 9007199254740992.0, std::numeric_limits<double>::infinity(),
                       std::numeric_limits<double>::quiet_NaN()})
        expect_error([&] { noise_seed_from_number(bad); }, ErrorCode::invalid_option);
}

TEST_CASE("score_detection: found, precision, recall and F1; undefined ratios are empty") {
    const std::vector<std::uint8_t> is_error = {1, 0, 1, 1, 0, 0};
    const std::vector<std::int32_t> flagged = {2, 4, 0, 2};  // 2 listed twice: counts once
    const DetectionScore d = score_detection(is_error.data(), is_error.size(), flagged.data(), flagged.size());
    CHECK(d.flipped == 3);
    CHECK(d.flagged == 3);
    CHECK(d.found == 2);
    CHECK(*d.precision == doctest::Approx(2.0 / 3));
    CHECK(*d.recall == doctest::Approx(2.0 / 3));
    CHECK(*d.f1 == doctest::Approx(2.0 / 3));

    const DetectionScore none = score_detection(is_error.data(), is_error.size(), nullptr, 0);
    CHECK_FALSE(none.precision.has_value());  // nothing flagged
    CHECK(*none.recall == 0);
    CHECK(*none.f1 == 0);
    const std::vector<std::uint8_t> clean(6, 0);
    const DetectionScore nothing = score_detection(clean.data(), clean.size(), nullptr, 0);
    CHECK_FALSE(nothing.precision.has_value());
    CHECK_FALSE(nothing.recall.has_value());  // nothing flipped
    CHECK_FALSE(nothing.f1.has_value());

    const std::vector<std::int32_t> outside = {6};
    CHECK(mentions(
        expect_error([&] { score_detection(is_error.data(), 6, outside.data(), 1); }, ErrorCode::invalid_option).what(),
        "flagged[0]"));
    const std::vector<std::uint8_t> two = {2};
    expect_error([&] { score_detection(two.data(), 1, nullptr, 0); }, ErrorCode::invalid_option);
}
