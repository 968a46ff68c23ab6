// docs/ALGORITHMS.md §14: OOD scores from pred_probs (least_confidence = max p, entropy = 1 - normalized entropy),
// with adjust_pred_probs using thresholds from the fit data.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "unit_helpers.hpp"

using namespace labelscope;
using doctest::Approx;
using unit::Data;

namespace {

OodOptions ood(OodMethod m, bool adjust) {
    OodOptions o;
    o.method = m;
    o.adjust_pred_probs = adjust;
    return o;
}

// 1 - (-sum p ln p) / ln K, written out for the rows used below.
double one_minus_h(std::vector<double> p) {
    double h = 0;
    for (double v : p)
        if (v > 0) h -= v * std::log(v);
    return 1 - h / std::log(static_cast<double>(p.size()));
}

// t = (0.75, 0.5) as in test_scores: adjusted rows (0.7,0.3), (0.5,0.5), (0.2,0.8), (0.6,0.4).
Data dyadic() { return Data(2, {0, 0, 1, 1}, {{0.875, 0.125}, {0.625, 0.375}, {0.25, 0.75}, {0.75, 0.25}}); }

}  // namespace

TEST_CASE("least_confidence without adjustment is the row maximum") {
    Data d(3, {0, 1, 2}, {{0.7, 0.2, 0.1}, {0.4, 0.4, 0.2}, {0.1, 0.3, 0.6}});
    auto s = out_of_distribution_scores(d.pv(), nullptr, ood(OodMethod::least_confidence, false));
    CHECK(s == std::vector<double>{0.7, 0.4, 0.6});
    // labels are not needed without adjustment, but passing them changes nothing
    auto lv = d.lv();
    CHECK(out_of_distribution_scores(d.pv(), &lv, ood(OodMethod::least_confidence, false)) == s);
}

TEST_CASE("entropy without adjustment: one-hot -> 1, uniform -> 0, (0.5,0.5,0) -> 1 - ln2/ln3") {
    // (0.5, 0.5, 0): H = ln 2 / ln 3 = 0.63093 -> 0.36907.
    Data d(3, {0, 1, 2}, {{1.0, 0.0, 0.0}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0.5, 0.5, 0.0}});
    auto s = out_of_distribution_scores(d.pv(), nullptr, ood(OodMethod::entropy, false));
    REQUIRE(s.size() == 3);
    CHECK(s[0] == Approx(1.0).epsilon(1e-15));
    CHECK(s[1] == Approx(0.0).epsilon(1e-12));
    CHECK(std::fabs(s[1]) < 1e-12);
    CHECK(s[2] == Approx(0.36907).epsilon(1e-4));
    CHECK(s[2] == Approx(1 - std::log(2.0) / std::log(3.0)).epsilon(1e-12));
}

TEST_CASE("adjusted least_confidence and entropy use thresholds from the labels") {
    Data d = dyadic();
    auto lv = d.lv();
    auto lc = out_of_distribution_scores(d.pv(), &lv, ood(OodMethod::least_confidence, true));
    CHECK(lc == std::vector<double>{0.7, 0.5, 0.8, 0.6});
    auto en = out_of_distribution_scores(d.pv(), &lv, ood(OodMethod::entropy, true));
    REQUIRE(en.size() == 4);
    CHECK(en[0] == Approx(one_minus_h({0.7, 0.3})).epsilon(1e-12));
    CHECK(std::fabs(en[1]) < 1e-12);  // (0.5, 0.5): H = 1
    CHECK(en[2] == Approx(one_minus_h({0.2, 0.8})).epsilon(1e-12));
    CHECK(en[3] == Approx(one_minus_h({0.6, 0.4})).epsilon(1e-12));
    // defaults are entropy + adjust
    CHECK(out_of_distribution_scores(d.pv(), &lv) == en);
}

TEST_CASE("scoring new data reuses the fitted thresholds") {
    // t = (0.75, 0.5) from the fit data. New row (0.875, 0.125) -> (0.875, 0.375)/1.25 = (0.7, 0.3);
    // new row (0.5, 0.5) -> (0.5, 0.75)/1.25 = (0.4, 0.6).
    Data fit = dyadic();
    auto t = confident_thresholds(fit.lv(), fit.pv());
    Data fresh(2, {0, 0}, {{0.875, 0.125}, {0.5, 0.5}});
    auto lc = ood_scores_with_thresholds(fresh.pv(), ood(OodMethod::least_confidence, true), t);
    CHECK(lc == std::vector<double>{0.7, 0.6});
    // Without adjustment the thresholds are ignored.
    auto raw = ood_scores_with_thresholds(fresh.pv(), ood(OodMethod::least_confidence, false), {});
    CHECK(raw == std::vector<double>{0.875, 0.5});
}

TEST_CASE("adjust_pred_probs without labels is an error") {
    Data d = dyadic();
    try {
        out_of_distribution_scores(d.pv(), nullptr, ood(OodMethod::entropy, true));
        FAIL("expected LabelScopeError");
    } catch (const LabelScopeError& e) {
        CHECK(e.code() == ErrorCode::invalid_option);
        CHECK(unit::mentions(e.what(), "label"));
    }
}

TEST_CASE("OOD scores validate their input") {
    Data d = dyadic();
    d.probs[3] = std::nan("");
    CHECK_THROWS_AS(out_of_distribution_scores(d.pv(), nullptr, ood(OodMethod::least_confidence, false)),
                    LabelScopeError);
    Data e;
    e.k = 2;
    CHECK_THROWS_AS(out_of_distribution_scores(e.pv(), nullptr, ood(OodMethod::least_confidence, false)),
                    LabelScopeError);
}
