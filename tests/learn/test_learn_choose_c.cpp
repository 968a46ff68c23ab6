// The automatic choice of C (learn/choose_c.hpp): which inner splits are scored, how their
// held-out losses add up, where the path stops; and the unpenalised intercepts of logistic.hpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <set>
#include <vector>

#include "learn/choose_c.hpp"
#include "learn/features_data.hpp"
#include "learn/fit.hpp"
#include "learn/lbfgs.hpp"
#include "learn/logistic.hpp"
#include "learn_data.hpp"

using namespace labelscope::learn;

namespace {

// A stand-in model: its held-out loss for each C comes from a table, one row per split (every
// held-out row alike), or per held-out row from a function.
struct Recorder {
    std::vector<std::vector<double>> loss_by_split;  // [split][index of C in C_GRID]
    std::function<double(std::size_t split, std::size_t at, std::size_t row)> row_loss;
    std::vector<std::vector<std::uint32_t>> train, valid;
    std::vector<std::vector<double>> asked;  // the C values each split was fitted at, in order
};

class TablePath : public PathFit {
public:
    TablePath(Recorder& r, std::size_t split) : r_(r), split_(split) {}
    HeldOut fit_and_score(double c) override {
        r_.asked[split_].push_back(c);
        const std::size_t at = r_.asked[split_].size() - 1;
        HeldOut held;
        for (std::size_t i = 0; i < r_.valid[split_].size(); ++i) {
            held.row_loss.push_back(r_.row_loss ? r_.row_loss(split_, at, i) : r_.loss_by_split[split_][at]);
            held.loss += held.row_loss.back();
            held.count += 1;
        }
        return held;
    }

private:
    Recorder& r_;
    std::size_t split_;
};

MakePathFit recording(Recorder& r) {
    return
        [&r](const Design& design, const std::vector<std::uint32_t>& train, const std::vector<std::uint32_t>& valid) {
            CHECK(design.rows > 0);
            r.train.push_back(train);
            r.valid.push_back(valid);
            r.asked.emplace_back();
            return std::unique_ptr<PathFit>(new TablePath(r, r.train.size() - 1));
        };
}

Features numeric_features(std::size_t n, std::size_t d) {
    SplitMix64 rng(5);
    std::vector<double> x(n * d);
    for (auto& v : x) v = learn_test::normalish(rng);
    return features_from_dense({n, d, x.data(), DenseInput::Type::f64}, nullptr);
}

}  // namespace

TEST_CASE("learn: on small data C is chosen by the held-out loss summed over every inner split") {
    const std::size_t n = 100;
    std::vector<std::uint32_t> rows(n);
    std::vector<int> inner(n);
    for (std::size_t i = 0; i < n; ++i) {
        rows[i] = static_cast<std::uint32_t>(2 * i);  // any subset of the rows, in order
        inner[i] = static_cast<int>(i % 5);
    }
    const Features big = numeric_features(2 * n, 3);
    Recorder r;
    // Split 0 alone would pick C = 0.001; the other four, and so the sum, prefer C = 1.
    const std::vector<double> first = {0.10, 0.20, 0.30, 0.40, 0.50, 0.60};
    const std::vector<double> others = {0.50, 0.40, 0.30, 0.20, 0.25, 0.30};
    r.loss_by_split = {first, others, others, others, others};
    const ChosenC chosen = choose_c(big.data(), rows, inner, 5, 3.0, recording(r));
    CHECK(chosen.splits == 5);
    CHECK(chosen.c == 1.0);
    // The path stops at the first C worse than the best (10), for every split alike.
    CHECK(chosen.tried == "0.001, 0.01, 0.1, 1, 10");
    REQUIRE(r.asked.size() == 5);
    for (const auto& asked : r.asked) CHECK(asked == std::vector<double>{0.001, 0.01, 0.1, 1.0, 10.0});
    // Split v holds out inner fold v and trains on the rest: the held-out rows partition `rows`.
    std::set<std::uint32_t> held;
    for (std::size_t v = 0; v < 5; ++v) {
        CHECK(r.valid[v].size() == n / 5);
        CHECK(r.train[v].size() == n - n / 5);
        for (const std::uint32_t i : r.valid[v]) {
            CHECK(inner[i / 2] == static_cast<int>(v));
            CHECK(std::find(r.train[v].begin(), r.train[v].end(), i) == r.train[v].end());
            held.insert(i);
        }
    }
    CHECK(held.size() == n);
}

