// Property: adding a probability column of zeros for a class that no label uses (first, middle or
// last; labels remapped) leaves every result unchanged, except what docs/ALGORITHMS.md says depends on K or
// on absent classes:
//   * K grows by one; per-class vectors and K x K tables gain an entry/row/column for the class;
//   * its threshold is T_MISSING = 2 (§4), its label count 0, its confident-joint diagonal 1
//     before calibration and 0 after (§5, §6.1); nothing is ever guessed as it (§5);
//   * latent estimates: py of the class is clipped up to the floor and py is renormalised, so every
//     py and (with converge_latent_estimates, the default of §7.3) both noise matrices change (§7.2,
//     §15.1); the class's noise-matrix column and inverse-noise-matrix row stay 0;
//   * health table: a row with noise 0 and quality 1 (§12.1, §15.1); overlap table: K more pairs with
//     joint probability 0 (§12.2); the prune methods warn that the class is too small (§10.12);
//   * scores that depend on K or on the thresholds: confidence_weighted_entropy and entropy OOD divide
//     by ln K (§9.3, §14); adjust_pred_probs shifts every row by max t = 2 (§9.4, §15.1);
//   * summation order (§2.4): sums of 8 or more terms are blocked pairwise sums, whose rounding
//     depends on how many terms there are and where they sit. The added class adds exact 0 terms,
//     which can still move the last bit of such a sum: the total ΣA of the calibration (§6.1, over
//     the K x K matrix) and the row sums ρ_k of the class table (§12.1). When ΣA moves, the rounded
//     calibrated counts may move by one and with them everything computed from them (prune masks,
//     joint, tables, calibrated count). cleanlab behaves the same. The test computes these sums as
//     docs/ALGORITHMS.md defines them and demands exact equality whenever they agree (most cases here, checked),
//     and the invariants of docs/ALGORITHMS.md (row totals, the empty row) when they do not.
// Everything else must be identical, bit for bit, always: masks of the methods that do not use the
// calibrated joint, ranked issues for scores that do not depend on K (self_confidence,
// normalized_margin without adjustment: a 0 never changes max_{j != y} p_j of a row of non-negative
// values), the scores, the 'off_diagonal' num_label_issues and health score, thresholds of the
// used classes, the uncalibrated confident joint, least_confidence OOD, the per-example labels.
// The data (prop_data.hpp) has probabilities that are multiples of 2^-30 with rows summing to 1
// exactly, so sums over examples and over a row of probabilities are exact in any order.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "prop_data.hpp"

using namespace labelscope;
using unit::Data;

namespace {

struct ZeroClass {
    Data data;             // with the added column
    std::size_t position;  // index of the added class
    // Class c of the original data is class map(c) here.
    template <class I>
    I map(I c) const {
        return c >= static_cast<I>(position) ? c + 1 : c;
    }
};

ZeroClass add_zero_class(const Data& d, std::size_t z) {
    ZeroClass e{{}, z};
    e.data.k = d.k + 1;
    for (std::int32_t y : d.labels) e.data.labels.push_back(e.map(y));
    for (std::size_t i = 0; i < d.n(); ++i)
        for (std::size_t c = 0; c <= d.k; ++c) e.data.probs.push_back(c == z ? 0.0 : d.p(i, c < z ? c : c - 1));
    return e;
}

template <class T>
std::vector<T> with_inserted(std::vector<T> v, std::size_t z, T value) {
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(z), value);
    return v;
}

template <class T>
Matrix<T> with_inserted(const Matrix<T>& m, const ZeroClass& e, T fill) {
    Matrix<T> out(m.rows + 1, m.cols + 1, fill);
    for (std::size_t r = 0; r < m.rows; ++r)
        for (std::size_t c = 0; c < m.cols; ++c) out(e.map(r), e.map(c)) = m(r, c);
    return out;
}

std::vector<std::int32_t> remapped(const std::vector<std::int32_t>& v, const ZeroClass& e) {
    std::vector<std::int32_t> out;
    for (std::int32_t c : v) out.push_back(c < 0 ? c : e.map(c));
    return out;
}

