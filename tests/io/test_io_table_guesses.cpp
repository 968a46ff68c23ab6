// What the table reader guesses and says (newcomer trial eyes7): a label column found by its name in the middle
// of the table names the other columns that could be the label; a column of dates says it is dates; foldCase
// reads class names that differ only in capitals or spacing as one class.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/label_column.hpp"
#include "io/sniff.hpp"
#include "io/table_reader.hpp"

using namespace labelscope::io;

namespace {

FeatureTable read(const std::string& text, TableOptions options = {}) {
    TableReader reader(options);
    reader.begin_file("data.csv", text.size());
    reader.feed(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    reader.end_file();
    return reader.finish();
}

const ColumnChoice& column(const FeatureTable& t, const std::string& name) {
    for (const auto& c : t.columns)
        if (c.name == name) return c;
    FAIL("no column " << name);
    return t.columns.front();
}

// survived,pclass,class,...,alone: 'class' is found by its name; 'survived' and 'alone' could be the label too.
std::string titanic() {
    std::string text = "survived,pclass,age,class,alone\n";
    const char* classes[] = {"First", "Second", "Third"};
    for (int i = 0; i < 30; ++i)
        text += std::to_string(i % 2) + "," + std::to_string(i % 3 + 1) + "," + std::to_string(20 + i) + "," +
                classes[i % 3] + "," + (i % 4 == 0 ? "True" : "False") + "\n";
    return text;
}

}  // namespace

TEST_CASE("table: a label column guessed by its name names the other candidates; chosen, it is no guess") {
    const FeatureTable t = read(titanic());
    CHECK(t.label_column == "class");
    CHECK(column(t, "class").reason ==
          "label column, a guess by its name: 'survived' (the first column, 2 values) or 'alone' (the last column, "
          "2 values) could each be the label too; if one is, choose it as the label column");
    TableOptions chosen;
    chosen.label_column = "class";
    CHECK(column(read(titanic(), chosen), "class").reason == "label column");
    // A label column at an edge, or named 'label', is no puzzle.
    CHECK(column(read("a,b,species\n5,x,s\n2,y,t\n9,x,s\n4,y,t\n7,x,s\n"), "species").reason == "label column");
    CHECK(column(read("flag,label,n\n0,cat,5\n1,dog,2\n0,cat,9\n1,dog,4\n"), "label").reason == "label column");
    // Two names from the list: the other one is a candidate wherever it is.
    const FeatureTable two = read("x,category,target,z\n5,a,p,9\n2,b,q,3\n9,a,p,7\n4,b,q,6\n");
    CHECK(two.label_column == "target");
    CHECK(column(two, "target").reason.find("a guess by its name: 'category' could be the label too") !=
          std::string::npos);
}

TEST_CASE("table: other_label_candidates skips ids, truth and probability columns") {
    const std::vector<std::string> names = {"id", "p_a", "class", "true_label", "label"};
    const std::vector<std::size_t> distinct = {3, 2, 3, 3, 2};
    CHECK(other_label_candidates(names, 2, distinct) == std::vector<std::size_t>{4});
    CHECK(other_label_candidates_text({"a", "b"}, {}, distinct).empty());
}

TEST_CASE("table: a column of dates is said to be dates, not short values") {
    std::string text = "opened,n,label\n";
    for (int i = 0; i < 40; ++i)
        text += "2024-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-" +
                std::to_string(10 + i % 19) + "," + std::to_string(i * 7 % 13) + "," + (i % 2 ? "a" : "b") + "\n";
    const FeatureTable t = read(text);
    CHECK(column(t, "opened").use == ColumnUse::ignored);
    CHECK(column(t, "opened").reason.rfind("dates: not used (a date is not a feature here", 0) == 0);
    // Other spellings of dates, a time after one: dates too; a code that only starts like one is not.
    std::string other = "when,code,n,label\n";
    for (int i = 0; i < 40; ++i)
        other += std::to_string(10 + i % 19) + "/03/2024 10:" + std::to_string(10 + i) + ",2024-03-" +
                 std::to_string(10 + i % 19) + "x" + std::to_string(i) + "," + std::to_string(i * 7 % 13) + "," +
                 (i % 2 ? "a" : "b") + "\n";
    const FeatureTable o = read(other);
    CHECK(column(o, "when").reason.rfind("dates:", 0) == 0);
    CHECK(column(o, "code").reason.find("dates") == std::string::npos);
}

TEST_CASE("table: foldCase reads spellings of one class as its most common spelling") {
    const std::string text = "x,label\n5,billing\n2, Billing\n9,BILLING\n4,billing\n1,shipping\n6,Shipping\n";
    const FeatureTable apart = read(text);
    CHECK(apart.labels.class_names ==
          std::vector<std::string>{"BILLING", "Billing", "Shipping", "billing", "shipping"});
    TableOptions options;
    options.fold_case = true;
    const FeatureTable one = read(text, options);
    // 'billing' is the most common; 'Shipping' and 'shipping' tie: the first in byte order.
    CHECK(one.labels.class_names == std::vector<std::string>{"Shipping", "billing"});
    CHECK(one.labels.labels == std::vector<std::int32_t>{1, 1, 1, 1, 0, 0});
    CHECK(one.notes.front() ==
          "classes 'BILLING', 'Billing', 'billing' read as one, 'billing' (they differ only in "
          "capitals or spacing)");
}

TEST_CASE("sniff: a label column guessed by its name: the reason names the other candidates") {
    const std::string text = titanic();
    const Sniffed s = sniff_file("titanic.csv", reinterpret_cast<const std::uint8_t*>(text.data()), text.size(), true);
    CHECK(s.label_column == "class");
    CHECK(s.reason.find("; a guess by its name: 'survived' (the first column, 2 values) or 'alone'") !=
          std::string::npos);
}
