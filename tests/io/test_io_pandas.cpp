// Files as pandas writes them by default, and cells that must not be mistaken for a header.
#include <doctest/doctest.h>

#include "io_helpers.hpp"

using namespace iotest;

TEST_CASE("pandas: the default header 0,1,...,K-1 of an unnamed DataFrame is a header (K >= 3)") {
    // pd.DataFrame(p).to_csv(index=False) writes "0,1,2" above the rows.
    const Dataset d = read({labels_file("label\n0\n2\n"), probs_file("0,1,2\n0.8,0.1,0.1\n0.1,0.1,0.8\n")});
    CHECK(d.num_examples == 2);
    CHECK(d.class_names == std::vector<std::string>{"0", "1", "2"});
    CHECK(d.source.probs_first_row == 2);
}

TEST_CASE("pandas: with K = 2, a first row 0,1 is a valid probability row and stays data") {
    const Dataset d = read({labels_file("label\n1\n0\n"), probs_file("0,1\n0.9,0.1\n")});
    CHECK(d.num_examples == 2);
    CHECK(d.probs[0] == 0.0);
    CHECK(d.probs[1] == 1.0);
}

TEST_CASE("pandas: a header/no-header mix that shifts rows by one says so") {
    // pd.Series(y).to_csv(index=False) writes a header "0", read here as a label.
    const ReadError e = read_error({labels_file("0\n1\n0\n"), probs_file("a,b\n0.2,0.8\n0.9,0.1\n")});
    CHECK(e.code() == "row_count_mismatch");
    CHECK(mentions(e.what(), "header"));
}

TEST_CASE("a blank cell in the first pred_probs row is a missing number, not a header") {
    const ReadError e = read_error({labels_file("label\n0\n1\n"), probs_file("0.5,\n0.2,0.8\n")});
    check_error(e, "bad_number", "pred_probs.csv", 1, 2);
    CHECK(mentions(e.what(), "empty"));
}

TEST_CASE("is_error written by a pandas float column (1.0 / 0.0) is accepted") {
    const Dataset d = read({combined_file("label,a,b,is_error\n0,0.9,0.1,0.0\n0,0.2,0.8,1.0\n1,0.3,0.7,\n")});
    CHECK(d.known_errors == std::vector<std::int8_t>{0, 1, -1});
}