// The class table docs/ALGORITHMS.md §12.1 gives once the class is added: the old rows renumbered plus a row
// with no issues and quality 1, stably sorted by quality (ties by class index).
std::vector<ClassQuality> expected_quality(const std::vector<ClassQuality>& rows, const ZeroClass& e) {
    std::vector<ClassQuality> out;
    for (ClassQuality q : rows) {
        q.class_index = e.map(q.class_index);
        out.push_back(q);
    }
    out.push_back({static_cast<std::int32_t>(e.position), 0, 0, 0.0, 0.0, 1.0});
    std::stable_sort(out.begin(), out.end(), [](const ClassQuality& a, const ClassQuality& b) {
        return a.label_quality_score != b.label_quality_score ? a.label_quality_score < b.label_quality_score
                                                              : a.class_index < b.class_index;
    });
    return out;
}

// The overlap table of docs/ALGORITHMS.md §12.2 with the class added: every old pair renumbered, every pair with
// the new class at 0, in generation order, then stably sorted by joint probability descending.
std::vector<ClassOverlap> expected_overlaps(const std::vector<ClassOverlap>& rows, std::size_t k_new,
                                            const ZeroClass& e, bool asymmetric) {
    std::vector<ClassOverlap> out;
    for (std::size_t a = 0; a < k_new; ++a)
        for (std::size_t b = asymmetric ? 0 : a + 1; b < k_new; ++b) {
            if (a == b) continue;
            ClassOverlap o{static_cast<std::int32_t>(a), static_cast<std::int32_t>(b), 0, 0.0};
            for (const ClassOverlap& old : rows)
                if (e.map(old.class_a) == o.class_a && e.map(old.class_b) == o.class_b) {
                    o.num_overlapping_examples = old.num_overlapping_examples;
                    o.joint_probability = old.joint_probability;
                }
            out.push_back(o);
        }
    std::stable_sort(out.begin(), out.end(), [](const ClassOverlap& x, const ClassOverlap& y) {
        return x.joint_probability > y.joint_probability;
    });
    return out;
}

std::string describe(const std::vector<ClassQuality>& rows) {
    std::ostringstream s;
    s.precision(17);
    for (const auto& q : rows)
        s << "[" << q.class_index << " " << q.label_issues << " " << q.inverse_label_issues << " " << q.label_noise
          << " " << q.inverse_label_noise << " " << q.label_quality_score << "] ";
    return s.str();
}

std::string describe(const std::vector<ClassOverlap>& rows) {
    std::ostringstream s;
    s.precision(17);
    for (const auto& o : rows)
        s << "[" << o.class_a << " " << o.class_b << " " << o.num_overlapping_examples << " " << o.joint_probability
          << "] ";
    return s.str();
}

bool same(const std::vector<ClassQuality>& a, const std::vector<ClassQuality>& b) { return describe(a) == describe(b); }
bool same(const std::vector<ClassOverlap>& a, const std::vector<ClassOverlap>& b) { return describe(a) == describe(b); }

// Warnings of the data with the class added: the old ones (class warnings renumbered), plus, for
// the prune methods, "too small" for the new class, in class order after the validation warnings.
void check_warnings(const Warnings& before, const Warnings& after, const ZeroClass& e, FilterBy filter_by) {
    Warnings expected;
    bool added = !is_prune_method(filter_by);
    for (const Warning& w : before) {
        Warning x = w;
        if (x.class_index >= 0) x.class_index = e.map(x.class_index);
        if (!added &&
            (x.code == WarningCode::option_ignored ||
             (x.code == WarningCode::class_too_small && x.class_index > static_cast<std::int64_t>(e.position)))) {
            expected.push_back({WarningCode::class_too_small, "", 0, -1, static_cast<std::int64_t>(e.position)});
            added = true;
        }
        expected.push_back(x);
    }
    if (!added) expected.push_back({WarningCode::class_too_small, "", 0, -1, static_cast<std::int64_t>(e.position)});
    REQUIRE(after.size() == expected.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        INFO("warning " << i << ": " << after[i].message);
        CHECK(after[i].code == expected[i].code);
        CHECK(after[i].count == expected[i].count);
        CHECK(after[i].first_example == expected[i].first_example);
        CHECK(after[i].class_index == expected[i].class_index);
        if (expected[i].class_index < 0)
            CHECK(after[i].message == expected[i].message);
        else
            CHECK(unit::mentions(after[i].message, "class " + std::to_string(expected[i].class_index) + " "));
    }
}

