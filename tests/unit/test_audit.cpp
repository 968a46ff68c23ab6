// audit(): one call, shared steps computed once; hand-checked on the nine-example dataset and
// compared field by field with the separate public functions.
#include <doctest/doctest.h>

#include <vector>

#include "filter_data.hpp"

using namespace labelscope;
using unit::counts;
using unit::Data;

TEST_CASE("audit of the nine-example dataset, by hand") {
    // Default: prune_by_noise_rate -> {2, 8}, ranked by self-confidence (0.2, 0.2 -> tie -> [2, 8]).
    // Confident-joint guesses (test_confident_joint): [0,0,1,1,1,-1,2,2,0]; example 5 has no
    // confident class, its argmax is 0 (0.45) -> suggested 0.
    Data d = unit::nine();
    Report r = audit(d.lv(), d.pv());
    CHECK(r.num_examples == 9);
    CHECK(r.num_classes == 3);
    CHECK(r.issues == IndexList{2, 8});
    CHECK(r.is_label_issue == Mask{0, 0, 1, 0, 0, 0, 0, 0, 1});
    CHECK(r.label_quality == std::vector<double>{0.9, 0.7, 0.2, 0.8, 0.6, 0.4, 0.8, 0.6, 0.2});
    CHECK(r.confident_joint_label == std::vector<std::int32_t>{0, 0, 1, 1, 1, -1, 2, 2, 0});
    CHECK(r.predicted_label == std::vector<std::int32_t>{0, 0, 1, 1, 1, 0, 2, 2, 0});
    CHECK(r.suggested_label == std::vector<std::int32_t>{0, 0, 1, 1, 1, 0, 2, 2, 0});
    CHECK(r.label_counts == std::vector<std::int64_t>{3, 3, 3});
    CHECK(r.confident_joint == counts(3, {2, 1, 0, 0, 3, 0, 1, 0, 2}));
    CHECK(r.confident_joint_uncalibrated == counts(3, {2, 1, 0, 0, 2, 0, 1, 0, 2}));
    CHECK(r.num_label_issues == 2);
    CHECK(r.health_score == 1.0 - 2.0 / 9);
    REQUIRE(r.class_quality.size() == 3);
    CHECK(r.class_quality[0].class_index == 0);
    CHECK(r.class_quality[1].class_index == 2);
    CHECK(r.class_quality[2].class_index == 1);
    CHECK(r.overlapping_classes.size() == 3);
    CHECK(r.latent.py[1] == doctest::Approx(4.0 / 9).epsilon(1e-12));
    CHECK(r.warnings.empty());
}

TEST_CASE("suggested label falls back to the argmax; confident guess wins when they differ") {
    // docs/ALGORITHMS.md §5 example: example 2 (label 1, (0.5,0.25,0.25)) is counted in column 0 = its argmax;
    // example 3 (label 1, (0.8,0.175,0.025)) has no confident class -> argmax 0.
    Data d(3, {0, 0, 1, 1, 2},
           {{0.9, 0.05, 0.05}, {0.9, 0.05, 0.05}, {0.5, 0.25, 0.25}, {0.8, 0.175, 0.025}, {0.6, 0.2, 0.2}});
    Report r = audit(d.lv(), d.pv());
    CHECK(r.confident_joint_label == std::vector<std::int32_t>{0, 0, 0, -1, 2});
    CHECK(r.predicted_label == std::vector<std::int32_t>{0, 0, 0, 0, 0});
    CHECK(r.suggested_label == std::vector<std::int32_t>{0, 0, 0, 0, 2});
}

namespace {

void check_same_as_separate_calls(const Data& d, const AuditOptions& o) {
    Report r = audit(d.lv(), d.pv(), o);
    auto mask = find_label_issues(d.lv(), d.pv(), o.find);
    CHECK(r.is_label_issue == mask);
    if (o.rank_by) {
        CHECK(r.issues == find_label_issues_ranked(d.lv(), d.pv(), o.find, *o.rank_by));
        CHECK(r.label_quality == get_label_quality_scores(d.lv(), d.pv(), *o.rank_by));
    } else {
        CHECK(r.issues == mask_to_indices(mask));
        CHECK(r.label_quality == get_label_quality_scores(d.lv(), d.pv()));
    }
    auto cj = compute_confident_joint(d.lv(), d.pv());
    CHECK(r.confident_joint == cj.calibrated);
    CHECK(r.confident_joint_uncalibrated == cj.uncalibrated);
    CHECK(r.confident_joint_label == cj.guess);
    CHECK(r.thresholds == confident_thresholds(d.lv(), d.pv()));
    CHECK(r.label_counts == label_counts(d.lv(), d.k));
    CHECK(r.joint == estimate_joint(d.lv(), d.pv()));
    auto lat = estimate_py_and_noise_matrices_from_probabilities(d.lv(), d.pv());
    CHECK(r.latent.py == lat.py);
    CHECK(r.latent.noise_matrix == lat.noise_matrix);
    CHECK(r.latent.inverse_noise_matrix == lat.inverse_noise_matrix);
    CHECK(r.num_label_issues == num_label_issues(d.lv(), d.pv()));
    CHECK(r.health_score == overall_label_health_score(d.lv(), d.pv()));
    auto h = health_summary(d.lv(), d.pv(), o.asymmetric_overlap);
    REQUIRE(r.class_quality.size() == h.classes_by_label_quality.size());
    for (std::size_t i = 0; i < r.class_quality.size(); ++i) {
        CHECK(r.class_quality[i].class_index == h.classes_by_label_quality[i].class_index);
        CHECK(r.class_quality[i].label_issues == h.classes_by_label_quality[i].label_issues);
        CHECK(r.class_quality[i].label_quality_score == h.classes_by_label_quality[i].label_quality_score);
    }
    REQUIRE(r.overlapping_classes.size() == h.overlapping_classes.size());
    for (std::size_t i = 0; i < r.overlapping_classes.size(); ++i) {
        CHECK(r.overlapping_classes[i].class_a == h.overlapping_classes[i].class_a);
        CHECK(r.overlapping_classes[i].class_b == h.overlapping_classes[i].class_b);
        CHECK(r.overlapping_classes[i].joint_probability == h.overlapping_classes[i].joint_probability);
    }
}

}  // namespace