TEST_CASE("learn: on large data C is chosen on fewer inner splits, at least one") {
    // rows x (columns + 1) x cost = 0.8 * 5,000 x 101 x 10 = 4.04e6 per split: over the budget for two.
    const std::size_t n = 5000, d = 100;
    const Features f = numeric_features(n, d);
    std::vector<std::uint32_t> rows(n);
    std::vector<int> inner(n);
    for (std::size_t i = 0; i < n; ++i) {
        rows[i] = static_cast<std::uint32_t>(i);
        inner[i] = static_cast<int>(i % 5);
    }
    Recorder r;
    r.loss_by_split = {{0.5, 0.4, 0.6, 0.7, 0.8, 0.9}};
    const ChosenC chosen = choose_c(f.data(), rows, inner, 5, 10.0, recording(r));
    CHECK(chosen.splits == 1);
    CHECK(chosen.c == 0.01);
    CHECK(chosen.tried == "0.001, 0.01, 0.1");
    // Half the cost per value: two splits fit in the budget.
    Recorder r2;
    r2.loss_by_split = {{0.5, 0.4, 0.6, 0.7, 0.8, 0.9}, {0.5, 0.4, 0.6, 0.7, 0.8, 0.9}};
    CHECK(choose_c(f.data(), rows, inner, 5, 4.0, recording(r2)).splits == 2);
}

TEST_CASE("learn: C moves away from the default 1 only when it scores lower by more than one standard error") {
    const std::size_t n = 100;
    std::vector<std::uint32_t> rows(n);
    std::vector<int> inner(n);
    for (std::size_t i = 0; i < n; ++i) {
        rows[i] = static_cast<std::uint32_t>(i);
        inner[i] = static_cast<int>(i % 5);
    }
    const Features f = numeric_features(n, 3);
    // Mean held-out losses along the path 0.001, 0.01, 0.1, 1: 0.9, 0.7, 0.49, 0.5, so 0.1 scores
    // lowest and the path stops at 1. Row i of a split at C = 0.1 differs from C = 1 by
    // -0.01 + spread * (+1 or -1): the difference of the sums is -1 over the 100 held-out rows, its
    // standard error sqrt(100) * spread (about).
    const auto path = [](double spread) {
        return [spread](std::size_t, std::size_t at, std::size_t row) {
            const double mean[] = {0.9, 0.7, 0.49, 0.5};
            return at == 2 ? 0.5 - 0.01 + spread * (row % 2 == 0 ? 1.0 : -1.0) : mean[at];
        };
    };
    Recorder noisy;
    noisy.row_loss = path(0.3);  // standard error ~3 > 1: not clear, the default stays
    const ChosenC kept = choose_c(f.data(), rows, inner, 5, 3.0, recording(noisy));
    CHECK(kept.splits == 5);
    CHECK(kept.tried == "0.001, 0.01, 0.1, 1");
    CHECK(kept.lowest == 0.1);
    CHECK(kept.c == 1.0);
    CHECK(lowest_note(kept) == "; 0.1 scored lowest, by less than one standard error");
    Recorder clear;
    clear.row_loss = path(0.001);  // standard error ~0.01 < 1: clear, 0.1 is chosen
    const ChosenC moved = choose_c(f.data(), rows, inner, 5, 3.0, recording(clear));
    CHECK(moved.lowest == 0.1);
    CHECK(moved.c == 0.1);
    CHECK(lowest_note(moved).empty());
}

