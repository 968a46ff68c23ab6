// docs/ALGORITHMS.md §12: class-quality table, overlapping classes (ordering ties), overall health score.
#include <doctest/doctest.h>

#include <vector>

#include "filter_data.hpp"

using namespace labelscope;
using doctest::Approx;
using unit::reals;

TEST_CASE("class table from a dyadic joint; ties in quality keep class order") {
    // Q = [[0.25,0.125,0],[0,0.25,0],[0.125,0,0.25]], N = 8.
    // rho = (0.375, 0.25, 0.375), gamma = (0.375, 0.375, 0.25), q = (0.25, 0.25, 0.25).
    // issues = rint((rho-q)*8) = (1, 0, 1); inverse = rint((gamma-q)*8) = (1, 1, 0).
    // noise = (1/3, 0, 1/3); inverse noise = (1/3, 1/3, 0); quality = (2/3, 1, 2/3) -> order 0, 2, 1.
    auto t = rank_classes_by_label_quality(reals(3, 3, {0.25, 0.125, 0, 0, 0.25, 0, 0.125, 0, 0.25}), 8);
    REQUIRE(t.size() == 3);
    CHECK(t[0].class_index == 0);
    CHECK(t[1].class_index == 2);
    CHECK(t[2].class_index == 1);
    CHECK(t[0].label_issues == 1);
    CHECK(t[0].inverse_label_issues == 1);
    CHECK(t[1].label_issues == 1);
    CHECK(t[1].inverse_label_issues == 0);
    CHECK(t[2].label_issues == 0);
    CHECK(t[2].inverse_label_issues == 1);
    CHECK(t[0].label_noise == 0.125 / 0.375);
    CHECK(t[0].inverse_label_noise == 0.125 / 0.375);
    CHECK(t[0].label_quality_score == 1 - 0.125 / 0.375);
    CHECK(t[1].inverse_label_noise == 0.0);
    CHECK(t[2].label_noise == 0.0);
    CHECK(t[2].label_quality_score == 1.0);
    CHECK(t[2].inverse_label_noise == 0.125 / 0.375);
}

TEST_CASE("class table counts are rounded half to even") {
    // Q = [[0.125,0.375],[0.125,0.375]], N = 20: rho = (0.5,0.5), gamma = (0.25,0.75), q = (0.125,0.375).
    // issues: 0.375*20 = 7.5 -> 8, 0.125*20 = 2.5 -> 2; inverse: 0.125*20 = 2.5 -> 2, 0.375*20 = 7.5 -> 8.
    // noise = (0.75, 0.25), inverse noise = (0.5, 0.5), quality = (0.25, 0.75).
    auto t = rank_classes_by_label_quality(reals(2, 2, {0.125, 0.375, 0.125, 0.375}), 20);
    REQUIRE(t.size() == 2);
    CHECK(t[0].class_index == 0);
    CHECK(t[0].label_issues == 8);
    CHECK(t[0].inverse_label_issues == 2);
    CHECK(t[1].label_issues == 2);
    CHECK(t[1].inverse_label_issues == 8);
    CHECK(t[0].label_noise == 0.75);
    CHECK(t[1].label_noise == 0.25);
    CHECK(t[0].inverse_label_noise == 0.5);
    CHECK(t[1].inverse_label_noise == 0.5);
    CHECK(t[0].label_quality_score == 0.25);
    CHECK(t[1].label_quality_score == 0.75);
}

TEST_CASE("an absent class has noise 0 and quality 1") {
    // Q = [[0.5,0,0],[0.25,0.25,0],[0,0,0]]: rho = (0.5,0.5,0), gamma = (0.75,0.25,0).
    // noise = (0, 0.5, 0/max(0,1e-6) = 0); quality = (1, 0.5, 1) -> order 1, 0, 2.
    auto t = rank_classes_by_label_quality(reals(3, 3, {0.5, 0, 0, 0.25, 0.25, 0, 0, 0, 0}), 4);
    REQUIRE(t.size() == 3);
    CHECK(t[0].class_index == 1);
    CHECK(t[1].class_index == 0);
    CHECK(t[2].class_index == 2);
    CHECK(t[2].label_noise == 0.0);
    CHECK(t[2].inverse_label_noise == 0.0);
    CHECK(t[2].label_quality_score == 1.0);
    CHECK(t[1].inverse_label_noise == 0.25 / 0.75);
    CHECK(t[0].label_issues == 1);  // rint(0.25*4)
}

