// labelscope's own exports read back: p_<class> / prob_<class> columns are the probabilities (named
// after the class) and the columns an export adds (rank, suggested_label, label_quality, ...) are
// never taken for classes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::combined_file;
using iotest::labels_file;
using iotest::probs_file;
using iotest::read;
using iotest::read_error;

TEST_CASE("prefixed columns: p_<class> columns are the probabilities, other numbers are not") {
    const auto d =
        read({combined_file("rank,index,row,id,given_label,suggested_label,label_quality,given_probability,"
                            "suggested_probability,p_cat,p_dog\n"
                            "1,4,5,a7,cat,dog,0.1,0.1,0.9,0.1,0.9\n2,0,1,a3,dog,dog,0.4,0.6,0.6,0.4,0.6\n")});
    CHECK(d.class_names == std::vector<std::string>{"cat", "dog"});
    CHECK(d.labels == std::vector<std::int32_t>{0, 1});
    CHECK(d.probs == std::vector<double>{0.1, 0.9, 0.4, 0.6});
}

TEST_CASE("prefixed columns: prob_<class> in a combined file and p_<class> in a probabilities file") {
    const auto combined = read({combined_file("label,prob_a,prob_b\na,0.7,0.3\nb,0.2,0.8\n")});
    CHECK(combined.class_names == std::vector<std::string>{"a", "b"});
    const auto separate = read({labels_file("label\na\nb\n"), probs_file("p_a,p_b\n0.7,0.3\n0.2,0.8\n")});
    CHECK(separate.class_names == std::vector<std::string>{"a", "b"});
    CHECK(separate.labels == std::vector<std::int32_t>{0, 1});
}

TEST_CASE("prefixed columns: without prefixes, export columns are still never classes") {
    const auto d =
        read({combined_file("index,label,cat,dog,suggested_label,is_label_issue,label_quality\n"
                            "0,cat,0.8,0.2,cat,false,0.8\n1,dog,0.3,0.7,dog,false,0.7\n")});
    CHECK(d.class_names == std::vector<std::string>{"cat", "dog"});
}

TEST_CASE("a two-class probabilities file headed 0,1 (integer class names) reads with its labels") {
    const auto d = read({labels_file("label\n0\n1\n1\n"), probs_file("0,1\n0.9,0.1\n0.2,0.8\n0.4,0.6\n")});
    CHECK(d.num_examples == 3);
    CHECK(d.class_names == std::vector<std::string>{"0", "1"});
    CHECK(d.probs == std::vector<double>{0.9, 0.1, 0.2, 0.8, 0.4, 0.6});
    // The same first row with as many rows as labels is a row of probabilities.
    const auto e = read({labels_file("label\n1\n0\n1\n"), probs_file("0,1\n0.2,0.8\n0.4,0.6\n")});
    CHECK(e.probs == std::vector<double>{0, 1, 0.2, 0.8, 0.4, 0.6});
}

TEST_CASE("prefixed columns: a spreadsheet-safe label cell '+ve is the class +ve (labelscope's exports)") {
    const auto d =
        read({combined_file("given_label,suggested_label,text,p_+ve,p_-ve,p_@x,p_=y\n"
                            "'+ve,'-ve,'=SUM(1),0.1,0.7,0.1,0.1\n'-ve,'-ve,a,0.2,0.6,0.1,0.1\n"
                            "'@x,'@x,b,0.1,0.1,0.7,0.1\n'=y,'=y,c,0.1,0.1,0.1,0.7\n")});
    CHECK(d.class_names == std::vector<std::string>{"+ve", "-ve", "@x", "=y"});
    CHECK(d.labels == std::vector<std::int32_t>{0, 1, 2, 3});
    // Only the guard is undone: an apostrophe before anything else is part of the label.
    const auto e = read_error({combined_file("label,p_a,p_b\n'a,0.5,0.5\nb,0.5,0.5\n")});
    CHECK(e.code() == "unknown_class");
    CHECK(std::string(e.what()).find("''a'") != std::string::npos);
}
