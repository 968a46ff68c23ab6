// Input validation (docs/ALGORITHMS.md §3.2, stricter than cleanlab): every error has a code, says what is wrong,
// where (example and class) and what to do; near-misses are warnings and the analysis still runs.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "filter_data.hpp"

using namespace labelscope;
using unit::Data;
using unit::mentions;
using unit::mentions_any;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

// A clean 5 x 3 dataset to corrupt one cell or label at a time.
Data clean() {
    return Data(3, {0, 1, 2, 0, 1},
                {{0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.2, 0.2, 0.6}, {0.5, 0.25, 0.25}, {0.3, 0.6, 0.1}});
}

LabelScopeError expect_error(const std::function<void()>& f, ErrorCode code) {
    try {
        f();
    } catch (const LabelScopeError& e) {
        CHECK_MESSAGE(e.code() == code, "got " << to_string(e.code()) << ": " << e.what());
        return e;
    } catch (const std::exception& e) {
        FAIL("not a LabelScopeError: " << e.what());
    }
    FAIL("no error for " << to_string(code));
    return LabelScopeError(code, "");
}

LabelScopeError validate_error(const Data& d, ErrorCode code) {
    return expect_error([&] { validate_inputs(d.lv(), d.pv()); }, code);
}

const Warning* find_warning(const Warnings& ws, WarningCode code) {
    for (const auto& w : ws)
        if (w.code == code) return &w;
    return nullptr;
}

}  // namespace

TEST_CASE("a clean dataset validates without warnings") {
    Data d = clean();
    CHECK(validate_inputs(d.lv(), d.pv()).empty());
    CHECK(validate_probs(d.pv()).empty());
    CHECK(label_counts(d.lv(), 3) == std::vector<std::int64_t>{2, 2, 1});
    CHECK(label_counts(d.lv(), 4) == std::vector<std::int64_t>{2, 2, 1, 0});
}

TEST_CASE("N = 0 is empty_input") {
    Data d;
    d.k = 3;
    auto e = validate_error(d, ErrorCode::empty_input);
    CHECK(mentions_any(e.what(), {"empty", "no examples", "0 examples", "zero"}));
    expect_error([&] { find_label_issues(d.lv(), d.pv()); }, ErrorCode::empty_input);
    expect_error([&] { get_label_quality_scores(d.lv(), d.pv()); }, ErrorCode::empty_input);
    expect_error([&] { validate_probs(d.pv()); }, ErrorCode::empty_input);
}

TEST_CASE("K = 1 column is too_few_classes") {
    Data d(1, {0, 0, 0}, {{1.0}, {1.0}, {1.0}});
    auto e = validate_error(d, ErrorCode::too_few_classes);
    std::string m = e.what();
    CHECK(mentions(m, "1"));
    CHECK(mentions(m, "2"));
    CHECK(mentions_any(m, {"column", "class"}));
    CHECK(unit::gives_advice(m));
    expect_error([&] { get_label_quality_scores(d.lv(), d.pv()); }, ErrorCode::too_few_classes);
    expect_error([&] { num_label_issues(d.lv(), d.pv()); }, ErrorCode::too_few_classes);
}

TEST_CASE("labels and rows of different length is length_mismatch, naming both lengths") {
    Data d = clean();
    d.labels.push_back(0);  // 6 labels, 5 rows
    auto e = validate_error(d, ErrorCode::length_mismatch);
    std::string m = e.what();
    CHECK(mentions(m, "6"));
    CHECK(mentions(m, "5"));
    CHECK(unit::gives_advice(m));
    expect_error([&] { find_label_issues(d.lv(), d.pv()); }, ErrorCode::length_mismatch);
}

