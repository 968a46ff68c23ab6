// docs/ALGORITHMS.md §4: t_k = mean self-confidence of class k, 2 for an absent class, floored at 2e-6.
#include <doctest/doctest.h>

#include <vector>

#include "unit_helpers.hpp"

using namespace labelscope;
using unit::Data;

TEST_CASE("thresholds are the per-class mean of P[i][k] over examples labelled k") {
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
    auto t = confident_thresholds(d.lv(), d.pv());
    REQUIRE(t.size() == 3);
    // Fewer than 8 values per class: plain left-to-right sum, then divide by the count.
    CHECK(t[0] == (0.9 + 0.7 + 0.2) / 3);  // ~0.6
    CHECK(t[1] == (0.8 + 0.6 + 0.4) / 3);  // ~0.6
    CHECK(t[2] == (0.8 + 0.6 + 0.2) / 3);  // ~0.5333
}

TEST_CASE("a class with no given labels gets threshold 2") {
    // K = 3 columns, labels only 0 and 1.
    Data d(3, {0, 0, 1, 1}, {{0.8, 0.1, 0.1}, {0.6, 0.3, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.5, 0.4}});
    auto t = confident_thresholds(d.lv(), d.pv());
    REQUIRE(t.size() == 3);
    CHECK(t[0] == doctest::Approx(0.7).epsilon(1e-15));  // (0.8 + 0.6) / 2
    CHECK(t[1] == doctest::Approx(0.6).epsilon(1e-15));  // (0.7 + 0.5) / 2
    CHECK(t[2] == 2.0);
}

TEST_CASE("thresholds are floored at 2e-6") {
    // Class 1's examples give it 0 and 1e-6: mean 5e-7 -> 2e-6. Class 0 mean is 0 -> 2e-6.
    Data d(2, {0, 0, 1, 1}, {{0.0, 1.0}, {0.0, 1.0}, {1.0, 0.0}, {0.999999, 1e-6}});
    auto t = confident_thresholds(d.lv(), d.pv());
    CHECK(t[0] == 2e-6);
    CHECK(t[1] == 2e-6);
}

TEST_CASE("threshold mean uses the pairwise sum over the class's values in index order") {
    // Ten examples of class 0 with values whose naive and pairwise sums differ in the last bits.
    // Expected: (pairwise sum of the 10 values) / 10, with pairwise_sum checked in test_numeric.
    std::vector<double> v = {0.1, 0.7, 0.3, 0.9, 0.11, 0.13, 0.17, 0.19, 0.23, 0.29};
    Data d;
    d.k = 2;
    for (std::size_t i = 0; i < v.size(); ++i) {
        d.labels.push_back(0);
        d.probs.push_back(v[i]);
        d.probs.push_back(1.0 - v[i]);
        // Interleave class-1 examples so the class-0 values are not contiguous in the matrix.
        d.labels.push_back(1);
        d.probs.push_back(0.5);
        d.probs.push_back(0.5);
    }
    // 8 accumulators over the first 8 values, then the 2 leftovers one by one.
    double r = ((0.1 + 0.7) + (0.3 + 0.9)) + ((0.11 + 0.13) + (0.17 + 0.19));
    r += 0.23;
    r += 0.29;
    // Naive left to right gives 3.1199999999999997, pairwise 3.1200000000000001.
    auto t = confident_thresholds(d.lv(), d.pv());
    CHECK(t[0] == r / 10);
    CHECK(t[1] == 0.5);
}

TEST_CASE("threshold of a class ignores examples with other labels") {
    Data d(2, {0, 1, 0, 1}, {{0.75, 0.25}, {0.99, 0.01}, {0.25, 0.75}, {0.5, 0.5}});
    auto t = confident_thresholds(d.lv(), d.pv());
    CHECK(t[0] == 0.5);               // (0.75 + 0.25) / 2
    CHECK(t[1] == (0.01 + 0.5) / 2);  // 0.255
}

TEST_CASE("float storage: values are widened to double before any arithmetic") {
    // t0 = (double(0.9f) + double(0.7f)) / 2, not the float sum.
    const std::vector<float> p = {0.9f, 0.1f, 0.7f, 0.3f, 0.2f, 0.8f};
    const std::vector<std::int32_t> l = {0, 0, 1};
    LabelsView lv{l.data(), l.size()};
    ProbsView<float> pv{p.data(), 3, 2};
    auto t = confident_thresholds(lv, pv);
    CHECK(t[0] == (static_cast<double>(0.9f) + static_cast<double>(0.7f)) / 2);
    CHECK(t[1] == static_cast<double>(0.8f));
    auto s = get_label_quality_scores(lv, pv);
    CHECK(s == std::vector<double>{static_cast<double>(0.9f), static_cast<double>(0.7f), static_cast<double>(0.8f)});
}