std::vector<AuditOptions> audit_variants() {
    std::vector<AuditOptions> out;
    out.emplace_back();  // defaults
    AuditOptions a;
    a.find.filter_by = FilterBy::both;
    a.find.min_examples_per_class = 30;
    a.find.frac_noise = 0.6;
    a.rank_by = ScoreOptions{ScoreMethod::normalized_margin, false};
    a.asymmetric_overlap = true;
    out.push_back(a);
    AuditOptions b;
    b.find.filter_by = FilterBy::low_normalized_margin;
    b.rank_by = ScoreOptions{ScoreMethod::confidence_weighted_entropy, false};  // depends on K
    out.push_back(b);
    AuditOptions c;
    c.find.filter_by = FilterBy::prune_by_class;
    c.rank_by = ScoreOptions{ScoreMethod::self_confidence, true};  // depends on max t
    out.push_back(c);
    AuditOptions d;
    d.find.filter_by = FilterBy::confident_learning;
    d.rank_by = std::nullopt;
    out.push_back(d);
    return out;
}

bool score_depends_on_k(const ScoreOptions& s) {
    return s.adjust_pred_probs || s.method == ScoreMethod::confidence_weighted_entropy;
}

bool uses_calibrated_joint(FilterBy f) { return is_prune_method(f); }

// ΣA of docs/ALGORITHMS.md §6.1 for a raw confident joint, summed as §2.4 says.
double calibration_total(const CountMatrix& raw, const std::vector<std::int64_t>& n) {
    std::vector<double> a;
    for (std::size_t r = 0; r < raw.rows; ++r) {
        double row = 0;
        for (std::size_t c = 0; c < raw.cols; ++c) row += static_cast<double>(raw(r, c));
        for (std::size_t c = 0; c < raw.cols; ++c)
            a.push_back(static_cast<double>(raw(r, c)) / std::max(row, TINY) * static_cast<double>(n[r]));
    }
    return pairwise_sum(a);
}

// Which §2.4 sums the added zero terms moved, for one dataset and one position of the class.
struct SumOrder {
    bool calibration_same = true;  // ΣA (§6.1) unchanged
    bool joint_same = true;        // so the calibrated counts came out the same (always, if ΣA did)
    bool row_sums_same = true;     // every ρ_k of the class table (§12.1) unchanged
};

SumOrder sum_order(const Data& d, const ZeroClass& e) {
    SumOrder s;
    const ConfidentJoint a = compute_confident_joint(d.lv(), d.pv());
    const ConfidentJoint b = compute_confident_joint(e.data.lv(), e.data.pv());
    s.calibration_same = calibration_total(a.uncalibrated, label_counts(d.lv(), d.k)) ==
                         calibration_total(b.uncalibrated, label_counts(e.data.lv(), e.data.k));
    s.joint_same = b.calibrated == with_inserted<std::int64_t>(a.calibrated, e, 0);
    // The one claim here that does not wait for the sums: the same ΣA gives the same counts.
    if (s.calibration_same) CHECK(s.joint_same);
    const RealMatrix qa = estimate_joint(d.lv(), d.pv()), qb = estimate_joint(e.data.lv(), e.data.pv());
    for (std::size_t r = 0; r < d.k; ++r)
        s.row_sums_same = s.row_sums_same && pairwise_sum(&qa.values[r * d.k], d.k) ==
                                                 pairwise_sum(&qb.values[e.map(r) * e.data.k], e.data.k);
    return s;
}

// The invariants (docs/ALGORITHMS.md) of a calibrated joint with an absent class, whatever the summation did.
void check_calibrated_invariants(const CountMatrix& c, const std::vector<std::int64_t>& n, std::size_t z) {
    for (std::size_t r = 0; r < c.rows; ++r) {
        std::int64_t total = 0;
        for (std::size_t col = 0; col < c.cols; ++col) total += c(r, col);
        CHECK(total == n[r]);
        CHECK(c(z, r) == 0);  // the absent class's row is all zeros (§6.1)
        CHECK(c(r, z) == 0);  // nothing is ever guessed as it (§5)
    }
}