TEST_CASE("NaN, +inf and -inf are non_finite, with example and class") {
    struct Case {
        double value;
        std::size_t row, col;
        const char* text;
    };
    for (Case c : {Case{kNaN, 2, 1, "nan"}, Case{kInf, 1, 0, "inf"}, Case{-kInf, 4, 2, "inf"}}) {
        INFO("value " << c.value << " at " << c.row << "," << c.col);
        Data d = clean();
        d.probs[c.row * 3 + c.col] = c.value;
        auto e = validate_error(d, ErrorCode::non_finite);
        CHECK(e.example() == static_cast<std::int64_t>(c.row));
        CHECK(e.class_index() == static_cast<std::int64_t>(c.col));
        std::string m = e.what();
        CHECK(mentions(m, c.text));
        CHECK(mentions(m, std::to_string(c.row)));
        CHECK(mentions(m, std::to_string(c.col)));
        CHECK(unit::gives_advice(m));
        expect_error([&] { find_label_issues(d.lv(), d.pv()); }, ErrorCode::non_finite);
        expect_error([&] { get_label_quality_scores(d.lv(), d.pv()); }, ErrorCode::non_finite);
        expect_error([&] { validate_probs(d.pv()); }, ErrorCode::non_finite);
    }
}

TEST_CASE("values more than 1e-3 outside [0, 1] are out_of_range, with the value and position") {
    struct Case {
        double value;
        std::size_t row, col;
        const char* text;
    };
    for (Case c : {Case{1.01, 3, 2, "1.01"}, Case{-0.01, 1, 0, "-0.01"}}) {
        INFO("value " << c.value);
        Data d = clean();
        d.probs[c.row * 3 + c.col] = c.value;
        auto e = validate_error(d, ErrorCode::out_of_range);
        CHECK(e.example() == static_cast<std::int64_t>(c.row));
        CHECK(e.class_index() == static_cast<std::int64_t>(c.col));
        std::string m = e.what();
        CHECK(mentions(m, c.text));
        CHECK(mentions(m, std::to_string(c.row)));
        CHECK(unit::gives_advice(m));
        expect_error([&] { find_label_issues(d.lv(), d.pv()); }, ErrorCode::out_of_range);
    }
}

TEST_CASE("labels outside 0..K-1 are label_out_of_range, with the example and the label") {
    SUBCASE("label -1") {
        Data d = clean();
        d.labels[4] = -1;
        auto e = validate_error(d, ErrorCode::label_out_of_range);
        CHECK(e.example() == 4);
        std::string m = e.what();
        CHECK(mentions(m, "-1"));
        CHECK(mentions(m, "4"));
        CHECK(unit::gives_advice(m));
    }
    SUBCASE("label = K") {
        Data d = clean();
        d.labels[1] = 3;
        auto e = validate_error(d, ErrorCode::label_out_of_range);
        CHECK(e.example() == 1);
        std::string m = e.what();
        CHECK(mentions(m, "3"));
        CHECK(mentions(m, "1"));
        CHECK(unit::gives_advice(m));
        expect_error([&] { get_label_quality_scores(d.lv(), d.pv()); }, ErrorCode::label_out_of_range);
    }
}

TEST_CASE("all labels of one class: an error for find_label_issues, fine for quality scores") {
    Data d = clean();
    d.labels = {1, 1, 1, 1, 1};
    auto e = validate_error(d, ErrorCode::single_label_class);
    std::string m = e.what();
    CHECK(mentions(m, "1"));
    CHECK(unit::gives_advice(m));
    expect_error([&] { find_label_issues(d.lv(), d.pv()); }, ErrorCode::single_label_class);
    expect_error([&] { num_label_issues(d.lv(), d.pv()); }, ErrorCode::single_label_class);
    // all zeros too (the port does not copy cleanlab's multi-label special case for find_label_issues)
    Data z = clean();
    z.labels = {0, 0, 0, 0, 0};
    expect_error([&] { find_label_issues(z.lv(), z.pv()); }, ErrorCode::single_label_class);

    ValidationOptions lenient;
    lenient.require_two_label_classes = false;
    CHECK_NOTHROW(validate_inputs(d.lv(), d.pv(), lenient));
    auto s = get_label_quality_scores(d.lv(), d.pv());
    CHECK(s == std::vector<double>{0.2, 0.8, 0.2, 0.25, 0.6});
}

