// Properties of audit() on random data: same results as the separate public functions (computing
// the shared steps once changes nothing), deterministic, and permutation-consistent.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "prop_data.hpp"

using namespace labelscope;
using unit::Data;

namespace {

bool same_quality(const std::vector<ClassQuality>& a, const std::vector<ClassQuality>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].class_index != b[i].class_index || a[i].label_issues != b[i].label_issues ||
            a[i].inverse_label_issues != b[i].inverse_label_issues || a[i].label_noise != b[i].label_noise ||
            a[i].inverse_label_noise != b[i].inverse_label_noise ||
            a[i].label_quality_score != b[i].label_quality_score)
            return false;
    return true;
}

bool same_overlap(const std::vector<ClassOverlap>& a, const std::vector<ClassOverlap>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].class_a != b[i].class_a || a[i].class_b != b[i].class_b ||
            a[i].num_overlapping_examples != b[i].num_overlapping_examples ||
            a[i].joint_probability != b[i].joint_probability)
            return false;
    return true;
}

// Everything except the per-example vectors (compared separately, possibly through a permutation).
void check_same_aggregates(const Report& a, const Report& b) {
    CHECK(a.num_examples == b.num_examples);
    CHECK(a.num_classes == b.num_classes);
    CHECK(a.label_counts == b.label_counts);
    CHECK(a.thresholds == b.thresholds);
    CHECK(a.confident_joint == b.confident_joint);
    CHECK(a.confident_joint_uncalibrated == b.confident_joint_uncalibrated);
    CHECK(a.joint == b.joint);
    CHECK(a.latent.py == b.latent.py);
    CHECK(a.latent.noise_matrix == b.latent.noise_matrix);
    CHECK(a.latent.inverse_noise_matrix == b.latent.inverse_noise_matrix);
    CHECK(a.num_label_issues == b.num_label_issues);
    CHECK(a.health_score == b.health_score);
    CHECK(same_quality(a.class_quality, b.class_quality));
    CHECK(same_overlap(a.overlapping_classes, b.overlapping_classes));
    CHECK(a.warnings.size() == b.warnings.size());
}

std::vector<AuditOptions> audit_variants() {
    std::vector<AuditOptions> out;
    AuditOptions d;
    out.push_back(d);
    AuditOptions a;
    a.find.filter_by = FilterBy::both;
    a.find.min_examples_per_class = 30;
    a.find.frac_noise = 0.6;
    a.rank_by = ScoreOptions{ScoreMethod::normalized_margin, true};
    a.asymmetric_overlap = true;
    out.push_back(a);
    AuditOptions b;
    b.find.filter_by = FilterBy::low_self_confidence;
    b.rank_by = ScoreOptions{ScoreMethod::confidence_weighted_entropy, false};
    out.push_back(b);
    AuditOptions c;
    c.find.filter_by = FilterBy::confident_learning;
    c.rank_by = std::nullopt;
    out.push_back(c);
    return out;
}

std::vector<Data> random_sets() {
    return {prop::make(11, 400, 3, 3), prop::make(12, 450, 5, 5), prop::make(13, 500, 6, 5)};
}

}  // namespace

