// The optimiser and the model: gradient against finite differences, and known solutions on
// one-feature binary problems (separable and not) solved independently by bisection below.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "learn/design.hpp"
#include "learn/features_data.hpp"
#include "learn/lbfgs.hpp"
#include "learn/logistic.hpp"
#include "learn_data.hpp"

using namespace labelscope::learn;

namespace {

std::vector<std::uint32_t> all_rows(std::size_t n) {
    std::vector<std::uint32_t> r(n);
    for (std::size_t i = 0; i < n; ++i) r[i] = static_cast<std::uint32_t>(i);
    return r;
}

// p(class 1 | x = +1) for the symmetric one-feature problem: at x = +1, `a` examples of class 1
// and `b` of class 0; at x = -1 the reverse. By symmetry both intercepts are equal and
// W = (-w, w); with u = 2w the stationarity condition of scikit-learn's binary objective
// C sum_i log(1 + exp(-y_i u x_i)) + u^2 / 2 (the K = 2 model of logistic.hpp) is
//   2 (b s(u) - a s(-u)) + u / C = 0,  s = logistic sigmoid,
// increasing in u, solved here by bisection with std::exp (independent of the code under test).
double symmetric_solution(double a, double b, double c) {
    auto g = [&](double u) {
        const double s = 1.0 / (1.0 + std::exp(-u));
        return 2.0 * (b * s - a * (1.0 - s)) + u / c;
    };
    double lo = -60, hi = 60;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (g(mid) > 0 ? hi : lo) = mid;
    }
    const double u = 0.5 * (lo + hi);
    return 1.0 / (1.0 + std::exp(-u));
}

// Fits the symmetric problem on all rows and returns p(class 1) at x = +1.
double fitted_symmetric(int a, int b, double c) {
    NumericColumn x{"x", {}};
    std::vector<std::int32_t> labels;
    for (int side = 0; side < 2; ++side) {
        const double v = side == 0 ? 1.0 : -1.0;
        for (int i = 0; i < a; ++i) {
            x.values.push_back(v);
            labels.push_back(side == 0 ? 1 : 0);
        }
        for (int i = 0; i < b; ++i) {
            x.values.push_back(v);
            labels.push_back(side == 0 ? 0 : 1);
        }
    }
    TableColumns table;
    table.numeric.push_back(x);
    const Features f = features_from_table(table, {}, nullptr);
    const auto rows = all_rows(labels.size());
    Design design;
    build_design(f.data(), rows, design);  // x is already mean 0, sd 1: standardisation keeps it
    LogisticProblem pb{&design, labels.data(), rows.data(), rows.size(), 2, c, {1.0, 1.0}};
    std::vector<double> theta(pb.params(), 0.0);
    auto objective = [&](const double* t, double* g) { return logistic_loss_grad(pb, t, g); };
    const LbfgsResult r = lbfgs_minimize(objective, theta, 500, 1e-12);
    CHECK(r.converged);
    std::vector<double> probs(2);
    const std::uint32_t first = 0;  // row 0 has x = +1
    logistic_predict(design, 2, theta.data(), &first, 1, probs.data());
    return probs[1];
}

}  // namespace

TEST_CASE("learn: loss gradient matches central finite differences (dense, one-hot and text)") {
    const auto blobs = learn_test::make_blobs(60, 3, 4, 1.5, 7, true);
    const Features f = features_from_table(blobs.table, {}, nullptr);
    const auto rows = all_rows(60);
    std::vector<std::uint32_t> train(rows.begin(), rows.begin() + 45);
    Design design;
    build_design(f.data(), train, design);
    LogisticProblem pb{&design, blobs.labels.data(), train.data(), train.size(), 3, 0.7, {1.0, 2.0, 0.5}};
    const std::size_t np = pb.params();
    REQUIRE(np == (f.dense_cols() + f.text_cols() + 1) * 3);
    SplitMix64 rng(3);
    std::vector<double> theta(np), grad(np), scratch(np);
    for (auto& t : theta) t = learn_test::normalish(rng) * 0.3;
    logistic_loss_grad(pb, theta.data(), grad.data());
    double worst = 0;
    for (std::size_t p = 0; p < np; ++p) {
        const double h = 1e-5;
        std::vector<double> plus = theta, minus = theta;
        plus[p] += h;
        minus[p] -= h;
        const double numeric = (logistic_loss_grad(pb, plus.data(), scratch.data()) -
                                logistic_loss_grad(pb, minus.data(), scratch.data())) /
                               (2 * h);
        worst = std::max(worst, std::fabs(numeric - grad[p]) / std::max(1e-3, std::fabs(grad[p])));
    }
    CHECK(worst < 1e-6);
}

TEST_CASE("learn: non-separable one-feature problem reaches the known solution") {
    // a = 30 of class 1 and b = 10 of class 0 at x = +1 (mirrored at x = -1).
    for (const double c : {0.05, 1.0, 1e6}) {
        CAPTURE(c);
        CHECK(fitted_symmetric(30, 10, c) == doctest::Approx(symmetric_solution(30, 10, c)).epsilon(1e-8));
    }
    // Almost no penalty: the class frequency at x = +1.
    CHECK(symmetric_solution(30, 10, 1e6) == doctest::Approx(0.75).epsilon(1e-4));
}

TEST_CASE("learn: separable one-feature problem stays finite and reaches the penalised solution") {
    for (const double c : {0.01, 1.0, 100.0}) {
        CAPTURE(c);
        const double want = symmetric_solution(25, 0, c);
        CHECK(want < 1.0);
        CHECK(fitted_symmetric(25, 0, c) == doctest::Approx(want).epsilon(1e-8));
    }
}
