// Feature tables for cross-validation: label column by name, every other column's use, errors
// naming the data row and column, dense features (.npy / CSV) and labels alone.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "io/cross_val_labels.hpp"
#include "io/dense_reader.hpp"
#include "io/label_sets.hpp"
#include "io/read_error.hpp"
#include "io/table_reader.hpp"

using namespace labelscope::io;

namespace {

FeatureTable read_table(const std::string& text, TableOptions options = {}, std::size_t chunk = 0) {
    TableReader reader(options);
    reader.begin_file("data.csv", text.size());
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    if (chunk == 0) chunk = text.size();
    for (std::size_t at = 0; at < text.size(); at += chunk) reader.feed(p + at, std::min(chunk, text.size() - at));
    reader.end_file();
    return reader.finish();
}

const ColumnChoice& choice(const FeatureTable& t, const std::string& name) {
    for (const auto& c : t.columns)
        if (c.name == name) return c;
    FAIL("no column " << name);
    return t.columns[0];
}

ReadError table_error(const std::string& text, TableOptions options = {}) {
    try {
        read_table(text, options);
    } catch (const ReadError& e) {
        return e;
    }
    FAIL("no error for: " << text);
    return ReadError("", "", "", 0, 0);
}

std::string npy(const std::string& descr, const std::string& shape, const std::string& body) {
    std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    while ((10 + dict.size() + 1) % 64 != 0) dict += ' ';
    dict += '\n';
    std::string out = "\x93NUMPY";
    out += '\x01';
    out += '\x00';
    out += static_cast<char>(dict.size() & 0xff);
    out += static_cast<char>(dict.size() >> 8);
    return out + dict + body;
}

}  // namespace

