// The feature report's notes are read by people: counts agree with their nouns.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "learn/learn.hpp"

using namespace labelscope;
using namespace labelscope::learn;

TEST_CASE("learn: notes count in words (1 column dropped, 2 columns dropped, 1 missing value)") {
    const std::size_t n = 8;
    std::vector<std::uint8_t> one(n * 3), two(n * 3);
    for (std::size_t i = 0; i < n; ++i) {
        one[i * 3] = static_cast<std::uint8_t>(i), one[i * 3 + 1] = 4,
                one[i * 3 + 2] = static_cast<std::uint8_t>(i * 2);
        two[i * 3] = static_cast<std::uint8_t>(i), two[i * 3 + 1] = 4, two[i * 3 + 2] = 9;
    }
    FeatureReport a;
    features_from_dense({n, 3, one.data(), DenseInput::Type::u8}, &a);
    REQUIRE(!a.notes.empty());
    CHECK(a.notes[0] == "1 column dropped: the same value on every row.");
    FeatureReport b;
    features_from_dense({n, 3, two.data(), DenseInput::Type::u8}, &b);
    REQUIRE(!b.notes.empty());
    CHECK(b.notes[0] == "2 columns dropped: the same value on every row.");

    TableColumns table;
    table.numeric.push_back({"height", {1.0, 2.0, NAN, 4.0}});
    table.numeric.push_back({"same", {5.0, 5.0, 5.0, 5.0}});
    FeatureOptions impute;
    impute.missing = Missing::mean;
    FeatureReport c;
    features_from_table(table, impute, &c);
    REQUIRE(c.notes.size() >= 2);
    CHECK(c.notes[0] == "1 missing value replaced by its column's mean on each training fold.");
    CHECK(c.notes[1] == "1 column dropped: the same value on every row.");
}
