// validate_dataset: the core's checks on the values read, with each error mapped back to the file,
// row (header counted) and column of the offending cell; warnings returned, not thrown.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::check_error;
using iotest::combined_file;
using iotest::labels_file;
using iotest::probs_file;
using iotest::read;
using labelscope::io::validate_dataset;

namespace {

iotest::ReadError validation_error(const iotest::Dataset& d) {
    try {
        validate_dataset(d);
    } catch (const iotest::ReadError& e) {
        return e;
    }
    FAIL("validate_dataset accepted the dataset");
    return iotest::ReadError("none", "", "", 0, 0);
}

const std::string kLabels = "label\n0\n1\n2\n0\n";

}  // namespace

TEST_CASE("validate: a clean dataset passes without warnings") {
    const auto d = read({labels_file(kLabels), probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n1,0,0\n")});
    CHECK(validate_dataset(d).empty());
}

TEST_CASE("validate: NaN in a probabilities CSV points at its cell") {
    const auto d = read({labels_file(kLabels), probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,NaN,0.8\n1,0,0\n")});
    check_error(validation_error(d), "non_finite", "pred_probs.csv", 4, 2, {"nan", "finite"});
}

TEST_CASE("validate: infinity points at its cell") {
    const auto d = read({labels_file(kLabels), probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,-inf\n0.1,0.1,0.8\n1,0,0\n")});
    check_error(validation_error(d), "non_finite", "pred_probs.csv", 3, 3, {"inf"});
}

TEST_CASE("validate: 1.5 in a probabilities CSV points at its cell") {
    const auto d = read({labels_file(kLabels), probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n1.5,0,0\n")});
    check_error(validation_error(d), "out_of_range", "pred_probs.csv", 5, 1, {"1.5", "outside [0, 1]", "softmax"});
}

TEST_CASE("validate: rows count from the first data row: no header, leading blank lines") {
    SUBCASE("no header") {
        const auto d = read({labels_file(kLabels), probs_file("0.8,0.1,0.1\n0.1,-0.5,0.1\n0.1,0.1,0.8\n1,0,0\n")});
        check_error(validation_error(d), "out_of_range", "pred_probs.csv", 2, 2, {"-0.5"});
    }
    SUBCASE("leading blank lines") {
        const auto d = read(
            {labels_file(kLabels), probs_file("\r\n\r\na,b,c\r\n0.8,0.1,0.1\r\n0.1,0.8,0.1\r\n0.1,0.1,2\r\n1,0,0")});
        check_error(validation_error(d), "out_of_range", "pred_probs.csv", 6, 3);
    }
    SUBCASE("a quoted header spanning lines counts as one row") {
        const auto d =
            read({labels_file(kLabels), probs_file("\"a\nb\",b,c\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,nan\n1,0,0\n")});
        check_error(validation_error(d), "non_finite", "pred_probs.csv", 4, 3);
    }
}

TEST_CASE("validate: a combined file names the file column of the class") {
    const auto d =
        read({combined_file("id,label,a,text,b,c\n"
                            "1,0,0.8,x,0.1,0.1\n"
                            "2,1,0.1,y,0.8,0.1\n"
                            "3,2,0.1,z,0.1,7\n")});
    check_error(validation_error(d), "out_of_range", "dataset.csv", 4, 6, {"7"});
}

TEST_CASE("validate: a label outside the classes points at the label's row and column") {
    SUBCASE("labels file") {
        const auto d = read(
            {labels_file("label\n0\n1\n7\n0\n"), probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n1,0,0\n")});
        check_error(validation_error(d), "label_out_of_range", "labels.csv", 4, 1, {"label 7", "0..2"});
    }
    SUBCASE("labels file with an id column and no header in pred_probs") {
        const auto d = read(
            {labels_file("id,y\nq,0\nr,7\ns,2\nt,0\n"), probs_file("0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n1,0,0\n")});
        check_error(validation_error(d), "label_out_of_range", "labels.csv", 3, 2, {"7"});
    }
    SUBCASE("combined file") {
        const auto d = read({combined_file("id,a,b,c,label\n1,0.8,0.1,0.1,0\n2,0.1,0.8,0.1,3\n3,0.1,0.1,0.8,2\n")});
        check_error(validation_error(d), "label_out_of_range", "dataset.csv", 3, 5, {"3"});
    }
}

TEST_CASE("validate: .npy positions are 1-based element row and column") {
    const std::vector<double> probs{0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8};
    auto bad = probs;
    bad[5] = 1.5;
    const auto d = read({labels_file("0\n1\n2\n"), probs_file(iotest::npy("<f8", {3, 3}, bad), "p.npy")});
    check_error(validation_error(d), "out_of_range", "p.npy", 2, 3);
    const auto e = read({labels_file(iotest::npy("<i4", {3}, std::vector<std::int32_t>{0, 3, 2}), "l.npy"),
                         probs_file(iotest::npy("<f8", {3, 3}, probs), "p.npy")});
    check_error(validation_error(e), "label_out_of_range", "l.npy", 2, 1, {"3"});
}

TEST_CASE("validate: float32 storage is checked the same way") {
    iotest::ReadOptions options;
    options.float32 = true;
    const auto d =
        read({labels_file(kLabels), probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,nan,0.8\n1,0,0\n")}, options);
    REQUIRE(d.is_float32());
    check_error(validation_error(d), "non_finite", "pred_probs.csv", 4, 2);
}

TEST_CASE("validate: warnings are returned, not thrown") {
    const auto d = read({labels_file(kLabels), probs_file("a,b,c\n0.8,0.1,0.1\n0.1,0.8,0.3\n0.1,0.1,1.0005\n1,0,0\n")});
    const auto warnings = validate_dataset(d);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].code == labelscope::WarningCode::values_slightly_outside);
    CHECK(warnings[1].code == labelscope::WarningCode::rows_not_normalized);
    CHECK(warnings[1].first_example == 1);
}

TEST_CASE("validate: dataset-wide errors name the file to fix, with no row or column") {
    SUBCASE("a single label class") {
        const auto d = read({labels_file("0\n0\n"), probs_file("0.5,0.5\n0.5,0.5\n")});
        const auto e = validation_error(d);
        check_error(e, "single_label_class", "labels.csv", 0, 0, {"at least 2 classes"});
        CHECK(validate_dataset(d, false).empty());
    }
    SUBCASE("one class column") {
        const auto d = read({labels_file("0\n0\n"), probs_file("p\n1\n1\n")});
        check_error(validation_error(d), "too_few_classes", "pred_probs.csv", 0, 0, {"at least 2 classes"});
    }
}

TEST_CASE("validate: locate_error maps a core error to file, row and column") {
    const auto d = read({combined_file("id,label,a,b\n1,0,0.5,0.5\n2,1,0.5,0.5\n")});
    using labelscope::ErrorCode;
    using labelscope::LabelScopeError;
    const auto cell = labelscope::io::locate_error(LabelScopeError(ErrorCode::non_finite, "bad cell", 1, 1), d);
    check_error(cell, "non_finite", "dataset.csv", 3, 4, {"bad cell"});
    const auto label = labelscope::io::locate_error(LabelScopeError(ErrorCode::label_out_of_range, "bad", 0, 9), d);
    check_error(label, "label_out_of_range", "dataset.csv", 2, 2);
    const auto global = labelscope::io::locate_error(LabelScopeError(ErrorCode::empty_input, "none"), d);
    check_error(global, "empty_input", "dataset.csv", 0, 0);
    const auto no_class = labelscope::io::locate_error(LabelScopeError(ErrorCode::out_of_range, "x", 1), d);
    check_error(no_class, "out_of_range", "dataset.csv", 3, 0);
}