TEST_CASE("table: iris-like columns, label found by the name species, classes sorted") {
    const std::string csv =
        "id,sepal_length,sepal_width,colour,species,true_label\n"
        "1,5.1,3.5,red,setosa,setosa\n2,7.0,3.2,blue,versicolor,versicolor\n3,6.3,3.3,red,virginica,virginica\n"
        "4,4.9,3.0,red,setosa,setosa\n5,6.4,3.2,blue,versicolor,versicolor\n6,5.8,2.7,blue,virginica,virginica\n";
    for (std::size_t chunk : {0, 1, 7}) {
        const FeatureTable t = read_table(csv, {}, chunk);
        CHECK(t.num_examples == 6);
        CHECK(t.label_column == "species");
        CHECK(t.labels.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
        CHECK(t.labels.labels == std::vector<std::int32_t>{0, 1, 2, 0, 1, 2});
        CHECK(choice(t, "id").use == ColumnUse::id);
        CHECK(choice(t, "true_label").use == ColumnUse::truth);
        CHECK(choice(t, "colour").use == ColumnUse::categorical);
        REQUIRE(t.numeric.size() == 2);
        CHECK(t.numeric[0].name == "sepal_length");
        CHECK(t.numeric[0].values[1] == 7.0);
        REQUIRE(t.categorical.size() == 1);
        CHECK(t.categorical[0].levels == std::vector<std::string>{"red", "blue"});
        CHECK(t.categorical[0].codes == std::vector<std::int32_t>{0, 1, 0, 0, 1, 1});
    }
}

TEST_CASE("table: the label names list prefers 'label' over 'category' whatever the column order") {
    const FeatureTable t = read_table("category,label,x\na,0,1\nb,1,5\na,0,3\nb,1,4\na,1,7\n");
    CHECK(t.label_column == "label");
    CHECK(choice(t, "category").use == ColumnUse::categorical);
}

TEST_CASE("table: integer labels keep their values as class names") {
    const FeatureTable t = read_table("y,x\n3,1\n1,5\n3,3\n1,4\n");
    CHECK(t.labels.class_names == std::vector<std::string>{"1", "3"});
    CHECK(t.labels.labels == std::vector<std::int32_t>{1, 0, 1, 0});
}

TEST_CASE("table: free text, id-like strings and options") {
    const std::string csv =
        "file,text,label\n"
        "a.png,the cat sat on the mat,pet\nb.png,a dog barked loudly,pet\nc.png,stocks fell sharply today,news\n"
        "d.png,markets rallied after the news,news\n";
    const FeatureTable t = read_table(csv);
    CHECK(choice(t, "file").use == ColumnUse::id);
    REQUIRE(t.text.size() == 1);
    CHECK(t.text[0].name == "text");
    CHECK(t.text[0].texts[2] == "stocks fell sharply today");

    TableOptions o;
    o.features = {"text"};
    o.text_column = "text";
    const FeatureTable u = read_table(csv, o);
    CHECK(choice(u, "file").use == ColumnUse::id);  // not a feature, still shown as the id
    CHECK(u.text.size() == 1);
}

TEST_CASE("table: a non-number in a numeric column names the data row and the column") {
    std::string bad = "species,a,b\ny,0.5,1\nx,abc,1\n";
    for (int i = 0; i < 30; ++i) bad += std::string(i % 2 ? "x" : "y") + "," + std::to_string(i) + ".5,1\n";
    const ReadError e = table_error(bad);
    CHECK(e.code() == "bad_number");
    CHECK(e.row() == 2);  // data row 2 (line 3 of the file)
    CHECK(e.column() == 2);
    CHECK(std::string(e.what()).find("'abc'") != std::string::npos);
    CHECK(std::string(e.what()).find("column 'a'") != std::string::npos);
    CHECK(std::string(e.what()).find("line 3") != std::string::npos);
}

TEST_CASE("table: the missing value named is the first in row order, not in the first column with one") {
    // Column 'a' misses a value on data row 3, column 'b' on row 2: a person reading the file meets b's first.
    const ReadError e = table_error("label,a,b\n0,1,2\n1,2,\n0,,4\n1,3,5\n0,4,6\n1,5,7\n");
    CHECK(e.code() == "missing_value");
    CHECK(e.row() == 2);
    CHECK(e.column() == 3);
    CHECK(std::string(e.what()).find("column 'b'") != std::string::npos);
    CHECK(std::string(e.what()).find("(--impute)") != std::string::npos);
}

TEST_CASE("table: a missing value is an error unless imputation is asked for") {
    const std::string csv = "label,a,b\n0,1,2\n1,,3\n0,2,4\n1,3,NA\n";
    const ReadError e = table_error(csv);
    CHECK(e.code() == "missing_value");
    CHECK(e.row() == 2);
    CHECK(e.column() == 2);
    TableOptions o;
    o.impute = true;
    const FeatureTable t = read_table(csv, o);
    CHECK(std::isnan(t.numeric[0].values[1]));
    CHECK(std::isnan(t.numeric[1].values[3]));
}

TEST_CASE("table: probability columns are not features") {
    const ReadError e = table_error("label,cat,dog\ncat,0.9,0.1\ndog,0.2,0.8\ncat,0.7,0.3\n");
    CHECK(e.code() == "not_features");
}

TEST_CASE("table: errors for missing columns and an empty text column") {
    CHECK(table_error("a,b\n1,2\n3,4\n").code() == "missing_column");
    TableOptions o;
    o.label_column = "nope";
    CHECK(table_error("label,b\n1,2\n0,4\n", o).code() == "missing_column");
    TableOptions t;
    t.text_column = "note";
    const ReadError e = table_error("label,note,x\n0,,1\n1,,2\n0,,3\n", t);
    CHECK(e.code() == "constant_features");
    CHECK(std::string(e.what()).find("'note'") != std::string::npos);
    CHECK(table_error("label,x\n", {}).code() == "no_data_rows");
}

TEST_CASE("cross-val label checks: one class, too few examples, a small class") {
    LabelSet one{"labels.csv", {0, 0, 0}, {"a"}};
    CHECK_THROWS_WITH_AS(check_cross_val_labels(one, 2), doctest::Contains("same label"), ReadError);
    LabelSet few{"labels.csv", {0, 1, 0, 1}, {"a", "b"}};
    CHECK_THROWS_WITH_AS(check_cross_val_labels(few, 5), doctest::Contains("fewer than the 5 folds"), ReadError);
    LabelSet small{"labels.csv", {0, 1, 0, 1, 0, 0, 1, 0}, {"a", "b"}};
    CHECK_THROWS_WITH_AS(check_cross_val_labels(small, 4), doctest::Contains("Class 'b' has 3 examples"), ReadError);
    CHECK_NOTHROW(check_cross_val_labels(small, 3));
}

TEST_CASE("dense: .npy uint8 images and float32, numeric CSV with and without header") {
    std::string body;
    for (int i = 0; i < 2 * 2 * 3; ++i) body += static_cast<char>(i * 10);
    DenseReader r;
    const std::string file = npy("|u1", "(2, 2, 3)", body);
    r.begin_file("x.npy", file.size());
    for (char c : file) r.feed(reinterpret_cast<const std::uint8_t*>(&c), 1);
    r.end_file();
    const DenseFeatures d = r.finish();
    CHECK(d.type == DenseFeatures::Type::u8);
    CHECK(d.rows == 2);
    CHECK(d.cols == 6);
    CHECK(d.image_shape == std::vector<std::size_t>{2, 3});
    CHECK(d.u8[7] == 70);

    float f[4] = {1.5f, 2.5f, -1.0f, 0.25f};
    std::string fb(reinterpret_cast<const char*>(f), sizeof f);
    DenseReader r2;
    const std::string f32 = npy("<f4", "(2, 2)", fb);
    r2.begin_file("x.npy");
    r2.feed(reinterpret_cast<const std::uint8_t*>(f32.data()), f32.size());
    const DenseFeatures d2 = r2.finish();
    CHECK(d2.type == DenseFeatures::Type::f32);
    CHECK(d2.f32[3] == 0.25f);

    for (const std::string csv : {"a,b\n1,2\n3,4\n", "1,2\n3,4\n"}) {
        DenseReader r3;
        r3.begin_file("x.csv");
        r3.feed(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size());
        const DenseFeatures d3 = r3.finish();
        CHECK(d3.rows == 2);
        CHECK(d3.f64 == std::vector<double>{1, 2, 3, 4});
    }
    DenseReader r4;
    const std::string bad = "a,b\n1,2\n3,x\n";
    r4.begin_file("x.csv");
    r4.feed(reinterpret_cast<const std::uint8_t*>(bad.data()), bad.size());
    try {
        r4.finish();
        FAIL("no error");
    } catch (const ReadError& e) {
        CHECK(e.code() == "bad_number");
        CHECK(e.row() == 2);
        CHECK(e.column() == 2);
    }
}

TEST_CASE("labels alone: names sorted, integers as their values") {
    LabelsReader r;
    const std::string csv = "label\ndog\ncat\ndog\n";
    r.begin_file("labels.csv");
    r.feed(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size());
    r.end_file();
    const LabelSet s = r.finish();
    CHECK(s.class_names == std::vector<std::string>{"cat", "dog"});
    CHECK(s.labels == std::vector<std::int32_t>{1, 0, 1});
    LabelsReader r2;
    const std::string ints = "2\n0\n2\n";
    r2.begin_file("labels.csv");
    r2.feed(reinterpret_cast<const std::uint8_t*>(ints.data()), ints.size());
    r2.end_file();
    const LabelSet s2 = r2.finish();
    CHECK(s2.class_names == std::vector<std::string>{"0", "2"});
    CHECK(s2.labels == std::vector<std::int32_t>{1, 0, 1});
}

TEST_CASE("dense: .npy float64 in Fortran order, int32 as doubles, truncated and extra bytes") {
    const double v[6] = {1, 4, 2, 5, 3, 6};  // 2 x 3 in Fortran order: rows (1, 2, 3), (4, 5, 6)
    const std::string f = npy("<f8", "(2, 3)", std::string(reinterpret_cast<const char*>(v), sizeof v));
    std::string fortran = f;
    fortran.replace(fortran.find("False"), 5, "True ");
    auto read = [](const std::string& bytes, std::size_t chunk) {
        DenseReader r;
        r.begin_file("x.npy", bytes.size());
        for (std::size_t at = 0; at < bytes.size(); at += chunk)
            r.feed(reinterpret_cast<const std::uint8_t*>(bytes.data() + at), std::min(chunk, bytes.size() - at));
        r.end_file();
        return r.finish();
    };
    for (std::size_t chunk : {1, 5, 1000}) {
        const DenseFeatures d = read(fortran, chunk);
        CHECK(d.f64 == std::vector<double>{1, 2, 3, 4, 5, 6});
    }
    const std::int32_t ints[2] = {-3, 70000};
    const DenseFeatures d = read(npy("<i4", "(2, 1)", std::string(reinterpret_cast<const char*>(ints), 8)), 3);
    CHECK(d.type == DenseFeatures::Type::f64);
    CHECK(d.f64 == std::vector<double>{-3, 70000});
    CHECK_THROWS_WITH_AS(read(f.substr(0, f.size() - 1), 7), doctest::Contains("truncated"), ReadError);
    CHECK_THROWS_WITH_AS(read(f + "xx", 7), doctest::Contains("2 bytes after"), ReadError);
}

TEST_CASE("table: in a small table too, a word among numbers is the error (most cells are numbers)") {
    const ReadError e = table_error("label,x\na,1.5\nb,2\na,oops\nb,4\na,5\n");
    CHECK(e.code() == "bad_number");
    CHECK(e.row() == 3);
    CHECK(e.column() == 2);
    // Mostly words: categories, the numbers among them too.
    const FeatureTable t = read_table(
        "label,size,x\na,1,1\nb,XL,5\na,L,3\nb,1,4\na,XL,7\nb,L,2\na,1,8\nb,XL,9\n"
        "a,L,6\nb,L,0\n");
    CHECK(choice(t, "size").use == ColumnUse::categorical);
}

TEST_CASE("table: the label column cannot also be a feature") {
    TableOptions o;
    o.features = {"x", "label"};
    const ReadError e = table_error("label,x\n0,1\n1,5\n0,3\n1,4\n", o);
    CHECK(e.code() == "missing_column");
    CHECK(std::string(e.what()).find("'label' is the label column") != std::string::npos);
}

TEST_CASE("table: numeric ids and class names are shown as written: 10, not 1e+01") {
    const FeatureTable t = read_table("id,y,x\n10,20,1\n110,10,5\n7,20,3\n2500,10,4\n");
    const auto id =
        std::find_if(t.passthrough.begin(), t.passthrough.end(), [](const auto& c) { return c.name == "id"; });
    REQUIRE(id != t.passthrough.end());
    CHECK(id->texts == std::vector<std::string>{"10", "110", "7", "2500"});
    CHECK(t.labels.class_names == std::vector<std::string>{"10", "20"});
}

TEST_CASE("table: a label column of sets (one-vs-rest) reads an empty cell as the empty set, as []") {
    TableOptions single;
    single.label_column = "tags";
    TableOptions sets = single;
    sets.label_sets = true;
    const std::string csv = "tags,x\nnews;sport,5\n,1\n[],4\nsport,2\n";
    // Without label_sets an empty label stays an error (the single-label trainer).
    const ReadError e = table_error(csv, single);
    CHECK(e.code() == "bad_label");
    CHECK(e.row() == 2);
    for (std::size_t chunk : {0, 1, 3}) {
        INFO("chunk " << chunk);
        const FeatureTable t = read_table(csv, sets, chunk);
        REQUIRE(t.labels.labels.size() == 4);
        CHECK(t.labels.class_names[static_cast<std::size_t>(t.labels.labels[1])].empty());
        CHECK(t.labels.class_names[static_cast<std::size_t>(t.labels.labels[2])] == "[]");
        CHECK(choice(t, "tags").missing == 1);
        std::vector<std::string> items{"stale"};
        std::string error;
        for (const std::size_t row : {1, 2}) {  // what the one-vs-rest binding splits: no class
            const std::string& cell = t.labels.class_names[static_cast<std::size_t>(t.labels.labels[row])];
            CHECK(split_label_set(cell, notation_of(cell), items, error));
            CHECK(items.empty());
        }
    }
    // Class indices with an empty set: the column of numbers is read as text, whole numbers only.
    const FeatureTable t = read_table("tags,x\n0,3\n,1\n2,2\n", sets);
    CHECK(t.labels.class_names == std::vector<std::string>{"", "0", "2"});
    CHECK(t.labels.labels == std::vector<std::int32_t>{1, 0, 2});
    CHECK(table_error("tags,x\n0,1\n,2\n1.5,3\n", sets).row() == 3);
    // A word pandas reads as missing is no set: the error names it, its row and column.
    const ReadError na = table_error("x,tags\n1,news\n2,NA\n3,sport\n", sets);
    CHECK(na.code() == "bad_label");
    CHECK(na.row() == 2);
    CHECK(na.column() == 2);
    CHECK(std::string(na.what()).find("'NA' reads as a missing value") != std::string::npos);
}
