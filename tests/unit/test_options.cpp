// Option names (cleanlab's spellings), defaults, and rejection of bad option values (docs/ALGORITHMS.md §10.1).
#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

#include "filter_data.hpp"

using namespace labelscope;
using unit::by;

namespace {

// Runs f, expects invalid_option, returns the message.
template <class F>
std::string invalid_option_message(F&& f) {
    try {
        f();
    } catch (const LabelScopeError& e) {
        CHECK(e.code() == ErrorCode::invalid_option);
        return e.what();
    } catch (...) {
        FAIL("wrong exception type");
    }
    FAIL("no exception thrown");
    return {};
}

}  // namespace

TEST_CASE("filter_by names round-trip") {
    const std::vector<std::pair<const char*, FilterBy>> names = {
        {"prune_by_noise_rate", FilterBy::prune_by_noise_rate},
        {"prune_by_class", FilterBy::prune_by_class},
        {"both", FilterBy::both},
        {"confident_learning", FilterBy::confident_learning},
        {"predicted_neq_given", FilterBy::predicted_neq_given},
        {"low_normalized_margin", FilterBy::low_normalized_margin},
        {"low_self_confidence", FilterBy::low_self_confidence}};
    for (auto [name, v] : names) {
        CHECK(parse_filter_by(name) == v);
        CHECK(std::string(to_string(v)) == name);
    }
}

TEST_CASE("score, py, estimation and OOD method names round-trip") {
    for (auto [n, v] : std::vector<std::pair<const char*, ScoreMethod>>{
             {"self_confidence", ScoreMethod::self_confidence},
             {"normalized_margin", ScoreMethod::normalized_margin},
             {"confidence_weighted_entropy", ScoreMethod::confidence_weighted_entropy}}) {
        CHECK(parse_score_method(n) == v);
        CHECK(std::string(to_string(v)) == n);
    }
    for (auto [n, v] : std::vector<std::pair<const char*, PyMethod>>{{"cnt", PyMethod::cnt},
                                                                     {"eqn", PyMethod::eqn},
                                                                     {"marginal", PyMethod::marginal},
                                                                     {"marginal_ps", PyMethod::marginal_ps}}) {
        CHECK(parse_py_method(n) == v);
        CHECK(std::string(to_string(v)) == n);
    }
    for (auto [n, v] : std::vector<std::pair<const char*, EstimationMethod>>{
             {"off_diagonal", EstimationMethod::off_diagonal},
             {"off_diagonal_calibrated", EstimationMethod::off_diagonal_calibrated},
             {"off_diagonal_custom", EstimationMethod::off_diagonal_custom}}) {
        CHECK(parse_estimation_method(n) == v);
        CHECK(std::string(to_string(v)) == n);
    }
    for (auto [n, v] : std::vector<std::pair<const char*, OodMethod>>{{"entropy", OodMethod::entropy},
                                                                      {"least_confidence", OodMethod::least_confidence},
                                                                      {"gen", OodMethod::gen}}) {
        CHECK(parse_ood_method(n) == v);
        CHECK(std::string(to_string(v)) == n);
    }
}

TEST_CASE("unknown names are invalid_option and the message names the bad value and the choices") {
    std::string m = invalid_option_message([] { parse_filter_by("prune_by_noise"); });
    CHECK(unit::mentions(m, "prune_by_noise"));
    CHECK(unit::mentions(m, "prune_by_noise_rate"));
    CHECK(unit::mentions(m, "low_self_confidence"));

    m = invalid_option_message([] { parse_score_method("entropy"); });
    CHECK(unit::mentions(m, "entropy"));
    CHECK(unit::mentions(m, "self_confidence"));
    CHECK(unit::mentions(m, "normalized_margin"));

    m = invalid_option_message([] { parse_py_method("count"); });
    CHECK(unit::mentions(m, "count"));
    CHECK(unit::mentions(m, "marginal_ps"));

    m = invalid_option_message([] { parse_estimation_method("diagonal"); });
    CHECK(unit::mentions(m, "diagonal"));
    CHECK(unit::mentions(m, "off_diagonal_calibrated"));

    m = invalid_option_message([] { parse_ood_method("max"); });
    CHECK(unit::mentions(m, "least_confidence"));

    invalid_option_message([] { parse_filter_by(""); });
}

TEST_CASE("option defaults are cleanlab's") {
    FindIssuesOptions f;
    CHECK(f.filter_by == FilterBy::prune_by_noise_rate);
    CHECK(f.frac_noise == 1.0);
    CHECK(f.num_to_remove_per_class.empty());
    CHECK(f.min_examples_per_class == 1);
    CHECK(f.confident_joint == nullptr);
    ScoreOptions s;
    CHECK(s.method == ScoreMethod::self_confidence);
    CHECK_FALSE(s.adjust_pred_probs);
    OodOptions o;
    CHECK(o.method == OodMethod::entropy);
    CHECK(o.adjust_pred_probs);
}

TEST_CASE("num_to_remove_per_class with a non-prune method is invalid_option (docs/ALGORITHMS.md §10.1)") {
    unit::Data d = unit::nine();
    for (FilterBy f : {FilterBy::confident_learning, FilterBy::predicted_neq_given, FilterBy::low_self_confidence,
                       FilterBy::low_normalized_margin}) {
        INFO(to_string(f));
        auto o = by(f);
        o.num_to_remove_per_class = {1, 0, 0};
        std::string m = invalid_option_message([&] { find_label_issues(d.lv(), d.pv(), o); });
        CHECK(unit::mentions(m, "num_to_remove_per_class"));
        CHECK(unit::mentions(m, to_string(f)));
    }
}

TEST_CASE("num_to_remove_per_class of the wrong length is invalid_option") {
    unit::Data d = unit::nine();  // K = 3
    auto o = by(FilterBy::prune_by_class);
    o.num_to_remove_per_class = {1, 1};
    std::string m = invalid_option_message([&] { find_label_issues(d.lv(), d.pv(), o); });
    CHECK(unit::mentions(m, "num_to_remove_per_class"));
    CHECK(unit::mentions(m, "2"));
    CHECK(unit::mentions(m, "3"));
}

TEST_CASE("frac_noise outside (0, 1] is invalid_option") {
    unit::Data d = unit::nine();
    for (double f : {0.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
        INFO("frac_noise = " << f);
        auto o = by(FilterBy::prune_by_noise_rate);
        o.frac_noise = f;
        std::string m = invalid_option_message([&] { find_label_issues(d.lv(), d.pv(), o); });
        CHECK(unit::mentions(m, "frac_noise"));
    }
}

TEST_CASE("negative min_examples_per_class is invalid_option") {
    unit::Data d = unit::nine();
    auto o = by(FilterBy::prune_by_class);
    o.min_examples_per_class = -1;
    std::string m = invalid_option_message([&] { find_label_issues(d.lv(), d.pv(), o); });
    CHECK(unit::mentions(m, "min_examples_per_class"));
    CHECK(unit::mentions(m, "-1"));
}

TEST_CASE("a supplied confident joint of the wrong shape is invalid_option") {
    unit::Data d = unit::nine();  // K = 3
    const auto c = unit::counts(2, {1, 0, 0, 1});
    auto o = by(FilterBy::prune_by_noise_rate);
    o.confident_joint = &c;
    std::string m = invalid_option_message([&] { find_label_issues(d.lv(), d.pv(), o); });
    CHECK(unit::mentions_any(m, {"confident_joint", "confident joint"}));
}
