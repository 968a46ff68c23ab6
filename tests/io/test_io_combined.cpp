// One CSV with everything: the label column (by name or chosen), the probability columns (numeric
// ones or chosen), id / text columns passed through in order, and known truth (true_label, is_error).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::check_error;
using iotest::combined_file;
using iotest::read;
using iotest::read_error;
using iotest::ReadOptions;

namespace {
using Labels = std::vector<std::int32_t>;
using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("combined: label, probability and passthrough columns are found by name and content") {
    const auto d =
        read({combined_file("id,text,label,cat,dog\n"
                            "7,\"a cat, sleeping\",cat,0.9,0.1\n"
                            "8,a dog,dog,0.2,0.8\n"
                            "9,\"a \"\"dog\"\"\",cat,0.3,0.7\n")});
    CHECK(d.num_examples == 3);
    CHECK(d.num_classes == 2);
    CHECK(d.labels == Labels{0, 1, 0});
    CHECK(d.probs == std::vector<double>{0.9, 0.1, 0.2, 0.8, 0.3, 0.7});
    CHECK(d.class_names == Strings{"cat", "dog"});
    REQUIRE(d.extra_columns.size() == 2);
    CHECK(d.extra_columns[0].name == "id");
    CHECK(d.extra_columns[0].values == Strings{"7", "8", "9"});
    CHECK(d.extra_columns[1].name == "text");
    CHECK(d.extra_columns[1].values == Strings{"a cat, sleeping", "a dog", "a \"dog\""});
    CHECK(d.source.labels_file == "dataset.csv");
    CHECK(d.source.probs_file == "dataset.csv");
    CHECK(d.source.labels_column == 3);
    CHECK(d.source.labels_first_row == 2);
    CHECK(d.source.probs_first_row == 2);
    CHECK(d.source.probs_columns == std::vector<std::int64_t>{4, 5});
    CHECK(d.true_labels.empty());
    CHECK(d.known_errors.empty());
}

TEST_CASE("combined: every label column name is recognised, in any case") {
    for (const char* name : {"label", "labels", "given_label", "y", "Label", "GIVEN_LABEL"}) {
        INFO("label column " << std::string(name));
        const auto d = read({combined_file("a," + std::string(name) + ",b\n0.25,1,0.75\n0.5,0,0.5\n")});
        CHECK(d.labels == Labels{1, 0});
        CHECK(d.class_names == Strings{"a", "b"});
        CHECK(d.source.labels_column == 2);
        CHECK(d.source.probs_columns == std::vector<std::int64_t>{1, 3});
    }
}

TEST_CASE("combined: id-like numeric columns are passed through, not taken as classes") {
    const auto d =
        read({combined_file("row_id,index,image,label,p0,p1,example_id\n"
                            "10,0,1.png,1,0.4,0.6,100\n"
                            "11,1,2.png,0,0.9,0.1,101\n")});
    CHECK(d.num_classes == 2);
    CHECK(d.class_names == Strings{"p0", "p1"});
    REQUIRE(d.extra_columns.size() == 4);
    CHECK(d.extra_columns[0].name == "row_id");
    CHECK(d.extra_columns[1].name == "index");
    CHECK(d.extra_columns[2].name == "image");
    CHECK(d.extra_columns[3].name == "example_id");
    CHECK(d.extra_columns[3].values == Strings{"100", "101"});
}

TEST_CASE("combined: non-numeric columns (on the first data row) are passed through") {
    const auto d = read({combined_file("label,p0,note,p1\n1,0.4,ok,0.6\n0,0.9,2,0.1\n")});
    CHECK(d.class_names == Strings{"p0", "p1"});
    CHECK(d.source.probs_columns == std::vector<std::int64_t>{2, 4});
    REQUIRE(d.extra_columns.size() == 1);
    CHECK(d.extra_columns[0].name == "note");
    CHECK(d.extra_columns[0].values == Strings{"ok", "2"});
}

TEST_CASE("combined: ReadOptions::label_column chooses the label column") {
    ReadOptions options;
    options.label_column = "Noisy";
    const auto d = read({combined_file("id,noisy,a,b\n1,1,0.25,0.75\n2,0,0.5,0.5\n")}, options);
    CHECK(d.labels == Labels{1, 0});
    CHECK(d.source.labels_column == 2);
    CHECK(d.class_names == Strings{"a", "b"});

    SUBCASE("another label-named column is then passed through, not taken as a class") {
        const auto e = read({combined_file("label,noisy,a,b\n0,1,0.25,0.75\n0,0,0.5,0.5\n")}, options);
        CHECK(e.labels == Labels{1, 0});
        CHECK(e.class_names == Strings{"a", "b"});
        REQUIRE(e.extra_columns.size() == 1);
        CHECK(e.extra_columns[0].name == "label");
    }
    SUBCASE("a chosen column that does not exist is an error listing the columns") {
        options.label_column = "target";
        const auto e = read_error({combined_file("id,label,a,b\n1,1,0.25,0.75\n2,0,0.5,0.5\n")}, options);
        check_error(e, "missing_column", "dataset.csv", 1, 0, {"'target'", "'id'", "'label'", "'a'", "'b'"});
    }
}

TEST_CASE("combined: ReadOptions::probability_columns chooses the classes; the rest is passed through") {
    ReadOptions options;
    options.probability_columns = {"B", "a"};
    const auto d = read({combined_file("id,a,label,score,b\n1,0.25,1,9.5,0.75\n2,0.5,0,3,0.5\n")}, options);
    // Column order in the file decides the class order.
    CHECK(d.class_names == Strings{"a", "b"});
    CHECK(d.probs == std::vector<double>{0.25, 0.75, 0.5, 0.5});
    CHECK(d.source.probs_columns == std::vector<std::int64_t>{2, 5});
    REQUIRE(d.extra_columns.size() == 2);
    CHECK(d.extra_columns[0].name == "id");
    CHECK(d.extra_columns[1].name == "score");
    CHECK(d.extra_columns[1].values == Strings{"9.5", "3"});

    SUBCASE("a chosen column that does not exist is an error") {
        options.probability_columns = {"a", "c"};
        const auto e = read_error({combined_file("id,a,label,b\n1,0.25,1,0.75\n2,0.5,0,0.5\n")}, options);
        check_error(e, "missing_column", "dataset.csv", 1, 0, {"'c'"});
    }
}

TEST_CASE("combined: true_label and is_error columns carry known truth") {
    const auto d =
        read({combined_file("label,cat,dog,true_label,is_error\n"
                            "cat,0.9,0.1,cat,0\n"
                            "cat,0.2,0.8,dog,1\n"
                            "dog,0.3,0.7,,\n"
                            "dog,0.6,0.4, DOG ,no\n"
                            "cat,0.5,0.5,Cat,TRUE\n"
                            "dog,0.5,0.5,cat,yes\n"
                            "cat,0.5,0.5,cat,false\n")});
    CHECK(d.num_classes == 2);
    CHECK(d.labels == Labels{0, 0, 1, 1, 0, 1, 0});
    CHECK(d.true_labels == Labels{0, 1, -1, 1, 0, 0, 0});
    CHECK(d.known_errors == std::vector<std::int8_t>{0, 1, -1, 0, 1, 1, 0});
    CHECK(d.extra_columns.empty());
}

TEST_CASE("combined: integer truth") {
    const auto d =
        read({combined_file("label,p0,p1,p2,true_label,is_label_error\n"
                            "0,0.8,0.1,0.1,0,0\n"
                            "1,0.1,0.1,0.8,2,1\n"
                            "2,0.1,0.1,0.8,,\n"
                            "2,0.1,0.8,0.1,1.0,1\n")});
    CHECK(d.true_labels == Labels{0, 2, -1, 1});
    CHECK(d.known_errors == std::vector<std::int8_t>{0, 1, -1, 1});
    CHECK(d.source.probs_columns == std::vector<std::int64_t>{2, 3, 4});
}

TEST_CASE("combined: true labels by name") {
    const auto d = read({combined_file("label,cat,dog,true_labels\ncat,0.9,0.1,cat\ncat,0.2,0.8,Dog\ndog,0.3,0.7,\n")});
    CHECK(d.true_labels == Labels{0, 1, -1});
    CHECK(d.known_errors.empty());
}

TEST_CASE("combined: bad truth values are reported at their cell") {
    SUBCASE("is_error that is not yes/no") {
        const auto e = read_error({combined_file("label,a,b,is_error\n0,0.5,0.5,0\n1,0.5,0.5,maybe\n")});
        check_error(e, "bad_label", "dataset.csv", 3, 4, {"'maybe'", "1 or 0"});
    }
    SUBCASE("true_label 2.5") {
        const auto e = read_error({combined_file("label,a,b,true_label\n0,0.5,0.5,0\n1,0.5,0.5,2.5\n")});
        check_error(e, "bad_label", "dataset.csv", 3, 4, {"'2.5'"});
    }
    SUBCASE("a true label naming no class") {
        const auto e = read_error({combined_file("label,a,b,true_label\n0,0.5,0.5,a\n1,0.5,0.5,c\n")});
        check_error(e, "unknown_class", "dataset.csv", 3, 4, {"'c'"});
    }
}

TEST_CASE("combined: semicolon-separated with decimal commas and text holding commas") {
    const auto d = read({combined_file("id;text;label;cat;dog\n1;sleeps, purrs;cat;0,9;0,1\n2;barks;dog;0,25;0,75\n")});
    CHECK(d.probs == std::vector<double>{0.9, 0.1, 0.25, 0.75});
    CHECK(d.extra_columns[1].values == Strings{"sleeps, purrs", "barks"});
}

TEST_CASE("combined: the headlines example") {
    const std::string dir = iotest::fixtures_dir() + "/../../examples/headlines/";
    const auto d = read({combined_file(iotest::slurp(dir + "dataset.csv"))});
    CHECK(d.num_examples == 49);
    CHECK(d.num_classes == 4);
    CHECK(d.class_names == Strings{"sports", "weather", "cooking", "technology"});
    REQUIRE(d.extra_columns.size() == 2);
    CHECK(d.extra_columns[0].name == "id");
    CHECK(d.extra_columns[1].name == "text");
    CHECK(d.extra_columns[0].values.size() == 49);
    CHECK(d.extra_columns[0].values[0] == "1");
    CHECK(d.extra_columns[1].values[0] == "Rain delays the final day of the cricket test");
    REQUIRE(d.true_labels.size() == 49);
    CHECK(std::count(d.true_labels.begin(), d.true_labels.end(), -1) == 0);
    CHECK(d.known_errors.empty());
    // Row 4 of the file: "New smartphone chip ...", labelled cooking, truly technology.
    CHECK(d.labels[2] == 2);
    CHECK(d.true_labels[2] == 3);
    CHECK(d.probs[0] == 0.71);
    CHECK(d.probs[3] == 0.0197);
    CHECK(d.source.probs_columns == std::vector<std::int64_t>{4, 5, 6, 7});
    CHECK(d.source.labels_column == 3);
    const auto warnings = labelscope::io::validate_dataset(d);
    CHECK(warnings.empty());

    SUBCASE("the same data as labels.csv + pred_probs.csv") {
        const auto split = read({iotest::labels_file(iotest::slurp(dir + "labels.csv")),
                                 iotest::probs_file(iotest::slurp(dir + "pred_probs.csv"))});
        CHECK(split.labels == d.labels);
        CHECK(iotest::same_bits(split.probs, d.probs));
        CHECK(split.class_names == d.class_names);
    }
}