TEST_CASE("values within 1e-3 outside [0, 1] are accepted with a values_slightly_outside warning") {
    // 1.00001 at example 1: row (1.00001, 0, 0); -1e-5 at example 3: row (0.50001, -1e-5, 0.5).
    Data d = clean();
    for (std::size_t j = 0; j < 3; ++j) d.probs[1 * 3 + j] = std::vector<double>{1.00001, 0.0, 0.0}[j];
    for (std::size_t j = 0; j < 3; ++j) d.probs[3 * 3 + j] = std::vector<double>{0.50001, -1e-5, 0.5}[j];
    Warnings ws;
    REQUIRE_NOTHROW(ws = validate_inputs(d.lv(), d.pv()));
    const Warning* w = find_warning(ws, WarningCode::values_slightly_outside);
    REQUIRE(w != nullptr);
    CHECK(w->count == 2);
    CHECK(w->first_example == 1);
    CHECK_FALSE(w->message.empty());
    // The analysis runs and uses the values as given.
    CHECK_NOTHROW(find_label_issues(d.lv(), d.pv()));
    auto s = get_label_quality_scores(d.lv(), d.pv());
    CHECK(s[3] == 0.50001);
}

TEST_CASE("rows summing to 0.5 and 3 give rows_not_normalized; the analysis still runs") {
    Data d = clean();
    d.probs[0] = 0.2;  // row 0 = (0.2, 0.2, 0.1): 0.5
    d.probs[2 * 3 + 0] = 1.0;
    d.probs[2 * 3 + 1] = 1.0;
    d.probs[2 * 3 + 2] = 1.0;  // row 2 = (1, 1, 1): 3
    Warnings ws = validate_inputs(d.lv(), d.pv());
    const Warning* w = find_warning(ws, WarningCode::rows_not_normalized);
    REQUIRE(w != nullptr);
    CHECK(w->count == 2);
    CHECK(w->first_example == 0);
    CHECK(find_warning(ws, WarningCode::values_slightly_outside) == nullptr);
    CHECK(find_warning(validate_probs(d.pv()), WarningCode::rows_not_normalized) != nullptr);
    CHECK_NOTHROW(find_label_issues(d.lv(), d.pv()));
    CHECK_NOTHROW(get_label_quality_scores(d.lv(), d.pv()));
    // Not renormalised: self-confidence of row 2 (label 2) is the raw 1.0.
    CHECK(get_label_quality_scores(d.lv(), d.pv())[2] == 1.0);
    // audit carries the warning with its result.
    Report r = audit(d.lv(), d.pv());
    CHECK(find_warning(r.warnings, WarningCode::rows_not_normalized) != nullptr);
}

TEST_CASE("rows summing to 1 +- 1e-9 give no warning") {
    Data d = clean();
    d.probs[0] = 0.7 + 1e-9;          // row 0 sums to 1 + 1e-9
    d.probs[1 * 3 + 1] = 0.8 - 1e-9;  // row 1 sums to 1 - 1e-9
    CHECK(validate_inputs(d.lv(), d.pv()).empty());
    CHECK(validate_probs(d.pv()).empty());
}

TEST_CASE("N >= 2^31 is too_many_examples (checked from the shape, before any value is read)") {
    const double buffer[4] = {0.5, 0.5, 0.5, 0.5};
    ProbsView<double> huge{buffer, std::size_t{1} << 31, 2};
    auto e = expect_error([&] { validate_probs(huge); }, ErrorCode::too_many_examples);
    CHECK(mentions(e.what(), "2147483648"));
}

TEST_CASE("error and warning codes have distinct names") {
    std::vector<std::string> names;
    for (ErrorCode c : {ErrorCode::empty_input, ErrorCode::too_few_classes, ErrorCode::single_label_class,
                        ErrorCode::length_mismatch, ErrorCode::too_many_examples, ErrorCode::non_finite,
                        ErrorCode::out_of_range, ErrorCode::label_out_of_range, ErrorCode::invalid_option})
        names.push_back(to_string(c));
    for (WarningCode c : {WarningCode::rows_not_normalized, WarningCode::values_slightly_outside,
                          WarningCode::class_too_small, WarningCode::option_ignored})
        names.push_back(to_string(c));
    CHECK(std::string(to_string(ErrorCode::non_finite)) == "non_finite");
    CHECK(std::string(to_string(WarningCode::rows_not_normalized)) == "rows_not_normalized");
    std::sort(names.begin(), names.end());
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
    for (const auto& n : names) CHECK_FALSE(n.empty());
}
