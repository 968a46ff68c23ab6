// cross_val_probs: stratified folds, no leakage of test rows into their model, determinism (also
// across native and WebAssembly), and the bad-input messages.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "learn/folds.hpp"
#include "learn/learn.hpp"
#include "learn_data.hpp"

using namespace labelscope;
using namespace labelscope::learn;

namespace {

std::uint64_t fnv1a_bits(const std::vector<double>& v) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const double x : v) {
        unsigned char bytes[8];
        std::memcpy(bytes, &x, 8);
        for (const unsigned char b : bytes) h = (h ^ b) * 1099511628211ULL;
    }
    return h;
}

template <typename F>
LabelScopeError error_of(F&& f) {
    try {
        f();
    } catch (const LabelScopeError& e) {
        return e;
    }
    FAIL("no LabelScopeError thrown");
    return LabelScopeError(ErrorCode::invalid_option, "unreachable");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("learn: every fold holds floor or ceil of each class's share") {
    SplitMix64 rng(11);
    const int k = 4, folds = 5;
    std::vector<std::int32_t> labels(503);
    for (auto& y : labels) y = learn_test::uniform(rng) < 0.6 ? 0 : static_cast<std::int32_t>(1 + rng.below(3));
    std::vector<std::uint32_t> items(labels.size());
    for (std::size_t i = 0; i < items.size(); ++i) items[i] = static_cast<std::uint32_t>(i);
    const auto fold = stratified_folds(labels.data(), items, k, folds, 42);
    std::vector<std::vector<int>> count(folds, std::vector<int>(k, 0));
    std::vector<int> total(k, 0), size(folds, 0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        ++count[static_cast<std::size_t>(fold[i])][static_cast<std::size_t>(labels[i])];
        ++total[static_cast<std::size_t>(labels[i])];
        ++size[static_cast<std::size_t>(fold[i])];
    }
    for (int f = 0; f < folds; ++f) {
        for (int c = 0; c < k; ++c) {
            CHECK(count[f][c] >= total[c] / folds);
            CHECK(count[f][c] <= (total[c] + folds - 1) / folds);
        }
        CHECK(std::abs(size[f] - static_cast<int>(labels.size()) / folds) <= 1);
    }
    // cross_val_probs uses these folds: its test sizes are the fold sizes.
    const auto blobs = learn_test::make_blobs(503, 4, 3, 2.0, 5, false);
    const Features f = features_from_table(blobs.table, {}, nullptr);
    CrossValOptions options;
    options.seed = 42;
    options.c = 1.0;
    const auto result = cross_val_probs(f, labels.data(), labels.size(), k, options);
    REQUIRE(result.folds.size() == static_cast<std::size_t>(folds));
    for (int i = 0; i < folds; ++i) {
        CHECK(result.folds[i].test_rows == static_cast<std::size_t>(size[i]));
        CHECK(result.folds[i].train_rows + result.folds[i].test_rows == labels.size());
    }
}

TEST_CASE("learn: a test row's probabilities depend only on its own features and its training fold") {
    // Rewrite half of fold 1's rows with extreme values (and flood their text with one word): that
    // moves every global mean, standard deviation and document frequency. The other half of fold 1
    // is predicted by a model trained on folds 2..5 only, which must not see the change: their
    // probabilities stay the same bits. Global standardisation or IDF would change them.
    const std::size_t n = 300;
    auto blobs = learn_test::make_blobs(n, 3, 4, 1.0, 21, true);
    CrossValOptions options;  // automatic C: chosen on fold 1's training rows, so unaffected too
    options.seed = 9;
    const Features before = features_from_table(blobs.table, {}, nullptr);
    const auto a = cross_val_probs(before, blobs.labels.data(), n, 3, options);

    std::vector<std::uint32_t> items(n);
    for (std::size_t i = 0; i < n; ++i) items[i] = static_cast<std::uint32_t>(i);
    const auto fold = stratified_folds(blobs.labels.data(), items, 3, 5, options.seed);
    std::vector<std::size_t> changed, kept;
    for (std::size_t i = 0; i < n; ++i)
        if (fold[i] == 0) ((changed.size() <= kept.size()) ? changed : kept).push_back(i);
    REQUIRE(kept.size() >= 25);
    for (const std::size_t i : changed) {
        for (auto& col : blobs.table.numeric) col.values[i] = 1e4 + 37.0 * static_cast<double>(i);
        blobs.table.categorical[0].codes[i] = 2;
        blobs.table.text[0].texts[i] = "zebra zebra zebra apple apple apple apple";
    }
    const Features after = features_from_table(blobs.table, {}, nullptr);
    const auto b = cross_val_probs(after, blobs.labels.data(), n, 3, options);
    CHECK(a.c_used == b.c_used);
    for (const std::size_t i : kept)
        for (std::size_t c = 0; c < 3; ++c) CHECK(a.probs[i * 3 + c] == b.probs[i * 3 + c]);
    // Control: the changed rows themselves and the other folds (whose training set changed) do move.
    bool moved = false;
    for (std::size_t i = 0; i < n; ++i)
        if (fold[i] != 0 && a.probs[i * 3] != b.probs[i * 3]) moved = true;
    CHECK(moved);
}

TEST_CASE("learn: a feature equal to the label predicts out of sample; a memorisable id does not") {
    const std::size_t n = 200;
    SplitMix64 rng(4);
    std::vector<std::int32_t> labels(n);
    for (auto& y : labels) y = static_cast<std::int32_t>(rng.below(2));
    TableColumns table;
    table.numeric.push_back({"noise", std::vector<double>(n)});
    table.numeric.push_back({"row_id", std::vector<double>(n)});
    for (std::size_t i = 0; i < n; ++i) {
        table.numeric[0].values[i] = learn_test::normalish(rng);
        table.numeric[1].values[i] = static_cast<double>(i);
    }
    CrossValOptions options;
    options.c = 1e4;  // barely penalised: free to memorise if it could
    const auto noise = cross_val_probs(features_from_table(table, {}, nullptr), labels.data(), n, 2, options);
    double accuracy = 0;
    for (const auto& f : noise.folds) accuracy += f.accuracy * static_cast<double>(f.test_rows) / n;
    CHECK(accuracy < 0.65);
    table.numeric.push_back({"label", std::vector<double>(labels.begin(), labels.end())});
    const auto signal = cross_val_probs(features_from_table(table, {}, nullptr), labels.data(), n, 2, options);
    for (const auto& f : signal.folds) CHECK(f.accuracy == 1.0);
}

TEST_CASE("learn: well separated classes are learned; probabilities are rows of a distribution") {
    const auto blobs = learn_test::make_blobs(400, 4, 6, 4.0, 2, true);
    FeatureReport report;
    const Features f = features_from_table(blobs.table, {}, &report);
    CHECK(f.dense_cols() == 6 + 3);
    CHECK(f.text_cols() > 6);
    CHECK(report.one_hot.size() == 1);
    const auto r = cross_val_probs(f, blobs.labels.data(), 400, 4, {});
    CHECK(r.folds_used == 5);
    CHECK(r.c_used > 0);
    for (const auto& fold : r.folds) CHECK(fold.accuracy > 0.9);
    for (std::size_t i = 0; i < 400; ++i) {
        double s = 0;
        for (std::size_t c = 0; c < 4; ++c) s += r.probs[i * 4 + c];
        CHECK(s == doctest::Approx(1.0).epsilon(1e-12));
    }
}

TEST_CASE("learn: the same input and seed give the same bits, natively and in WebAssembly") {
    // Known-answer test of determinism: the hash below was computed by the native build; the
    // WebAssembly doctest run must reproduce it exactly (portable exp/log, no FMA, fixed order).
    // A change to the algorithm legitimately changes it: recompute it natively, then check WASM.
    const auto blobs = learn_test::make_blobs(240, 3, 5, 1.2, 99, true);
    const Features f = features_from_table(blobs.table, {}, nullptr);
    CrossValOptions options;
    options.seed = 1234;
    const auto a = cross_val_probs(f, blobs.labels.data(), 240, 3, options);
    const auto b = cross_val_probs(f, blobs.labels.data(), 240, 3, options);
    CHECK(std::memcmp(a.probs.data(), b.probs.data(), a.probs.size() * sizeof(double)) == 0);
    options.seed = 1235;
    const auto c = cross_val_probs(f, blobs.labels.data(), 240, 3, options);
    CHECK(fnv1a_bits(c.probs) != fnv1a_bits(a.probs));
    MESSAGE("probs hash " << fnv1a_bits(a.probs) << ", C " << a.c_used);
    CHECK(fnv1a_bits(a.probs) == 7500936084887213829ULL);
}

TEST_CASE("learn: dense uint8 input is stored as uint8 and constant columns are dropped") {
    const std::size_t n = 120, d = 6;
    SplitMix64 rng(8);
    std::vector<std::uint8_t> x(n * d);
    std::vector<std::int32_t> labels(n);
    for (std::size_t i = 0; i < n; ++i) {
        labels[i] = static_cast<std::int32_t>(i % 2);
        for (std::size_t j = 0; j < d; ++j)
            x[i * d + j] = j == 2 ? 17 : static_cast<std::uint8_t>(rng.below(100) + (labels[i] && j == 0 ? 120 : 0));
    }
    FeatureReport report;
    const Features f = features_from_dense({n, d, x.data(), DenseInput::Type::u8}, &report);
    CHECK(f.dense_cols() == 5);
    REQUIRE(report.dropped_constant.size() == 1);
    CHECK(report.dropped_constant[0] == "column 3");
    const auto r = cross_val_probs(f, labels.data(), n, 2, {});
    for (const auto& fold : r.folds) CHECK(fold.accuracy > 0.9);
    // The same values as float64 are stored as uint8 and give the same bits.
    std::vector<double> xd(x.begin(), x.end());
    const Features g = features_from_dense({n, d, xd.data(), DenseInput::Type::f64}, nullptr);
    const auto s = cross_val_probs(g, labels.data(), n, 2, {});
    CHECK(std::memcmp(r.probs.data(), s.probs.data(), r.probs.size() * sizeof(double)) == 0);
}

TEST_CASE("learn: bad input gets an error naming the row and column") {
    TableColumns table;
    table.numeric.push_back({"height", {1.0, 2.0, NAN, 4.0}});
    auto e = error_of([&] { features_from_table(table, {}, nullptr); });
    CHECK(e.code() == ErrorCode::missing_value);
    CHECK(contains(e.what(), "row 3"));
    CHECK(contains(e.what(), "'height'"));
    CHECK(e.example() == 2);

    FeatureOptions impute;
    impute.missing = Missing::mean;
    FeatureReport report;
    const Features imputed = features_from_table(table, impute, &report);
    CHECK(imputed.dense_cols() == 1);
    CHECK(!report.notes.empty());

    table.numeric[0].values[1] = INFINITY;
    e = error_of([&] { features_from_table(table, impute, nullptr); });
    CHECK(e.code() == ErrorCode::non_finite);
    CHECK(contains(e.what(), "row 2"));

    TableColumns constant;
    constant.numeric.push_back({"same", {5.0, 5.0, 5.0, 5.0}});
    CHECK(error_of([&] { features_from_table(constant, {}, nullptr); }).code() == ErrorCode::constant_features);

    TableColumns empty_text;
    empty_text.text.push_back({"notes", {"", "a", " ", "?"}});
    e = error_of([&] { features_from_table(empty_text, {}, nullptr); });
    CHECK(e.code() == ErrorCode::constant_features);
    CHECK(contains(e.what(), "'notes'"));

    const std::vector<double> pixels = {0, 1, 2, NAN, 4, 5};
    e = error_of([&] { features_from_dense({3, 2, pixels.data(), DenseInput::Type::f64}, nullptr); });
    CHECK(e.code() == ErrorCode::non_finite);
    CHECK(contains(e.what(), "row 2, column 2"));
}

TEST_CASE("learn: label problems: one class, a single-example class, few examples, cancel") {
    const auto blobs = learn_test::make_blobs(40, 2, 2, 2.0, 1, false);
    const Features f = features_from_table(blobs.table, {}, nullptr);
    std::vector<std::int32_t> labels(40, 0);
    CHECK(error_of([&] { cross_val_probs(f, labels.data(), 40, 2, {}); }).code() == ErrorCode::single_label_class);
    labels[17] = 1;
    auto e = error_of([&] { cross_val_probs(f, labels.data(), 40, 2, {}); });
    CHECK(e.code() == ErrorCode::too_few_examples);
    CHECK(contains(e.what(), "row 18"));
    labels[18] = 1;
    labels[30] = 1;  // 3 examples of class 1: folds lowered to 3
    const auto r = cross_val_probs(f, labels.data(), 40, 2, {});
    CHECK(r.folds_used == 3);
    CHECK(r.folds.size() == 3);
    REQUIRE(!r.notes.empty());
    CHECK(contains(r.notes[0], "used 3 folds"));
    labels[5] = 2;
    e = error_of([&] { cross_val_probs(f, labels.data(), 40, 2, {}); });
    CHECK(e.code() == ErrorCode::label_out_of_range);
    CHECK(contains(e.what(), "row 6"));
    CHECK(error_of([&] { cross_val_probs(f, labels.data(), 39, 2, {}); }).code() == ErrorCode::length_mismatch);

    int calls = 0;
    const Progress stop_after_two = [&](int, int) { return ++calls < 2; };
    CHECK(error_of([&] { cross_val_probs(f, blobs.labels.data(), 40, 2, {}, stop_after_two); }).code() ==
          ErrorCode::cancelled);
    std::vector<int> done;
    const Progress record = [&](int fold_done, int total) {
        CHECK(total == 5);
        if (done.empty() || done.back() != fold_done) done.push_back(fold_done);
        return true;
    };
    cross_val_probs(f, blobs.labels.data(), 40, 2, {}, record);
    CHECK(done.back() == 5);
}

TEST_CASE("learn: balanced class weights raise a rare class's probabilities; imputed categories work") {
    const std::size_t n = 400;
    SplitMix64 rng(12);
    std::vector<std::int32_t> labels(n);
    TableColumns table;
    table.numeric.push_back({"signal", std::vector<double>(n)});
    table.categorical.push_back({"shade", std::vector<std::int32_t>(n), {"light", "dark"}});
    for (std::size_t i = 0; i < n; ++i) {
        labels[i] = i % 10 == 0 ? 1 : 0;  // 10% minority
        table.numeric[0].values[i] = labels[i] * 1.0 + learn_test::normalish(rng);
        table.categorical[0].codes[i] = i % 7 == 3 ? -1 : static_cast<std::int32_t>(rng.below(2));
    }
    FeatureOptions impute;
    impute.missing = Missing::mean;
    FeatureReport report;
    const Features f = features_from_table(table, impute, &report);
    CHECK(f.dense_cols() == 3);  // signal, shade=light, shade=dark
    REQUIRE(report.one_hot.size() == 1);
    CHECK(report.one_hot[0] == "shade: light, dark");
    CrossValOptions options;
    options.c = 1.0;
    auto minority_mean = [&](const CrossValResult& r) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i) s += r.probs[i * 2 + 1];
        return s / static_cast<double>(n);
    };
    const double plain = minority_mean(cross_val_probs(f, labels.data(), n, 2, options));
    options.balanced_class_weight = true;
    const double balanced = minority_mean(cross_val_probs(f, labels.data(), n, 2, options));
    CHECK(plain == doctest::Approx(0.1).epsilon(0.3));  // calibrated to the class frequency
    CHECK(balanced > 0.3);                              // reweighted towards equal classes
}
