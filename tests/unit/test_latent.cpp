// docs/ALGORITHMS.md §7: joint Q, noise matrices, priors py (four methods), clipping, convergence.
#include <doctest/doctest.h>

#include <vector>

#include "unit_helpers.hpp"

using namespace labelscope;
using doctest::Approx;  // note: Approx is absolute near 0 unless .scale(0)
using unit::counts;
using unit::Data;

namespace {

void check_matrix(const RealMatrix& m, std::size_t k, std::initializer_list<double> expected) {
    REQUIRE(m.rows == k);
    REQUIRE(m.cols == k);
    std::size_t i = 0;
    for (double e : expected) {
        INFO("cell " << i / k << "," << i % k);
        CHECK(m.values[i] == Approx(e).epsilon(1e-12));
        ++i;
    }
}

double column_sum(const RealMatrix& m, std::size_t j) {
    double s = 0;
    for (std::size_t i = 0; i < m.rows; ++i) s += m(i, j);
    return s;
}

}  // namespace

TEST_CASE("estimate_joint_from_confident_joint: calibrate, then divide by the total") {
    // [[4,1],[2,3]] with n = (5,5) is already calibrated (rows sum to n). Q = C / 10.
    auto q = estimate_joint_from_confident_joint(counts(2, {4, 1, 2, 3}), {5, 5});
    REQUIRE(q.values.size() == 4);
    CHECK(q(0, 0) == 4.0 / 10);
    CHECK(q(0, 1) == 1.0 / 10);
    CHECK(q(1, 0) == 2.0 / 10);
    CHECK(q(1, 1) == 3.0 / 10);
    // An uncalibrated matrix is calibrated first: [[3,1],[1,1]], n=(5,5) -> [[4,1],[2,3]] (test_calibration).
    auto q2 = estimate_joint_from_confident_joint(counts(2, {3, 1, 1, 1}), {5, 5});
    CHECK(q2 == q);
}

TEST_CASE("estimate_latent on a calibrated 2x2 joint: all py methods agree") {
    // C = [[4,1],[2,3]], n = (5,5): ps = (0.5,0.5), R = (5,5), T = (6,4).
    // NM[k][j] = C[k][j]/T_j = [[4/6, 1/4],[2/6, 3/4]].
    // INV[j][k] = C[k][j]/R_k = [[0.8, 0.4],[0.2, 0.6]].
    // cnt: py0 = 0.8/(4/6)*0.5 = 0.6, py1 = 0.6/0.75*0.5 = 0.4.
    // marginal: T/sum T = (0.6, 0.4). marginal_ps: INV*ps = (0.6, 0.4).
    // eqn: NM^-1 = 12/5*[[3/4,-1/4],[-1/3,2/3]] = [[1.8,-0.6],[-0.8,1.6]]; * ps = (0.6, 0.4).
    const auto c = counts(2, {4, 1, 2, 3});
    for (PyMethod m : {PyMethod::cnt, PyMethod::eqn, PyMethod::marginal, PyMethod::marginal_ps}) {
        INFO(to_string(m));
        auto e = estimate_latent(c, {5, 5}, m, false);
        REQUIRE(e.py.size() == 2);
        CHECK(e.py[0] == Approx(0.6).epsilon(1e-12));
        CHECK(e.py[1] == Approx(0.4).epsilon(1e-12));
        check_matrix(e.noise_matrix, 2, {4.0 / 6, 0.25, 2.0 / 6, 0.75});
        check_matrix(e.inverse_noise_matrix, 2, {0.8, 0.4, 0.2, 0.6});
    }
}