TEST_CASE("property: audit equals the separate public functions with the same options") {
    for (const Data& d : random_sets()) {
        for (const AuditOptions& o : audit_variants()) {
            INFO("K " << d.k << " " << to_string(o.find.filter_by));
            Report r = audit(d.lv(), d.pv(), o);
            auto mask = find_label_issues(d.lv(), d.pv(), o.find);
            CHECK(r.is_label_issue == mask);
            const ScoreOptions so = o.rank_by.value_or(ScoreOptions{});
            CHECK(r.label_quality == get_label_quality_scores(d.lv(), d.pv(), so));
            if (o.rank_by)
                CHECK(r.issues == find_label_issues_ranked(d.lv(), d.pv(), o.find, *o.rank_by));
            else
                CHECK(r.issues == mask_to_indices(mask));
            auto cj = compute_confident_joint(d.lv(), d.pv());
            CHECK(r.confident_joint == cj.calibrated);
            CHECK(r.confident_joint_uncalibrated == cj.uncalibrated);
            CHECK(r.confident_joint_label == cj.guess);
            CHECK(r.thresholds == confident_thresholds(d.lv(), d.pv()));
            CHECK(r.joint == estimate_joint(d.lv(), d.pv()));
            auto lat = estimate_py_and_noise_matrices_from_probabilities(d.lv(), d.pv());
            CHECK(r.latent.py == lat.py);
            CHECK(r.latent.noise_matrix == lat.noise_matrix);
            CHECK(r.latent.inverse_noise_matrix == lat.inverse_noise_matrix);
            CHECK(r.num_label_issues == num_label_issues(d.lv(), d.pv()));
            CHECK(r.health_score == overall_label_health_score(d.lv(), d.pv()));
            auto h = health_summary(d.lv(), d.pv(), o.asymmetric_overlap);
            CHECK(same_quality(r.class_quality, h.classes_by_label_quality));
            CHECK(same_overlap(r.overlapping_classes, h.overlapping_classes));
            CHECK(r.label_counts == label_counts(d.lv(), d.k));
            // Suggested label: confident-joint guess, else the first-index argmax.
            for (std::size_t i = 0; i < d.n(); ++i) {
                auto am = static_cast<std::int32_t>(argmax_first(d.probs.data() + i * d.k, d.k));
                CHECK(r.predicted_label[i] == am);
                CHECK(r.suggested_label[i] == (cj.guess[i] >= 0 ? cj.guess[i] : am));
            }
        }
    }
}

TEST_CASE("property: audit is deterministic") {
    for (const Data& d : random_sets()) {
        for (const AuditOptions& o : audit_variants()) {
            Report a = audit(d.lv(), d.pv(), o);
            Report b = audit(d.lv(), d.pv(), o);
            check_same_aggregates(a, b);
            CHECK(a.issues == b.issues);
            CHECK(a.is_label_issue == b.is_label_issue);
            CHECK(a.label_quality == b.label_quality);
            CHECK(a.suggested_label == b.suggested_label);
            CHECK(a.confident_joint_label == b.confident_joint_label);
            CHECK(a.predicted_label == b.predicted_label);
        }
    }
}

TEST_CASE("property: audit of permuted data permutes the per-example results") {
    // Screened data (only exact duplicates tie), so flagged sets and rank order are exact up to
    // interchangeable duplicates.
    for (const prop::Case& c : {prop::tie_free(21, 450, 4, 4), prop::tie_free(22, 500, 6, 5)}) {
        const Data& d = c.data;
        auto perm = prop::permutation(c.seed + 1000, d.n());
        Data q = prop::permute(d, perm);
        const auto gd = prop::groups(d);
        std::vector<int> gq(q.n());
        for (std::size_t i = 0; i < q.n(); ++i) gq[i] = gd[perm[i]];
        for (const AuditOptions& o : audit_variants()) {
            INFO("seed " << c.seed << " K " << d.k << " " << to_string(o.find.filter_by));
            Report a = audit(d.lv(), d.pv(), o);
            Report b = audit(q.lv(), q.pv(), o);
            check_same_aggregates(a, b);
            std::size_t bad = 0;
            for (std::size_t i = 0; i < q.n(); ++i) {
                bad += b.label_quality[i] != a.label_quality[perm[i]];
                bad += b.suggested_label[i] != a.suggested_label[perm[i]];
                bad += b.confident_joint_label[i] != a.confident_joint_label[perm[i]];
                bad += b.predicted_label[i] != a.predicted_label[perm[i]];
            }
            CHECK(bad == 0);
            std::vector<int> sa, sb;
            for (auto i : a.issues) sa.push_back(gd[static_cast<std::size_t>(i)]);
            for (auto i : b.issues) sb.push_back(gq[static_cast<std::size_t>(i)]);
            if (o.rank_by) {
                CHECK(sa == sb);  // rank order, duplicates interchangeable
            } else {
                // index order: compare as multisets of groups
                std::sort(sa.begin(), sa.end());
                std::sort(sb.begin(), sb.end());
                CHECK(sa == sb);
            }
        }
    }
}
