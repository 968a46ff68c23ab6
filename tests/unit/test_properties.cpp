// Property: permuting the examples permutes every per-example result and leaves every aggregate
// unchanged. Ties: exact duplicates (same label and row) are interchangeable, so masks and ranked
// lists are compared per content group; the data is checked to have no other ties on the sort keys
// (otherwise the example index would legitimately decide a cut-off and the property would not hold).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "prop_data.hpp"

using namespace labelscope;
using prop::Case;
using prop::kAllFilters;
using prop::kScoreOptions;
using prop::tie_free;
using unit::Data;

namespace {

std::vector<Case> datasets() {
    return {tie_free(101, 500, 3, 3), tie_free(202, 500, 4, 4), tie_free(303, 480, 5, 5), tie_free(404, 520, 6, 6),
            tie_free(505, 500, 5, 4)};  // last: class 4 absent
}

std::vector<FindIssuesOptions> filter_variants(const Data& d) {
    std::vector<FindIssuesOptions> out;
    for (FilterBy f : kAllFilters) {
        FindIssuesOptions o;
        o.filter_by = f;
        out.push_back(o);
    }
    auto n = label_counts(d.lv(), d.k);
    for (FilterBy f : {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both}) {
        FindIssuesOptions o;
        o.filter_by = f;
        o.min_examples_per_class = 40;
        o.frac_noise = 0.7;
        out.push_back(o);
        FindIssuesOptions r;
        r.filter_by = f;
        for (auto c : n) r.num_to_remove_per_class.push_back(c / 10);
        out.push_back(r);
    }
    return out;
}

// Count of flagged examples per content group.
std::map<int, int> group_counts(const std::vector<std::int32_t>& idx, const std::vector<int>& g) {
    std::map<int, int> c;
    for (auto i : idx) ++c[g[static_cast<std::size_t>(i)]];
    return c;
}

std::vector<int> group_sequence(const IndexList& idx, const std::vector<int>& g) {
    std::vector<int> s;
    for (auto i : idx) s.push_back(g[static_cast<std::size_t>(i)]);
    return s;
}

// Tie-aware order check for one run: ascending score, equal scores by ascending index.
bool sorted_by_score_then_index(const IndexList& idx, const std::vector<double>& s) {
    for (std::size_t a = 1; a < idx.size(); ++a) {
        double x = s[static_cast<std::size_t>(idx[a - 1])], y = s[static_cast<std::size_t>(idx[a])];
        if (x > y || (x == y && idx[a - 1] >= idx[a])) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("property: thresholds, confident joints and latent estimates are permutation-invariant") {
    for (const Case& c : datasets()) {
        const Data& d = c.data;
        INFO("seed " << c.seed << " K " << d.k);
        auto perm = prop::permutation(c.seed * 7 + 1, d.n());
        Data q = prop::permute(d, perm);
        CHECK(confident_thresholds(q.lv(), q.pv()) == confident_thresholds(d.lv(), d.pv()));
        auto a = compute_confident_joint(d.lv(), d.pv());
        auto b = compute_confident_joint(q.lv(), q.pv());
        CHECK(a.uncalibrated == b.uncalibrated);
        CHECK(a.calibrated == b.calibrated);
        for (std::size_t i = 0; i < q.n(); ++i) CHECK(b.guess[i] == a.guess[perm[i]]);
        IndexList mapped;
        for (auto i : b.off_diagonal) mapped.push_back(static_cast<std::int32_t>(perm[static_cast<std::size_t>(i)]));
        std::sort(mapped.begin(), mapped.end());
        CHECK(mapped == a.off_diagonal);
        auto la = estimate_py_and_noise_matrices_from_probabilities(d.lv(), d.pv());
        auto lb = estimate_py_and_noise_matrices_from_probabilities(q.lv(), q.pv());
        CHECK(la.py == lb.py);
        CHECK(la.noise_matrix == lb.noise_matrix);
        CHECK(la.inverse_noise_matrix == lb.inverse_noise_matrix);
        for (auto m : {EstimationMethod::off_diagonal, EstimationMethod::off_diagonal_calibrated})
            CHECK(num_label_issues(d.lv(), d.pv(), m) == num_label_issues(q.lv(), q.pv(), m));
        auto ha = health_summary(d.lv(), d.pv());
        auto hb = health_summary(q.lv(), q.pv());
        CHECK(ha.overall_label_health_score == hb.overall_label_health_score);
        CHECK(ha.joint == hb.joint);
        for (std::size_t k = 0; k < ha.classes_by_label_quality.size(); ++k)
            CHECK(ha.classes_by_label_quality[k].class_index == hb.classes_by_label_quality[k].class_index);
    }
}

TEST_CASE("property: scores of every method map through the permutation exactly") {
    for (const Case& c : datasets()) {
        const Data& d = c.data;
        auto perm = prop::permutation(c.seed * 7 + 2, d.n());
        Data q = prop::permute(d, perm);
        for (const auto& so : kScoreOptions) {
            INFO("seed " << c.seed << " " << to_string(so.method) << " adjust " << so.adjust_pred_probs);
            auto a = get_label_quality_scores(d.lv(), d.pv(), so);
            auto b = get_label_quality_scores(q.lv(), q.pv(), so);
            REQUIRE(b.size() == a.size());
            std::size_t mismatches = 0;
            for (std::size_t i = 0; i < b.size(); ++i) mismatches += (b[i] != a[perm[i]]);
            CHECK(mismatches == 0);
        }
        for (OodMethod m : {OodMethod::entropy, OodMethod::least_confidence}) {
            OodOptions oo;
            oo.method = m;
            auto la = d.lv();
            auto lb = q.lv();
            auto a = out_of_distribution_scores(d.pv(), &la, oo);
            auto b = out_of_distribution_scores(q.pv(), &lb, oo);
            std::size_t mismatches = 0;
            for (std::size_t i = 0; i < b.size(); ++i) mismatches += (b[i] != a[perm[i]]);
            CHECK(mismatches == 0);
        }
    }
}

TEST_CASE("property: masks of every filter map through the permutation (per duplicate group)") {
    for (const Case& c : datasets()) {
        const Data& d = c.data;
        auto perm = prop::permutation(c.seed * 7 + 3, d.n());
        Data q = prop::permute(d, perm);
        const auto gd = prop::groups(d);
        std::vector<int> gq(q.n());
        for (std::size_t i = 0; i < q.n(); ++i) gq[i] = gd[perm[i]];
        for (const auto& o : filter_variants(d)) {
            INFO("seed " << c.seed << " K " << d.k << " " << to_string(o.filter_by) << " min "
                         << o.min_examples_per_class << " frac " << o.frac_noise << " r "
                         << o.num_to_remove_per_class.size());
            auto a = unit::indices(find_label_issues(d.lv(), d.pv(), o));
            auto b = unit::indices(find_label_issues(q.lv(), q.pv(), o));
            CHECK(a.size() == b.size());
            CHECK(group_counts(a, gd) == group_counts(b, gq));
        }
    }
}

TEST_CASE("property: ranked lists map through the permutation; each is sorted by (score, index)") {
    for (const Case& c : datasets()) {
        const Data& d = c.data;
        auto perm = prop::permutation(c.seed * 7 + 4, d.n());
        Data q = prop::permute(d, perm);
        const auto gd = prop::groups(d);
        std::vector<int> gq(q.n());
        for (std::size_t i = 0; i < q.n(); ++i) gq[i] = gd[perm[i]];
        for (FilterBy f : kAllFilters) {
            FindIssuesOptions o;
            o.filter_by = f;
            for (const auto& so : kScoreOptions) {
                INFO("seed " << c.seed << " " << to_string(f) << " by " << to_string(so.method) << " adjust "
                             << so.adjust_pred_probs);
                auto ra = find_label_issues_ranked(d.lv(), d.pv(), o, so);
                auto rb = find_label_issues_ranked(q.lv(), q.pv(), o, so);
                CHECK(group_sequence(ra, gd) == group_sequence(rb, gq));
                CHECK(sorted_by_score_then_index(ra, get_label_quality_scores(d.lv(), d.pv(), so)));
                CHECK(sorted_by_score_then_index(rb, get_label_quality_scores(q.lv(), q.pv(), so)));
                // Same set as the mask.
                IndexList m = mask_to_indices(find_label_issues(d.lv(), d.pv(), o));
                IndexList s = ra;
                std::sort(s.begin(), s.end());
                CHECK(s == m);
            }
        }
    }
}

TEST_CASE("property: the data really contains duplicates and off-diagonal examples") {
    // Guards the generator: without duplicates the group logic above would test nothing special.
    for (const Case& c : datasets()) {
        auto g = prop::groups(c.data);
        std::vector<int> sorted = g;
        std::sort(sorted.begin(), sorted.end());
        CHECK(std::unique(sorted.begin(), sorted.end()) - sorted.begin() < static_cast<long>(g.size()) - 20);
        CHECK(compute_confident_joint(c.data.lv(), c.data.pv()).off_diagonal.size() > 20);
        CHECK(unit::indices(find_label_issues(c.data.lv(), c.data.pv())).size() > 10);
    }
}

TEST_CASE("property data is the same on every platform (generator fingerprint)") {
    // The standard fixes mt19937's sequence: the 10000th output for the default seed is 4123659995.
    std::mt19937 g;
    g.discard(9999);
    CHECK(g() == 4123659995u);
    // FNV-1a over the labels and the exact probabilities of one generated set. The value was
    // recorded from this test generator (libstdc++ build) and reproduced by the em++/libc++ build.
    Data d = prop::make(101, 500, 3, 3);
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::uint64_t v) {
        for (int b = 0; b < 8; ++b) {
            h ^= (v >> (8 * b)) & 0xff;
            h *= 1099511628211ull;
        }
    };
    for (auto l : d.labels) mix(static_cast<std::uint64_t>(l));
    for (double p : d.probs) mix(static_cast<std::uint64_t>(p * static_cast<double>(prop::kOne)));
    CHECK(h == 13554895349403347588ull);
}