void check_audit(const Data& d, const ZeroClass& e, const AuditOptions& o, const SumOrder& sums) {
    const Report a = audit(d.lv(), d.pv(), o);
    const Report b = audit(e.data.lv(), e.data.pv(), o);
    const std::size_t z = e.position;
    const bool exact_flags = sums.joint_same || !uses_calibrated_joint(o.find.filter_by);

    // What must not change.
    CHECK(b.num_examples == a.num_examples);
    CHECK(b.num_label_issues == a.num_label_issues);
    CHECK(b.health_score == a.health_score);
    CHECK(b.suggested_label == remapped(a.suggested_label, e));
    CHECK(b.confident_joint_label == remapped(a.confident_joint_label, e));
    CHECK(b.predicted_label == remapped(a.predicted_label, e));
    const ScoreOptions score = o.rank_by.value_or(ScoreOptions{});
    if (!score_depends_on_k(score)) CHECK(b.label_quality == a.label_quality);
    if (exact_flags) {
        CHECK(b.is_label_issue == a.is_label_issue);
        if (score_depends_on_k(score)) {
            // Same flagged set; the rank order follows the changed scores.
            IndexList sa = a.issues, sb = b.issues;
            std::sort(sa.begin(), sa.end());
            std::sort(sb.begin(), sb.end());
            CHECK(sb == sa);
        } else {
            CHECK(b.issues == a.issues);
        }
    }

    // What changes, exactly as docs/ALGORITHMS.md says.
    CHECK(b.num_classes == a.num_classes + 1);
    CHECK(b.label_counts == with_inserted<std::int64_t>(a.label_counts, z, 0));
    CHECK(b.thresholds == with_inserted(a.thresholds, z, 2.0));
    CountMatrix raw = with_inserted<std::int64_t>(a.confident_joint_uncalibrated, e, 0);
    raw(z, z) = 1;  // diagonal floor, also for absent classes (§5)
    CHECK(b.confident_joint_uncalibrated == raw);
    check_calibrated_invariants(b.confident_joint, b.label_counts, z);
    if (sums.calibration_same) CHECK(b.confident_joint == with_inserted<std::int64_t>(a.confident_joint, e, 0));
    if (sums.joint_same) {
        CHECK(b.joint == with_inserted(a.joint, e, 0.0));
        {
            INFO("overlap table after: " << describe(b.overlapping_classes));
            CHECK(same(b.overlapping_classes,
                       expected_overlaps(a.overlapping_classes, b.num_classes, e, o.asymmetric_overlap)));
        }
        INFO("class table before: " << describe(a.class_quality) << "\nafter: " << describe(b.class_quality));
        if (sums.row_sums_same) {
            CHECK(same(b.class_quality, expected_quality(a.class_quality, e)));
        } else {
            // ρ_k moved in its last bits: the label-noise columns follow it; the rest may not move.
            REQUIRE(b.class_quality.size() == a.class_quality.size() + 1);
            for (const ClassQuality& qa : a.class_quality)
                for (const ClassQuality& qb : b.class_quality)
                    if (qb.class_index == e.map(qa.class_index)) {
                        CHECK(qb.inverse_label_issues == qa.inverse_label_issues);
                        CHECK(qb.inverse_label_noise == qa.inverse_label_noise);
                    }
        }
    }
    // Latent estimates: py is renormalised around the clipped prior of the absent class (§7.2).
    REQUIRE(b.latent.py.size() == a.latent.py.size() + 1);
    CHECK(b.latent.py[z] > 0.0);
    CHECK(b.latent.py[z] < 1.1e-5);  // the floor 1e-5 after convergence, then renormalised
    for (std::size_t r = 0; r < b.num_classes; ++r) {
        CHECK(b.latent.noise_matrix(r, z) == 0.0);
        CHECK(b.latent.inverse_noise_matrix(z, r) == 0.0);
    }
    // The class-quality row of the absent class: no issues, quality 1.
    for (const ClassQuality& q : b.class_quality)
        if (q.class_index == static_cast<std::int32_t>(z)) {
            CHECK(q.label_issues == 0);
            CHECK(q.inverse_label_issues == 0);
            CHECK(q.label_noise == 0.0);
            CHECK(q.inverse_label_noise == 0.0);
            CHECK(q.label_quality_score == 1.0);
        }
    check_warnings(a.warnings, b.warnings, e, o.find.filter_by);
}