TEST_CASE("estimate_latent on an uncalibrated joint: the py methods differ") {
    // C = [[3,1],[2,2]], n = (6,2), N = 8: ps = (0.75, 0.25), R = (4,4), T = (5,3).
    // NM = [[3/5, 1/3],[2/5, 2/3]];  INV = [[3/4, 2/4],[1/4, 2/4]].
    const auto c = counts(2, {3, 1, 2, 2});
    const std::vector<std::int64_t> n = {6, 2};

    SUBCASE("cnt: (0.75/0.6*0.75, 0.5/(2/3)*0.25) = (0.9375, 0.1875), renormalised to (5/6, 1/6)") {
        auto e = estimate_latent(c, n, PyMethod::cnt, false);
        CHECK(e.py[0] == Approx(5.0 / 6).epsilon(1e-12));
        CHECK(e.py[1] == Approx(1.0 / 6).epsilon(1e-12));
        check_matrix(e.noise_matrix, 2, {0.6, 1.0 / 3, 0.4, 2.0 / 3});
        check_matrix(e.inverse_noise_matrix, 2, {0.75, 0.5, 0.25, 0.5});
    }
    SUBCASE("marginal: T / sum T = (5/8, 3/8)") {
        auto e = estimate_latent(c, n, PyMethod::marginal, false);
        CHECK(e.py[0] == Approx(0.625).epsilon(1e-12));
        CHECK(e.py[1] == Approx(0.375).epsilon(1e-12));
    }
    SUBCASE("marginal_ps: INV*ps = (0.75*0.75+0.5*0.25, 0.25*0.75+0.5*0.25) = (0.6875, 0.3125)") {
        auto e = estimate_latent(c, n, PyMethod::marginal_ps, false);
        CHECK(e.py[0] == Approx(0.6875).epsilon(1e-12));
        CHECK(e.py[1] == Approx(0.3125).epsilon(1e-12));
    }
    SUBCASE("eqn: NM^-1*ps = (1.5625, -0.5625), clipped to (1, 1e-6) and renormalised") {
        // det NM = 0.6*2/3 - 1/3*0.4 = 4/15; NM^-1 = [[2.5,-1.25],[-1.5,2.25]].
        auto e = estimate_latent(c, n, PyMethod::eqn, false);
        CHECK(e.py[0] == Approx(1.0 / (1.0 + 1e-6)).epsilon(1e-12));
        CHECK(e.py[1] == Approx(1e-6 / (1.0 + 1e-6)).epsilon(1e-9).scale(0));
    }
}

TEST_CASE("estimate_latent clips off-diagonal noise rates at 0.9999 and renormalises columns") {
    // C = [[1,0],[100000,1]], n = (1, 100001): T0 = 100001.
    // NM column 0 = (1/100001, 100000/100001 = 0.99999 > 0.9999 -> 0.9999); diagonal kept;
    // renormalised: d/(d + 0.9999), 0.9999/(d + 0.9999) with d = 1/100001.
    // INV[j][0] = C[0][j]/R_0 = (1, 0); INV[j][1] = C[1][j]/R_1 = (100000/100001 -> 0.9999, 1/100001).
    auto e = estimate_latent(counts(2, {1, 0, 100000, 1}), {1, 100001}, PyMethod::cnt, false);
    const double d = 1.0 / 100001;
    CHECK(e.noise_matrix(0, 0) == Approx(d / (d + 0.9999)).epsilon(1e-12).scale(0));
    CHECK(e.noise_matrix(1, 0) == Approx(0.9999 / (d + 0.9999)).epsilon(1e-12));
    CHECK(e.noise_matrix(0, 1) == Approx(0.0));
    CHECK(e.noise_matrix(1, 1) == Approx(1.0).epsilon(1e-12));
    CHECK(e.inverse_noise_matrix(0, 1) == Approx(0.9999 / (d + 0.9999)).epsilon(1e-12));
    CHECK(e.inverse_noise_matrix(1, 1) == Approx(d / (d + 0.9999)).epsilon(1e-12).scale(0));
    CHECK(e.inverse_noise_matrix(0, 0) == Approx(1.0).epsilon(1e-12));
    // py (cnt) comes from the matrices BEFORE clipping: ps = (1/100002, 100001/100002),
    // py0 = INV00/NM00*ps0 = 1/(1/100001)/100002 = 100001/100002, py1 = (1/100001)/1*ps1 = 1/100002.
    // (With the clipped NM00 = d/(d+0.9999) it would be ~0.9999 instead.)
    CHECK(e.py[0] == Approx(100001.0 / 100002).epsilon(1e-12));
    CHECK(e.py[1] == Approx(1.0 / 100002).epsilon(1e-9).scale(0));
}

TEST_CASE("estimate_latent with convergence: a Bayes-consistent joint is a fixed point") {
    // For [[4,1],[2,3]], n=(5,5): INV[j][k] = NM[k][j]*py_j/ps_k reproduces INV
    // (e.g. INV[0][1] = NM[1][0]*0.6/0.5 = (1/3)*1.2 = 0.4), so the iterations change nothing.
    auto e = estimate_latent(counts(2, {4, 1, 2, 3}), {5, 5}, PyMethod::cnt, true);
    CHECK(e.py[0] == Approx(0.6).epsilon(1e-12));
    CHECK(e.py[1] == Approx(0.4).epsilon(1e-12));
    check_matrix(e.noise_matrix, 2, {4.0 / 6, 0.25, 2.0 / 6, 0.75});
    check_matrix(e.inverse_noise_matrix, 2, {0.8, 0.4, 0.2, 0.6});
}