TEST_CASE("overlapping classes, symmetric: all pairs a < b, descending, ties in generation order") {
    // Q = [[0.25,0.0625,0.0625],[0.0625,0.125,0.125],[0,0.125,0.1875]], N = 16.
    // J(0,1) = 0.125, J(0,2) = 0.0625, J(1,2) = 0.25 -> (1,2), (0,1), (0,2); nums 4, 2, 1.
    const auto q = reals(3, 3, {0.25, 0.0625, 0.0625, 0.0625, 0.125, 0.125, 0, 0.125, 0.1875});
    auto o = find_overlapping_classes(q, 16);
    REQUIRE(o.size() == 3);
    CHECK((o[0].class_a == 1 && o[0].class_b == 2));
    CHECK((o[1].class_a == 0 && o[1].class_b == 1));
    CHECK((o[2].class_a == 0 && o[2].class_b == 2));
    CHECK(o[0].joint_probability == 0.25);
    CHECK(o[1].joint_probability == 0.125);
    CHECK(o[2].joint_probability == 0.0625);
    CHECK(o[0].num_overlapping_examples == 4);
    CHECK(o[1].num_overlapping_examples == 2);
    CHECK(o[2].num_overlapping_examples == 1);

    // Ties: Q2 with J(0,1) = J(0,2) = 0.125 and J(1,2) = 0 -> (0,1), (0,2), (1,2); N = 20: 2.5 -> 2.
    auto o2 = find_overlapping_classes(reals(3, 3, {0.25, 0.125, 0, 0, 0.25, 0, 0.125, 0, 0.25}), 20);
    REQUIRE(o2.size() == 3);
    CHECK((o2[0].class_a == 0 && o2[0].class_b == 1));
    CHECK((o2[1].class_a == 0 && o2[1].class_b == 2));
    CHECK((o2[2].class_a == 1 && o2[2].class_b == 2));
    CHECK(o2[0].num_overlapping_examples == 2);
    CHECK(o2[1].num_overlapping_examples == 2);
    CHECK(o2[2].num_overlapping_examples == 0);
    CHECK(o2[2].joint_probability == 0.0);
}

TEST_CASE("overlapping classes, asymmetric: ordered pairs a != b, ties in row-major order") {
    // Same Q: (0,1)=.0625 (0,2)=.0625 (1,0)=.0625 (1,2)=.125 (2,0)=0 (2,1)=.125
    // -> (1,2), (2,1), (0,1), (0,2), (1,0), (2,0); nums (N = 16) 2, 2, 1, 1, 1, 0.
    const auto q = reals(3, 3, {0.25, 0.0625, 0.0625, 0.0625, 0.125, 0.125, 0, 0.125, 0.1875});
    auto o = find_overlapping_classes(q, 16, true);
    REQUIRE(o.size() == 6);
    const int expected[6][3] = {{1, 2, 2}, {2, 1, 2}, {0, 1, 1}, {0, 2, 1}, {1, 0, 1}, {2, 0, 0}};
    for (int r = 0; r < 6; ++r) {
        INFO("row " << r);
        CHECK(o[r].class_a == expected[r][0]);
        CHECK(o[r].class_b == expected[r][1]);
        CHECK(o[r].num_overlapping_examples == expected[r][2]);
    }
}

TEST_CASE("overall health score = 1 - num_label_issues / N") {
    CHECK(overall_label_health_score(2, 9) == 1.0 - 2.0 / 9);
    unit::Data d = unit::nine();  // 2 issues of 9
    CHECK(overall_label_health_score(d.lv(), d.pv()) == 1.0 - 2.0 / 9);
    unit::Data b = unit::binary_half();  // 0 issues
    CHECK(overall_label_health_score(b.lv(), b.pv()) == 1.0);
}

TEST_CASE("health_summary of the nine-example dataset") {
    // Q = [[2,1,0],[0,3,0],[1,0,2]] / 9. rho = (3,3,3)/9, gamma = (3,4,2)/9, q = (2,3,2)/9.
    // issues (1, 0, 1), inverse (1, 1, 0); noise (1/3, 0, 1/3) -> order 0, 2, 1.
    // Pairs: J(0,1) = 1/9, J(0,2) = 1/9, J(1,2) = 0 -> (0,1), (0,2), (1,2), nums 1, 1, 0.
    unit::Data d = unit::nine();
    auto h = health_summary(d.lv(), d.pv());
    CHECK(h.overall_label_health_score == 1.0 - 2.0 / 9);
    CHECK(h.joint == estimate_joint(d.lv(), d.pv()));
    REQUIRE(h.classes_by_label_quality.size() == 3);
    CHECK(h.classes_by_label_quality[0].class_index == 0);
    CHECK(h.classes_by_label_quality[1].class_index == 2);
    CHECK(h.classes_by_label_quality[2].class_index == 1);
    CHECK(h.classes_by_label_quality[0].label_issues == 1);
    CHECK(h.classes_by_label_quality[0].inverse_label_issues == 1);
    CHECK(h.classes_by_label_quality[2].inverse_label_issues == 1);
    CHECK(h.classes_by_label_quality[0].label_noise == Approx(1.0 / 3).epsilon(1e-15));
    CHECK(h.classes_by_label_quality[2].inverse_label_noise == Approx(0.25).epsilon(1e-15));
    REQUIRE(h.overlapping_classes.size() == 3);
    CHECK(h.overlapping_classes[0].class_b == 1);
    CHECK(h.overlapping_classes[1].class_b == 2);
    CHECK(h.overlapping_classes[0].num_overlapping_examples == 1);
    CHECK(h.overlapping_classes[2].num_overlapping_examples == 0);
    CHECK(h.overlapping_classes[0].joint_probability == Approx(1.0 / 9).epsilon(1e-15));
    // The pieces agree with the separate functions.
    auto q = estimate_joint(d.lv(), d.pv());
    auto t = rank_classes_by_label_quality(q, 9);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(h.classes_by_label_quality[i].class_index == t[i].class_index);
        CHECK(h.classes_by_label_quality[i].label_noise == t[i].label_noise);
    }
    auto asym = health_summary(d.lv(), d.pv(), true);
    CHECK(asym.overlapping_classes.size() == 6);
}
