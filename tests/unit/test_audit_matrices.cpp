// audit's matrices option (full | sparse | none) and the steps that no longer hold K x K arrays of
// doubles (calibration, prune counts, latent estimates): same bits as the whole-matrix forms.
#include <doctest/doctest.h>

#include <vector>

#include "core/audit.hpp"
#include "core/prune.hpp"
#include "core/thresholds.hpp"
#include "filter_data.hpp"
#include "prop_data.hpp"

using namespace labelscope;

namespace {

// Rows of uneven random weights: sums are inexact, so a changed summation order would show.
unit::Data uneven(std::uint32_t seed, std::size_t n, std::size_t k) {
    prop::Rng r(seed);
    unit::Data d;
    d.k = k;
    for (std::size_t i = 0; i < n; ++i) {
        const auto truth = static_cast<std::int32_t>(r.below(static_cast<std::uint32_t>(k)));
        std::vector<double> w(k);
        double total = 0;
        for (std::size_t c = 0; c < k; ++c) {
            w[c] = (1.0 + r.below(1000)) / 7.0 + (static_cast<std::int32_t>(c) == truth ? 40.0 * r.below(100) : 0.0);
            total += w[c];
        }
        for (double v : w) d.probs.push_back(v / total);
        d.labels.push_back(r.below(100) < 70 ? truth
                                             : static_cast<std::int32_t>(r.below(static_cast<std::uint32_t>(k))));
    }
    return d;
}

void check_sparse_cells(const SparseMatrix& s, const RealMatrix& dense) {
    const SparseMatrix expected = sparse_of(dense);
    CHECK(s.rows == dense.rows);
    CHECK(s.cols == dense.cols);
    CHECK(s.row == expected.row);
    CHECK(s.col == expected.col);
    CHECK(s.value == expected.value);
}

RealMatrix as_reals(const CountMatrix& m) {
    RealMatrix r(m.rows, m.cols);
    for (std::size_t i = 0; i < m.values.size(); ++i) r.values[i] = static_cast<double>(m.values[i]);
    return r;
}

void check_forms(const unit::Data& d, AuditOptions o) {
    const Report full = audit(d.lv(), d.pv(), o);
    o.matrices = MatrixForm::sparse;
    const Report sparse = audit(d.lv(), d.pv(), o);
    o.matrices = MatrixForm::none;
    const Report none = audit(d.lv(), d.pv(), o);
    for (const Report* r : {&sparse, &none}) {
        CHECK(r->issues == full.issues);
        CHECK(r->is_label_issue == full.is_label_issue);
        CHECK(r->label_quality == full.label_quality);
        CHECK(r->suggested_label == full.suggested_label);
        CHECK(r->confident_joint_label == full.confident_joint_label);
        CHECK(r->thresholds == full.thresholds);
        CHECK(r->latent.py == full.latent.py);
        CHECK(r->num_label_issues == full.num_label_issues);
        CHECK(r->health_score == full.health_score);
        REQUIRE(r->class_quality.size() == full.class_quality.size());
        for (std::size_t c = 0; c < full.class_quality.size(); ++c) {
            CHECK(r->class_quality[c].class_index == full.class_quality[c].class_index);
            CHECK(r->class_quality[c].label_quality_score == full.class_quality[c].label_quality_score);
        }
        // The overlapping pairs: the full list up to its first zero, which is all zeros after.
        const auto& pairs = r->overlapping_classes;
        REQUIRE(pairs.size() <= full.overlapping_classes.size());
        for (std::size_t i = 0; i < full.overlapping_classes.size(); ++i) {
            const ClassOverlap& f = full.overlapping_classes[i];
            if (i >= pairs.size()) {
                CHECK(f.joint_probability == 0.0);
                continue;
            }
            CHECK(pairs[i].class_a == f.class_a);
            CHECK(pairs[i].class_b == f.class_b);
            CHECK(pairs[i].joint_probability == f.joint_probability);
            CHECK(f.joint_probability > 0.0);
        }
        CHECK(r->confident_joint.values.empty());
        CHECK(r->joint.values.empty());
        CHECK(r->latent.noise_matrix.values.empty());
    }
    CHECK(full.matrices == MatrixForm::full);
    CHECK(sparse.matrices == MatrixForm::sparse);
    check_sparse_cells(sparse.sparse.confident_joint, as_reals(full.confident_joint));
    check_sparse_cells(sparse.sparse.confident_joint_uncalibrated, as_reals(full.confident_joint_uncalibrated));
    check_sparse_cells(sparse.sparse.joint, full.joint);
    check_sparse_cells(sparse.sparse.noise_matrix, full.latent.noise_matrix);
    check_sparse_cells(sparse.sparse.inverse_noise_matrix, full.latent.inverse_noise_matrix);
    CHECK(none.sparse.confident_joint.value.empty());
    CHECK(none.sparse.noise_matrix.value.empty());
}

}  // namespace

TEST_CASE("PairwiseSum adds values given one at a time to pairwise_sum's bits") {
    prop::Rng r(11);
    for (std::size_t n : {0, 1, 7, 8, 9, 128, 129, 1000, 8191, 8192, 8193, 16384, 20000, 40001}) {
        std::vector<double> v(n);
        for (double& x : v) x = (1.0 + r.below(1u << 30)) / 3.0e7;
        PairwiseSum s;
        for (double x : v) s.add(x);
        CHECK_MESSAGE(s.result() == pairwise_sum(v), "n = " << n);
    }
}

TEST_CASE("prune flags from the joint column by column equal those from the whole prune-count matrix") {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
        const unit::Data d = seed == 3 ? prop::make(seed, 600, 12, 10) : uneven(seed, 500, 9 + seed);
        const auto counts = label_counts(d.lv(), d.k);
        const ConfidentJoint cj = compute_confident_joint(d.lv(), d.pv());
        for (FilterBy method : {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both})
            for (double frac : {1.0, 0.5})
                for (std::int64_t min_examples : {1, 5}) {
                    FindIssuesOptions o;
                    o.filter_by = method;
                    o.frac_noise = frac;
                    o.min_examples_per_class = min_examples;
                    const Mask by_column = prune_flags(d.lv(), d.pv(), cj.calibrated, o, counts);
                    const Mask whole = prune_flags(d.lv(), d.pv(), prune_counts(cj.calibrated, o, counts), counts,
                                                   method, min_examples);
                    CHECK(by_column == whole);
                }
    }
}

TEST_CASE("audit matrices: sparse and none change only the K x K parts of the report") {
    check_forms(unit::nine(), AuditOptions{});
    check_forms(uneven(5, 400, 40), AuditOptions{});
    check_forms(prop::make(7, 800, 100, 90), AuditOptions{});  // 10,000 cells: several PairwiseSum blocks
    AuditOptions o;
    o.asymmetric_overlap = true;
    o.find.filter_by = FilterBy::both;
    o.find.frac_noise = 0.6;
    check_forms(uneven(9, 300, 31), o);
}

TEST_CASE("audit matrices: the option's names") {
    CHECK(parse_matrix_form("full") == MatrixForm::full);
    CHECK(parse_matrix_form("sparse") == MatrixForm::sparse);
    CHECK(parse_matrix_form("none") == MatrixForm::none);
    CHECK(std::string(to_string(MatrixForm::sparse)) == "sparse");
    try {
        parse_matrix_form("dense");
        FAIL("no error");
    } catch (const LabelScopeError& e) {
        CHECK(e.code() == ErrorCode::invalid_option);
        CHECK(std::string(e.what()).find("'full', 'sparse' or 'none'") != std::string::npos);
    }
}