std::vector<FindIssuesOptions> filter_variants(const Data& d) {
    std::vector<FindIssuesOptions> out;
    for (FilterBy f : prop::kAllFilters) {
        FindIssuesOptions o;
        o.filter_by = f;
        out.push_back(o);
        FindIssuesOptions m = o;
        m.min_examples_per_class = 25;
        m.frac_noise = 0.7;
        if (is_prune_method(f)) out.push_back(m);
    }
    const auto n = label_counts(d.lv(), d.k);
    for (FilterBy f : {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both}) {
        FindIssuesOptions r;
        r.filter_by = f;
        for (auto c : n) r.num_to_remove_per_class.push_back(c / 8);
        out.push_back(r);
    }
    return out;
}

void check_functions(const Data& d, const ZeroClass& e, const SumOrder& sums) {
    const std::size_t z = e.position;
    for (FindIssuesOptions o : filter_variants(d)) {
        if (uses_calibrated_joint(o.filter_by) && !sums.joint_same) continue;
        INFO("filter_by " << std::string(to_string(o.filter_by)) << " min " << o.min_examples_per_class << " frac "
                          << o.frac_noise << " remove " << o.num_to_remove_per_class.size());
        const Mask before = find_label_issues(d.lv(), d.pv(), o);
        if (!o.num_to_remove_per_class.empty())
            o.num_to_remove_per_class = with_inserted<std::int64_t>(o.num_to_remove_per_class, z, 0);
        CHECK(find_label_issues(e.data.lv(), e.data.pv(), o) == before);
    }
    for (const ScoreOptions& s : prop::kScoreOptions) {
        if (score_depends_on_k(s)) continue;
        INFO("score " << std::string(to_string(s.method)));
        CHECK(get_label_quality_scores(e.data.lv(), e.data.pv(), s) == get_label_quality_scores(d.lv(), d.pv(), s));
        FindIssuesOptions f;
        f.filter_by = FilterBy::confident_learning;
        CHECK(find_label_issues_ranked(e.data.lv(), e.data.pv(), f, s) ==
              find_label_issues_ranked(d.lv(), d.pv(), f, s));
        if (sums.joint_same) {
            f.filter_by = FilterBy::prune_by_noise_rate;
            CHECK(find_label_issues_ranked(e.data.lv(), e.data.pv(), f, s) ==
                  find_label_issues_ranked(d.lv(), d.pv(), f, s));
        }
    }
    CHECK(num_label_issues(e.data.lv(), e.data.pv()) == num_label_issues(d.lv(), d.pv()));
    if (sums.joint_same)
        CHECK(num_label_issues(e.data.lv(), e.data.pv(), EstimationMethod::off_diagonal_calibrated) ==
              num_label_issues(d.lv(), d.pv(), EstimationMethod::off_diagonal_calibrated));
    const OodOptions least{OodMethod::least_confidence, false};
    CHECK(out_of_distribution_scores(e.data.pv(), nullptr, least) ==
          out_of_distribution_scores(d.pv(), nullptr, least));

    // Without convergence the noise matrices of §7.2 are column-normalised counts (column sums run
    // row after row, so an added 0 changes nothing): only py moves.
    const CountMatrix cd = compute_confident_joint(d.lv(), d.pv()).calibrated;
    const CountMatrix ce = compute_confident_joint(e.data.lv(), e.data.pv()).calibrated;
    check_calibrated_invariants(ce, label_counts(e.data.lv(), e.data.k), z);
    if (!sums.joint_same) return;
    const LatentEstimates la = estimate_latent(cd, label_counts(d.lv(), d.k), PyMethod::cnt, false);
    const LatentEstimates lb = estimate_latent(ce, label_counts(e.data.lv(), e.data.k), PyMethod::cnt, false);
    CHECK(lb.noise_matrix == with_inserted(la.noise_matrix, e, 0.0));
    CHECK(lb.inverse_noise_matrix == with_inserted(la.inverse_noise_matrix, e, 0.0));
}

struct Named {
    Data data;
    std::string name;
};

