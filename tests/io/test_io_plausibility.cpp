// Probabilities that are not probabilities: a table of features scaled to [0, 1] passes every value
// check, so the reader refuses it when most rows do not sum to 1 — unless the caller allows it.
#include <doctest/doctest.h>

#include <string>

#include "io_helpers.hpp"

using iotest::combined_file;
using iotest::labels_file;
using iotest::probs_file;
using iotest::read;
using labelscope::io::validate_dataset;

namespace {

// Four features in [0, 1] and an integer label: what a person with data but no model has.
const std::string kFeatures =
    "f1,f2,f3,f4,label\n"
    "0.2,0.5,0.3,0.9,0\n0.7,0.1,0.4,0.2,1\n0.3,0.3,0.8,0.6,2\n0.9,0.6,0.2,0.1,3\n0.1,0.9,0.5,0.4,1\n";

}  // namespace

TEST_CASE("plausibility: feature columns given as probabilities are refused, naming file, row, columns, what to do") {
    const auto d = read({combined_file(kFeatures, "features.csv")});
    try {
        validate_dataset(d, true, false);
        FAIL("features were accepted as probabilities");
    } catch (const iotest::ReadError& e) {
        CHECK(e.code() == "implausible_probabilities");
        CHECK(e.file() == "features.csv");
        const std::string m = e.what();
        CHECK(m.find("5 of 5 rows do not sum to 1") != std::string::npos);
        CHECK(m.find("sums to 1.9") != std::string::npos);  // the first row: 0.2 + 0.5 + 0.3 + 0.9
        CHECK(m.find("f1, f2, f3, f4") != std::string::npos);
        CHECK(m.find("cross_val_predict") != std::string::npos);
        CHECK(m.find("--allow-unnormalized") != std::string::npos);
    }
}

TEST_CASE("plausibility: allowed, the same rows are used as given with the warning") {
    const auto d = read({combined_file(kFeatures, "features.csv")});
    const auto warnings = validate_dataset(d, true, true);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].count == 5);
}

TEST_CASE("plausibility: a minority of unnormalised rows is a warning, not a refusal") {
    const auto d =
        read({labels_file("label\n0\n1\n2\n0\n"), probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.9\n1,0,0\n")});
    const auto warnings = validate_dataset(d, true, false);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].count == 1);
}

TEST_CASE("plausibility: exactly half the rows unnormalised is still accepted (more than half refuses)") {
    const auto labels = labels_file("label\n0\n1\n2\n0\n");
    CHECK_NOTHROW(validate_dataset(read({labels, probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.9\n1,0,1\n")}),
                                   true, false));
    CHECK_THROWS_AS(
        validate_dataset(read({labels, probs_file("a,b,c\n0.8,0.1,0.3\n0.1,0.8,0.1\n0.1,0.1,0.9\n1,0,1\n")}), true,
                         false),
        iotest::ReadError);
}