TEST_CASE("estimate_latent with convergence keeps its invariants on a non-fixed-point joint") {
    auto e = estimate_latent(counts(3, {5, 2, 1, 3, 4, 0, 1, 1, 6}), {8, 7, 8}, PyMethod::marginal, true);
    double s = 0;
    for (double p : e.py) {
        CHECK(p >= 1e-5 / 1.0001);
        s += p;
    }
    CHECK(s == Approx(1.0).epsilon(1e-12));
    for (std::size_t j = 0; j < 3; ++j) {
        CHECK(column_sum(e.noise_matrix, j) == Approx(1.0).epsilon(1e-12));
        CHECK(column_sum(e.inverse_noise_matrix, j) == Approx(1.0).epsilon(1e-12));
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK(e.noise_matrix(i, j) >= 0.0);
            CHECK(e.inverse_noise_matrix(i, j) >= 0.0);
        }
    }
}

TEST_CASE("estimate_py_and_noise_matrices_from_probabilities on the nine-example dataset") {
    // Calibrated joint [[2,1,0],[0,3,0],[1,0,2]] (test_confident_joint), n = (3,3,3), T = (3,4,2).
    // NM = C/T = [[2/3,1/4,0],[0,3/4,0],[1/3,0,1]], INV = C^T/3, py = T/N = (3/9, 4/9, 2/9).
    // This joint is a fixed point of the convergence loop (INV[1][0] = NM[0][1]*py1/ps0 = 1/4*4/9*3 = 1/3).
    Data d(3, {0, 0, 0, 1, 1, 1, 2, 2, 2},
           {{0.9, 0.05, 0.05},
            {0.7, 0.2, 0.1},
            {0.2, 0.7, 0.1},
            {0.1, 0.8, 0.1},
            {0.2, 0.6, 0.2},
            {0.45, 0.4, 0.15},
            {0.1, 0.1, 0.8},
            {0.2, 0.2, 0.6},
            {0.6, 0.2, 0.2}});
    for (bool converge : {true, false}) {
        INFO("converge = " << converge);
        auto e = estimate_py_and_noise_matrices_from_probabilities(d.lv(), d.pv(), PyMethod::cnt, converge);
        CHECK(e.confident_joint == counts(3, {2, 1, 0, 0, 3, 0, 1, 0, 2}));
        CHECK(e.py[0] == Approx(3.0 / 9).epsilon(1e-12));
        CHECK(e.py[1] == Approx(4.0 / 9).epsilon(1e-12));
        CHECK(e.py[2] == Approx(2.0 / 9).epsilon(1e-12));
        check_matrix(e.noise_matrix, 3, {2.0 / 3, 0.25, 0, 0, 0.75, 0, 1.0 / 3, 0, 1});
        check_matrix(e.inverse_noise_matrix, 3, {2.0 / 3, 0, 1.0 / 3, 1.0 / 3, 1, 0, 0, 0, 2.0 / 3});
    }
    // estimate_joint = calibrated / 9.
    auto q = estimate_joint(d.lv(), d.pv());
    check_matrix(q, 3, {2.0 / 9, 1.0 / 9, 0, 0, 3.0 / 9, 0, 1.0 / 9, 0, 2.0 / 9});
}

TEST_CASE("an absent class gets py clipped to about 1e-6") {
    // n = (3, 2, 0): calibrated row 2 is zero, column 2 is zero, so cnt gives py_2 = 0 -> 1e-6.
    Data d(3, {0, 0, 1, 1, 0}, {{0.8, 0.1, 0.1}, {0.6, 0.3, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.5, 0.4}, {0.1, 0.2, 0.7}});
    auto e = estimate_py_and_noise_matrices_from_probabilities(d.lv(), d.pv(), PyMethod::cnt, false);
    CHECK(e.py[2] == Approx(1e-6).epsilon(1e-3).scale(0));
    CHECK(e.py[0] + e.py[1] + e.py[2] == Approx(1.0).epsilon(1e-12));
    // With convergence (the default) the final clip uses low = 1e-5: py_2 = 1e-5 / 1.00001.
    auto c = estimate_py_and_noise_matrices_from_probabilities(d.lv(), d.pv());
    CHECK(c.py[2] == Approx(1e-5).epsilon(1e-3).scale(0));
    CHECK(c.py[0] + c.py[1] + c.py[2] == Approx(1.0).epsilon(1e-12));
}
