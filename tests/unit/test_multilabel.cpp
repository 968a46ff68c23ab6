// docs/ALGORITHMS.md §13: the one-vs-rest reduction agrees with the single-label functions class by class; the
// aggregators, the low_* rules, the health tables' truncation and the validation of label sets.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "core/filter.hpp"
#include "core/multilabel.hpp"
#include "core/multilabel_audit.hpp"
#include "core/scores.hpp"
#include "core/thresholds.hpp"

using namespace labelscope;
using V = std::vector<std::int32_t>;

namespace {

// Random multi-label data: each class in a set with probability ~0.3, probabilities that mostly
// agree with the sets (some flipped), rounded to 3 decimals so ties happen.
struct Random {
    MultiLabels labels;
    std::vector<double> probs;
    std::size_t n, k;
    Random(std::size_t n_, std::size_t k_, unsigned seed) : n(n_), k(k_) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> u(0, 1);
        for (std::size_t i = 0; i < n; ++i) {
            std::vector<std::int32_t> set;
            for (std::size_t c = 0; c < k; ++c) {
                const bool has = u(rng) < 0.3;
                if (has) set.push_back(static_cast<std::int32_t>(c));
                const bool flip = u(rng) < 0.1;
                double p = (has != flip) ? 0.5 + 0.5 * u(rng) : 0.5 * u(rng);
                probs.push_back(std::round(p * 1000) / 1000);
            }
            labels.add(set.begin(), set.end());
        }
    }
    MultiLabelsView lv() const { return labels.view(); }
    ProbsView<double> pv() const { return {probs.data(), n, k}; }
};

const FilterBy ALL[] = {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class,      FilterBy::both,
                        FilterBy::confident_learning,  FilterBy::predicted_neq_given, FilterBy::low_normalized_margin,
                        FilterBy::low_self_confidence};

MultiLabelFindOptions by(FilterBy f) {
    MultiLabelFindOptions o;
    o.find.filter_by = f;
    return o;
}

}  // namespace

TEST_CASE("multilabel: the binary sub-problem of a class") {
    MultiLabels l;
    l.add({0, 2});
    l.add({});
    l.add({1, 1});
    const std::vector<double> p = {0.9, 0.1, 0.25, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};
    const BinaryProblem b = binary_problem(l.view(), ProbsView<double>{p.data(), 3, 3}, 2);
    CHECK(b.labels == V{1, 0, 0});
    CHECK(b.probs == std::vector<double>{1.0 - 0.25, 0.25, 1.0 - 0.4, 0.4, 1.0 - 0.7, 0.7});
    CHECK(multilabel_label_counts(l.view(), 3) == std::vector<std::int64_t>{1, 1, 1});  // {1, 1} counts once
}

TEST_CASE("multilabel: every per-class result is the single-label result of the sub-problem") {
    const Random d(400, 4, 7);
    const auto thresholds = multilabel_confident_thresholds(d.lv(), d.pv());
    const auto joints = multilabel_compute_confident_joint(d.lv(), d.pv());
    for (std::size_t c = 0; c < d.k; ++c) {
        const BinaryProblem b = binary_problem(d.lv(), d.pv(), c);
        const auto t = confident_thresholds(b.labels_view(), b.probs_view());
        CHECK(thresholds(c, 0) == t[0]);
        CHECK(thresholds(c, 1) == t[1]);
        CHECK(joints.calibrated[c] == compute_confident_joint(b.labels_view(), b.probs_view()).calibrated);
    }
    for (FilterBy f : ALL) {
        INFO("filter_by " << to_string(f));
        const auto per_class = find_multilabel_issues_per_class(d.lv(), d.pv(), by(f));
        Mask any(d.n, 0);
        for (std::size_t c = 0; c < d.k; ++c) {
            const BinaryProblem b = binary_problem(d.lv(), d.pv(), c);
            FindIssuesOptions o;
            o.filter_by = f;
            const Mask single = find_label_issues(b.labels_view(), b.probs_view(), o);
            CHECK(per_class[c] == mask_to_indices(single));
            for (std::size_t i = 0; i < d.n; ++i) any[i] |= single[i];
        }
        const Mask ml = find_multilabel_label_issues(d.lv(), d.pv(), by(f));
        if (f != FilterBy::low_self_confidence && f != FilterBy::low_normalized_margin) CHECK(ml == any);
    }
}