TEST_CASE("audit equals the separate public functions on small datasets") {
    for (const Data& d : {unit::nine(), unit::binary_half(), unit::twenty(), unit::six_of_class0()}) {
        for (FilterBy f : {FilterBy::prune_by_noise_rate, FilterBy::both, FilterBy::low_self_confidence}) {
            AuditOptions o;
            o.find.filter_by = f;
            check_same_as_separate_calls(d, o);
            o.rank_by = std::nullopt;
            check_same_as_separate_calls(d, o);
            o.rank_by = ScoreOptions{ScoreMethod::normalized_margin, true};
            o.asymmetric_overlap = true;
            check_same_as_separate_calls(d, o);
        }
    }
}

TEST_CASE("audit passes its options to the filter (supplied joint, min_examples, frac_noise)") {
    Data d = unit::six_of_class0();
    const auto c = counts(3, {1, 3, 2, 0, 3, 0, 0, 0, 3});
    AuditOptions o;
    o.find.confident_joint = &c;
    o.find.min_examples_per_class = 2;
    Report r = audit(d.lv(), d.pv(), o);
    // test_filter_prune: PBNR with this joint and min 2 flags {1, 2, 4}.
    CHECK(unit::indices(r.is_label_issue) == std::vector<std::int32_t>{1, 2, 4});
    o.find.min_examples_per_class = 1;
    o.find.frac_noise = 0.5;
    CHECK(unit::indices(audit(d.lv(), d.pv(), o).is_label_issue) == std::vector<std::int32_t>{1, 4});
}

TEST_CASE("audit validates like the public functions") {
    Data d = unit::nine();
    d.labels[3] = 7;
    CHECK_THROWS_AS(audit(d.lv(), d.pv()), LabelScopeError);
}

namespace {
const Warning* find_warning(const Warnings& ws, WarningCode code, std::int64_t class_index = -2) {
    for (const auto& w : ws)
        if (w.code == code && (class_index == -2 || w.class_index == class_index)) return &w;
    return nullptr;
}
}  // namespace

TEST_CASE("audit warns about classes the prune methods skip (docs/ALGORITHMS.md §10.12), absent classes included") {
    // Class 0 has a single example (n_0 = 1 <= min_examples_per_class = 1).
    Data s(3, {0, 1, 1, 2, 2},
           {{0.1, 0.05, 0.85}, {0.05, 0.9, 0.05}, {0.05, 0.7, 0.25}, {0.05, 0.05, 0.9}, {0.05, 0.25, 0.7}});
    Report r = audit(s.lv(), s.pv());
    const Warning* w = find_warning(r.warnings, WarningCode::class_too_small, 0);
    REQUIRE(w != nullptr);
    CHECK(unit::mentions(w->message, "0"));
    CHECK(find_warning(r.warnings, WarningCode::class_too_small, 1) == nullptr);  // n_1 = 2 > 1
    // Class 2 never given (n_2 = 0).
    Data a(3, {0, 0, 1, 1, 0}, {{0.8, 0.1, 0.1}, {0.6, 0.3, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.5, 0.4}, {0.1, 0.2, 0.7}});
    CHECK(find_warning(audit(a.lv(), a.pv()).warnings, WarningCode::class_too_small, 2) != nullptr);
}

TEST_CASE("audit reports options that have no effect with the chosen method (docs/ALGORITHMS.md §10.1)") {
    // frac_noise != 1 with confident_learning is ignored by cleanlab with a warning; so is a
    // supplied confident joint. The result is unchanged and the user is told.
    Data d = unit::nine();
    AuditOptions o;
    o.find.filter_by = FilterBy::confident_learning;
    o.find.frac_noise = 0.5;
    Report r = audit(d.lv(), d.pv(), o);
    CHECK(unit::indices(r.is_label_issue) == std::vector<std::int32_t>{2, 8});
    const Warning* w = find_warning(r.warnings, WarningCode::option_ignored);
    REQUIRE(w != nullptr);
    CHECK(unit::mentions(w->message, "frac_noise"));

    const auto c = counts(3, {3, 0, 0, 0, 3, 0, 0, 0, 3});
    AuditOptions o2;
    o2.find.filter_by = FilterBy::confident_learning;
    o2.find.confident_joint = &c;
    const Report r2 = audit(d.lv(), d.pv(), o2);  // keep it alive: w2 points into it
    const Warning* w2 = find_warning(r2.warnings, WarningCode::option_ignored);
    REQUIRE(w2 != nullptr);
    CHECK(unit::mentions_any(w2->message, {"confident_joint", "confident joint"}));
}