std::vector<Named> datasets() {
    std::vector<Named> out;
    // With ties: ~10% exact duplicates and ~5% same row with another label (prop::make).
    out.push_back({prop::make(31, 400, 3, 3), "ties K3"});
    out.push_back({prop::make(32, 500, 5, 5), "ties K5"});
    out.push_back({prop::make(33, 450, 6, 5), "ties K6, class 5 already absent"});
    out.push_back({prop::make(34, 600, 9, 9), "ties K9 (pairwise sums over >= 8 classes)"});
    // Without ties between different examples.
    for (prop::Case c : {prop::tie_free(41, 450, 4, 4), prop::tie_free(42, 500, 7, 7)})
        out.push_back({c.data, "tie-free K" + std::to_string(c.data.k) + " seed " + std::to_string(c.seed)});
    return out;
}

}  // namespace

TEST_CASE("property: a zero column for an unused class changes only what depends on K (audit)") {
    int exact = 0, cases = 0;
    for (const Named& nd : datasets()) {
        const Data& d = nd.data;
        for (std::size_t z : {std::size_t{0}, d.k / 2, d.k}) {
            const ZeroClass e = add_zero_class(d, z);
            const SumOrder sums = sum_order(d, e);
            ++cases;
            exact += sums.joint_same && sums.row_sums_same;
            for (const AuditOptions& o : audit_variants()) {
                INFO(nd.name << ", zero column at " << z << ", " << std::string(to_string(o.find.filter_by))
                             << ", rank " << std::string(o.rank_by ? to_string(o.rank_by->method) : "none")
                             << (sums.calibration_same ? "" : ", ΣA moved")
                             << (sums.joint_same ? "" : ", calibrated counts moved")
                             << (sums.row_sums_same ? "" : ", ρ moved"));
                check_audit(d, e, o, sums);
            }
        }
    }
    // The exact comparisons must carry most of the weight, or the data above needs changing.
    INFO(exact << " of " << cases << " cases with the same calibrated counts and row sums");
    CHECK(exact * 3 >= cases * 2);
}

TEST_CASE("property: a zero column for an unused class changes no flag, score or count (functions)") {
    for (const Named& nd : datasets()) {
        const Data& d = nd.data;
        for (std::size_t z : {std::size_t{0}, d.k / 2, d.k}) {
            INFO(nd.name << ", zero column at " << z);
            const ZeroClass e = add_zero_class(d, z);
            check_functions(d, e, sum_order(d, e));
        }
    }
}

TEST_CASE("property: a zero column for an unused class, float32 storage") {
    const Data d = prop::make(51, 500, 5, 5);
    for (std::size_t z : {std::size_t{0}, std::size_t{2}, std::size_t{5}}) {
        INFO("zero column at " << z);
        const ZeroClass e = add_zero_class(d, z);
        const std::vector<float> fa(d.probs.begin(), d.probs.end()), fb(e.data.probs.begin(), e.data.probs.end());
        const ProbsView<float> pa{fa.data(), d.n(), d.k}, pb{fb.data(), e.data.n(), e.data.k};
        const Report a = audit(d.lv(), pa), b = audit(e.data.lv(), pb);
        CHECK(b.label_quality == a.label_quality);
        CHECK(b.num_label_issues == a.num_label_issues);
        CHECK(b.thresholds == with_inserted(a.thresholds, z, 2.0));
        CHECK(b.suggested_label == remapped(a.suggested_label, e));
        CountMatrix raw = with_inserted<std::int64_t>(a.confident_joint_uncalibrated, e, 0);
        raw(z, z) = 1;
        CHECK(b.confident_joint_uncalibrated == raw);
        check_calibrated_invariants(b.confident_joint, b.label_counts, z);
        if (calibration_total(a.confident_joint_uncalibrated, a.label_counts) ==
            calibration_total(b.confident_joint_uncalibrated, b.label_counts))
            CHECK(b.confident_joint == with_inserted<std::int64_t>(a.confident_joint, e, 0));
        if (b.confident_joint == with_inserted<std::int64_t>(a.confident_joint, e, 0)) {
            CHECK(b.is_label_issue == a.is_label_issue);
            CHECK(b.issues == a.issues);
        }
    }
}