TEST_CASE("multilabel: low_* flag as many as confident_learning, both methods alike, lowest default scores") {
    const Random d(500, 5, 11);
    const Mask cl = find_multilabel_label_issues(d.lv(), d.pv(), by(FilterBy::confident_learning));
    const Mask low_sc = find_multilabel_label_issues(d.lv(), d.pv(), by(FilterBy::low_self_confidence));
    const Mask low_nm = find_multilabel_label_issues(d.lv(), d.pv(), by(FilterBy::low_normalized_margin));
    const auto m = mask_to_indices(cl).size();
    CHECK(m > 5);
    CHECK(multilabel_num_label_issues(d.lv(), d.pv()) == static_cast<std::int64_t>(m));
    CHECK(mask_to_indices(low_sc).size() == m);
    CHECK(low_sc == low_nm);
    CHECK(mask_to_indices(low_sc) == lowest_scores(multilabel_label_quality_scores(d.lv(), d.pv()), m));
    // The ranked output holds the same examples (its order is cleanlab's, docs/ALGORITHMS.md §13.5).
    IndexList ranked =
        find_multilabel_label_issues_ranked(d.lv(), d.pv(), by(FilterBy::low_self_confidence), ScoreOptions{});
    std::sort(ranked.begin(), ranked.end());
    CHECK(ranked == mask_to_indices(low_sc));
}

TEST_CASE("multilabel: ranked output of the other methods is sorted by the aggregated score") {
    const Random d(300, 3, 5);
    const ScoreOptions rank_by{ScoreMethod::normalized_margin, true};
    const IndexList ranked = find_multilabel_label_issues_ranked(d.lv(), d.pv(), {}, rank_by);
    const auto scores = multilabel_label_quality_scores(d.lv(), d.pv(), rank_by);
    IndexList expected = mask_to_indices(find_multilabel_label_issues(d.lv(), d.pv()));
    sort_by_score(expected, scores);
    CHECK(ranked == expected);
    CHECK(!ranked.empty());
}

TEST_CASE("multilabel: aggregators") {
    std::vector<double> scratch(4);
    const double row[] = {0.9, 0.2, 0.6, 0.8};
    AggregatorOptions ema;  // alpha 0.8 over (0.9, 0.8, 0.6, 0.2)
    double e = 0.9;
    for (double v : {0.8, 0.6, 0.2}) e = 0.8 * v + (1.0 - 0.8) * e;
    CHECK(aggregate_scores(row, 4, ema, scratch.data()) == e);
    ema.alpha = std::nullopt;  // 2 / (K + 1) = 0.4
    e = 0.9;
    for (double v : {0.8, 0.6, 0.2}) e = 0.4 * v + (1.0 - 0.4) * e;
    CHECK(aggregate_scores(row, 4, ema, scratch.data()) == e);
    AggregatorOptions a;
    a.method = AggregatorMethod::min;
    CHECK(aggregate_scores(row, 4, a, scratch.data()) == 0.2);
    a.method = AggregatorMethod::max;
    CHECK(aggregate_scores(row, 4, a, scratch.data()) == 0.9);
    a.method = AggregatorMethod::mean;
    CHECK(aggregate_scores(row, 4, a, scratch.data()) == doctest::Approx(0.625).epsilon(1e-15));
    a.method = AggregatorMethod::softmin;
    a.temperature = 1e-3;  // nearly the minimum
    CHECK(aggregate_scores(row, 4, a, scratch.data()) == doctest::Approx(0.2).epsilon(1e-12));
    a.temperature = 1e6;  // nearly the mean
    CHECK(aggregate_scores(row, 4, a, scratch.data()) == doctest::Approx(0.625).epsilon(1e-6));
    CHECK(parse_aggregator("softmin") == AggregatorMethod::softmin);
    CHECK_THROWS_AS(parse_aggregator("median"), LabelScopeError);
    AggregatorOptions bad;
    bad.alpha = 1.5;
    CHECK_THROWS_AS(validate_aggregator(bad), LabelScopeError);
    bad = {};
    bad.temperature = 0;
    CHECK_THROWS_AS(validate_aggregator(bad), LabelScopeError);
}