TEST_CASE("learn: a path that stops before 1 keeps its lowest C, even with a nearer C within one standard error") {
    const std::size_t n = 100;
    std::vector<std::uint32_t> rows(n);
    std::vector<int> inner(n);
    for (std::size_t i = 0; i < n; ++i) {
        rows[i] = static_cast<std::uint32_t>(i);
        inner[i] = static_cast<int>(i % 5);
    }
    const Features f = numeric_features(n, 3);
    // 0.01 lowest; 0.1 worse by 0.005 a row on average (the path stops there) with a spread of 0.2
    // per row, so within one standard error; the loss rose on the way to 1, so 0.01 stays.
    Recorder r;
    r.row_loss = [](std::size_t, std::size_t at, std::size_t row) {
        const double sign = row % 2 == 0 ? 1.0 : -1.0;
        return at == 0 ? 0.7 : at == 1 ? 0.5 : 0.505 + 0.2 * sign;
    };
    const ChosenC chosen = choose_c(f.data(), rows, inner, 5, 3.0, recording(r));
    CHECK(chosen.tried == "0.001, 0.01, 0.1");
    CHECK(chosen.lowest == 0.01);
    CHECK(chosen.c == 0.01);
    CHECK(lowest_note(chosen).empty());
}

TEST_CASE("learn: the intercepts are not penalised (as scikit-learn): mean probabilities equal class shares") {
    // At the optimum the gradient of an unpenalised intercept is mean(p_k - [y = k]) = 0: the mean
    // predicted probability of each class is its share of the rows, whatever C. A penalised
    // intercept would pull the means towards 1/3.
    const std::size_t n = 100;
    std::vector<std::int32_t> labels(n);
    std::vector<double> x(n);
    SplitMix64 rng(17);
    for (std::size_t i = 0; i < n; ++i) {
        labels[i] = i < 60 ? 0 : i < 90 ? 1 : 2;
        x[i] = labels[i] + learn_test::normalish(rng);
    }
    const Features f = features_from_dense({n, 1, x.data(), DenseInput::Type::f64}, nullptr);
    std::vector<std::uint32_t> rows(n);
    for (std::size_t i = 0; i < n; ++i) rows[i] = static_cast<std::uint32_t>(i);
    Design design;
    build_design(f.data(), rows, design);
    for (const double c : {0.001, 1.0}) {
        CAPTURE(c);
        LogisticProblem pb{&design, labels.data(), rows.data(), n, 3, c, {1.0, 1.0, 1.0}};
        std::vector<double> theta(pb.params(), 0.0);  // zero intercepts: the optimiser must find them
        auto objective = [&](const double* t, double* g) { return logistic_loss_grad(pb, t, g); };
        CHECK(lbfgs_minimize(objective, theta, 1000, 1e-12).converged);
        std::vector<double> probs(n * 3);
        logistic_predict(design, 3, theta.data(), rows.data(), n, probs.data());
        double mean[3] = {0, 0, 0};
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = 0; k < 3; ++k) mean[k] += probs[i * 3 + k] / static_cast<double>(n);
        // A penalised intercept would be off by ~1e-2 at C = 1 and near 1/3 at C = 0.001.
        const double share[3] = {0.6, 0.3, 0.1};
        for (std::size_t k = 0; k < 3; ++k) {
            CAPTURE(k);
            CAPTURE(mean[k] - share[k]);
            CHECK(std::fabs(mean[k] - share[k]) < 1e-6);
        }
        // Shifting every intercept by the same amount changes no probability, so no objective either.
        std::vector<double> grad(pb.params()), shifted = theta;
        for (std::size_t k = 0; k < 3; ++k) shifted[pb.params() - 3 + k] += 100.0;
        CHECK(logistic_loss_grad(pb, shifted.data(), grad.data()) ==
              doctest::Approx(logistic_loss_grad(pb, theta.data(), grad.data())).epsilon(1e-12));
    }
}
