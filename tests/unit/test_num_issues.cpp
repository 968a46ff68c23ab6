// docs/ALGORITHMS.md §8 (num_label_issues, three estimation methods) and §10.9 (the reduce step).
#include <doctest/doctest.h>

#include <vector>

#include "unit_helpers.hpp"

using namespace labelscope;
using unit::counts;
using unit::Data;

namespace {

Data nine() {
    return Data(3, {0, 0, 0, 1, 1, 1, 2, 2, 2},
                {{0.9, 0.05, 0.05},
                 {0.7, 0.2, 0.1},
                 {0.2, 0.7, 0.1},
                 {0.1, 0.8, 0.1},
                 {0.2, 0.6, 0.2},
                 {0.45, 0.4, 0.15},
                 {0.1, 0.1, 0.8},
                 {0.2, 0.2, 0.6},
                 {0.6, 0.2, 0.2}});
}

// K = 2. t0 = (0.9+0.8+0.5)/3 ~ 0.733, t1 = (0.7+0.4+0.35+0.5)/4 = 0.4875.
// Example 2 (label 0, row (0.5, 0.5)) is confident only in class 1 -> off-diagonal, but the reduce
// step clears it (0.5 + 1e-6 > 0.5). Uncalibrated C = [[2,1],[0,2]], calibrated [[2,1],[0,4]].
Data binary_half() {
    return Data(2, {0, 0, 0, 1, 1, 1, 1},
                {{0.9, 0.1}, {0.8, 0.2}, {0.5, 0.5}, {0.3, 0.7}, {0.6, 0.4}, {0.65, 0.35}, {0.5, 0.5}});
}

bool wins(std::initializer_list<double> row, std::int32_t given) {
    std::vector<double> r(row);
    return given_label_wins_with_bonus(r.data(), r.size(), given);
}

}  // namespace

TEST_CASE("reduce step: K = 2 rows of (0.5, 0.5) are cleared with either label (docs/ALGORITHMS.md §15.4)") {
    CHECK(wins({0.5, 0.5}, 0));
    CHECK(wins({0.5, 0.5}, 1));
    CHECK_FALSE(wins({0.6, 0.4}, 1));
    CHECK(wins({0.6, 0.4}, 0));
}

TEST_CASE("reduce step: the bonus is 1e-6, strict against earlier classes, >= against later ones") {
    // given 1, earlier class 0 = 0.4: needs P1 + 1e-6 > 0.4.
    CHECK(wins({0.4, 0.3999995, 0.2}, 1));        // 0.4000005 > 0.4
    CHECK_FALSE(wins({0.4, 0.3999985, 0.2}, 1));  // 0.3999995 < 0.4
    // given 1, later class 2: needs P1 + 1e-6 >= P2.
    CHECK(wins({0.2, 0.4, 0.4000005}, 1));        // 0.400001 >= 0.4000005
    CHECK_FALSE(wins({0.2, 0.4, 0.4000015}, 1));  // 0.400001 < 0.4000015
    CHECK_FALSE(wins({0.3, 0.3000005, 0.4}, 1));
}

TEST_CASE("reduce step: exact ties after the bonus go to the first index") {
    const double a = 0.4 + 1e-6;  // the same expression the bonus uses
    // given 1 and q = (a, a, 0.1): argmax is index 0 -> not cleared.
    CHECK_FALSE(wins({a, 0.4, 0.1}, 1));
    // given 0 and q = (a, a, 0.1): argmax is index 0 = given -> cleared.
    CHECK(wins({0.4, a, 0.1}, 0));
}

TEST_CASE("num_label_issues 'off_diagonal': off-diagonal examples that survive the reduce step") {
    Data d = nine();  // off-diagonal set {2, 8}; neither has its label within 1e-6 of the max
    CHECK(num_label_issues(d.lv(), d.pv()) == 2);
    CHECK(num_label_issues(d.lv(), d.pv(), EstimationMethod::off_diagonal) == 2);

    Data b = binary_half();  // off-diagonal set {2}, cleared by the reduce step
    CHECK(num_label_issues(b.lv(), b.pv()) == 0);
    auto cj = compute_confident_joint(b.lv(), b.pv());
    CHECK(cj.off_diagonal == IndexList{2});
    CHECK(count_off_diagonal_issues(b.lv(), b.pv(), cj) == 0);
    CHECK(count_off_diagonal_issues(d.lv(), d.pv(), compute_confident_joint(d.lv(), d.pv())) == 2);
}

TEST_CASE("num_label_issues 'off_diagonal_calibrated' = rint((1 - trace(Q)) * N)") {
    // nine: calibrated [[2,1,0],[0,3,0],[1,0,2]], trace(Q) = 7/9 -> (2/9)*9 = 2.
    Data d = nine();
    CHECK(num_label_issues(d.lv(), d.pv(), EstimationMethod::off_diagonal_calibrated) == 2);
    // binary_half: calibrated [[2,1],[0,4]] (n = (3,4), R = (3,2): A = (2,1), (0,4)),
    // trace(Q) = 6/7 -> (1/7)*7 = 1, while the default method gives 0.
    Data b = binary_half();
    CHECK(compute_confident_joint(b.lv(), b.pv()).calibrated == counts(2, {2, 1, 0, 4}));
    CHECK(num_label_issues(b.lv(), b.pv(), EstimationMethod::off_diagonal_calibrated) == 1);
}

TEST_CASE("num_label_issues 'off_diagonal_custom' calibrates the user joint first") {
    // C_u = [[1,1],[1,3]], n = (3,4): A0 = (1.5,1.5) -> (1,2) (either rounding path), A1 = (1,3).
    // trace = 4 of 7 -> rint((1 - 4/7) * 7) = 3.
    Data b = binary_half();
    const auto cu = counts(2, {1, 1, 1, 3});
    CHECK(num_label_issues(b.lv(), b.pv(), EstimationMethod::off_diagonal_custom, &cu) == 3);
    // A custom joint with another method is ignored.
    CHECK(num_label_issues(b.lv(), b.pv(), EstimationMethod::off_diagonal, &cu) == 0);
}

TEST_CASE("num_label_issues 'off_diagonal_custom' without a joint is an invalid option") {
    Data b = binary_half();
    try {
        num_label_issues(b.lv(), b.pv(), EstimationMethod::off_diagonal_custom, nullptr);
        FAIL("expected LabelScopeError");
    } catch (const LabelScopeError& e) {
        CHECK(e.code() == ErrorCode::invalid_option);
        CHECK(unit::mentions_any(e.what(), {"confident_joint", "confident joint", "custom"}));
    }
}

TEST_CASE("num_label_issues equals the number of confident_learning flags") {
    for (const Data& d : {nine(), binary_half()}) {
        FindIssuesOptions o;
        o.filter_by = FilterBy::confident_learning;
        auto mask = find_label_issues(d.lv(), d.pv(), o);
        CHECK(static_cast<std::int64_t>(unit::indices(mask).size()) == num_label_issues(d.lv(), d.pv()));
    }
}