TEST_CASE("multilabel: class table counts go through trunc((count / N) * N), as cleanlab's do") {
    // N = 20000: 3 / 20000 * 20000 = 2.9999999999999996 -> 2 (docs/ALGORITHMS.md §13.7).
    MultiLabels l;
    for (int i = 0; i < 20000; ++i) l.add({});
    const std::vector<IndexList> flags = {{0, 1, 2}, {}};
    const MultiLabelHealth h = multilabel_health_from(l.view(), 2, flags);
    REQUIRE(h.common_issues.size() == 4);
    CHECK(h.common_issues[0].class_index == 0);
    CHECK(h.common_issues[0].in_given_label == false);
    CHECK(h.common_issues[0].num_examples == 3);
    REQUIRE(h.classes_by_label_quality.size() == 2);
    CHECK(h.classes_by_label_quality[0].class_index == 0);
    CHECK(h.classes_by_label_quality[0].inverse_label_issues == 2);
    CHECK(h.overall_label_health_score == 1.0 - 3.0 / 20000.0);
}

TEST_CASE("multilabel: audit agrees with the standalone functions") {
    const Random d(300, 4, 3);
    MultiLabelAuditOptions o;
    o.rank_by = ScoreOptions{ScoreMethod::self_confidence, false};
    const MultiLabelReport r = audit_multilabel(d.lv(), d.pv(), o);
    CHECK(r.issues == find_multilabel_label_issues_ranked(d.lv(), d.pv(), {}, ScoreOptions{}));
    CHECK(r.class_issues == find_multilabel_issues_per_class(d.lv(), d.pv()));
    CHECK(r.label_quality == multilabel_label_quality_scores(d.lv(), d.pv()));
    CHECK(r.num_label_issues == multilabel_num_label_issues(d.lv(), d.pv()));
    const MultiLabelHealth h = multilabel_health_summary(d.lv(), d.pv());
    CHECK(r.health.overall_label_health_score == h.overall_label_health_score);
    CHECK(r.health.common_issues.size() == 2 * d.k);
    // float storage gives the same bits (arithmetic is in double).
    std::vector<float> f(d.probs.begin(), d.probs.end());
    std::vector<double> back(f.begin(), f.end());
    const auto rf = audit_multilabel(d.lv(), ProbsView<float>{f.data(), d.n, d.k}, o);
    const auto rd = audit_multilabel(d.lv(), ProbsView<double>{back.data(), d.n, d.k}, o);
    CHECK(rf.issues == rd.issues);
    CHECK(rf.label_quality == rd.label_quality);
}

TEST_CASE("multilabel: validation names the example and the class") {
    MultiLabels l;
    l.add({0});
    l.add({1, 3});
    const std::vector<double> p = {0.9, 0.1, 0.2, 0.1, 0.8, 0.3};
    try {
        find_multilabel_label_issues(l.view(), ProbsView<double>{p.data(), 2, 3});
        FAIL("no error");
    } catch (const LabelScopeError& e) {
        CHECK(e.code() == ErrorCode::label_out_of_range);
        CHECK(e.example() == 1);
        CHECK(e.class_index() == 3);
    }
    MultiLabels every;
    every.add({0});
    every.add({0, 1});
    try {
        find_multilabel_label_issues(every.view(), ProbsView<double>{p.data(), 2, 3});
        FAIL("no error");
    } catch (const LabelScopeError& e) {
        CHECK(e.code() == ErrorCode::single_label_class);
        CHECK(e.class_index() == 0);
    }
    // Scores allow a class present everywhere (docs/ALGORITHMS.md §13.1), and rows need not sum to 1.
    CHECK(multilabel_label_quality_scores(every.view(), ProbsView<double>{p.data(), 2, 3}).size() == 2);
    const std::vector<double> nan = {0.9, NAN, 0.2, 0.1, 0.8, 0.3};
    CHECK_THROWS_AS(multilabel_label_quality_scores(every.view(), ProbsView<double>{nan.data(), 2, 3}),
                    LabelScopeError);
    const std::vector<double> logits = {0.9, 2.5, 0.2, 0.1, 0.8, 0.3};
    try {
        multilabel_label_quality_scores(every.view(), ProbsView<double>{logits.data(), 2, 3});
        FAIL("no error");
    } catch (const LabelScopeError& e) {
        CHECK(e.code() == ErrorCode::out_of_range);
        CHECK(e.example() == 0);
        CHECK(e.class_index() == 1);
    }
    CHECK_THROWS_AS(multilabel_label_quality_scores(l.view(), ProbsView<double>{p.data(), 3, 2}), LabelScopeError);
}
