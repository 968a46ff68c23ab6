// sniff_file: a dropped file's format and likely role from its first bytes, and — for a file the
// reader cannot use at all — the reader's error at once.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/sniff.hpp"
#include "io_helpers.hpp"

using labelscope::io::sniff_file;
using labelscope::io::Sniffed;

namespace {

Sniffed sniff(const std::string& name, const std::string& text, bool complete = true) {
    return sniff_file(name, reinterpret_cast<const std::uint8_t*>(text.data()), text.size(), complete);
}

}  // namespace

TEST_CASE("sniff: an empty file, a binary file and UTF-16 are refused at once with the reader's message") {
    const Sniffed empty = sniff("labels.csv", "");
    REQUIRE(empty.problem);
    CHECK(empty.problem->code() == "empty_file");
    CHECK(empty.problem->file() == "labels.csv");
    CHECK(std::string(empty.problem->what()).find("holds the labels") != std::string::npos);
    std::string png = "\x89PNG\r\n\x1a\n";
    png += std::string(64, '\0');
    const Sniffed binary = sniff("photo.csv", png);
    REQUIRE(binary.problem);
    CHECK(binary.problem->code() == "not_text");
    const Sniffed utf16 = sniff("u.csv", std::string("\xff\xfel\0a\0b\0", 8));
    REQUIRE(utf16.problem);
    CHECK(utf16.problem->code() == "utf16");
}

TEST_CASE("sniff: roles of labels, probabilities, combined tables, truth and class names") {
    CHECK(sniff("labels.csv", "label\ncat\ndog\n").role == "labels");
    CHECK(sniff("y.csv", "3\n1\n").role == "labels");
    const Sniffed probs = sniff("p.csv", "cat,dog\n0.9,0.1\n0.3,0.7\n");
    CHECK(probs.role == "predProbs");
    CHECK(probs.columns == std::vector<std::string>{"cat", "dog"});
    const Sniffed combined = sniff("d.csv", "id,label,cat,dog\n1,cat,0.9,0.1\n2,dog,0.2,0.8\n");
    CHECK(combined.role == "combined");
    CHECK_FALSE(combined.looks_like_features);
    CHECK(combined.first_row == std::vector<std::string>{"1", "cat", "0.9", "0.1"});
    CHECK(sniff("truth.csv", "index,is_error\n3,1\n5,1\n").role == "truth");
    CHECK(sniff("classes.txt", "cat\ndog\n").role == "classNames");
    CHECK(sniff("d.tsv", "label\tcat\tdog\ncat\t0.9\t0.1\n").format == "tsv");
}

TEST_CASE("sniff: a label column beside numbers whose rows do not sum to 1 looks like features") {
    const Sniffed iris = sniff("iris.csv",
                               "sepal_length,sepal_width,petal_length,petal_width,species\n"
                               "5.1,3.5,1.4,0.2,setosa\n7.0,3.2,4.7,1.4,versicolor\n6.3,3.3,6.0,2.5,virginica\n");
    CHECK(iris.role == "combined");
    CHECK(iris.looks_like_features);
    CHECK(iris.reason.find("'species'") != std::string::npos);
    CHECK(iris.label_column == "species");  // the page takes the column from here, not from the reason
}

TEST_CASE("sniff: a label column beside free text or categories is a table to learn from; ids are not") {
    const Sniffed texts =
        sniff("headlines.csv",
              "id,text,label\n1,Rain delays the final day,sports\n2,Chipmaker builds a plant,technology\n"
              "3,Storm warning for the coast,weather\n");
    CHECK(texts.role == "combined");
    CHECK(texts.looks_like_features);
    CHECK(texts.label_column == "label");
    CHECK(texts.reason.find("text that looks like features") != std::string::npos);
    const Sniffed categories = sniff("c.csv", "colour,label\nred,a\nblue,b\nred,a\n");
    CHECK(categories.role == "combined");
    CHECK(categories.looks_like_features);
    // File names, ids and a column spelling the label out are no features: a labels file.
    CHECK(sniff("l.csv", "file,label\nimg_001.png,cat\nimg_002.png,dog\nimg_003.png,cat\n").role == "labels");
    CHECK(sniff("l.csv", "id,label\na1,cat\na2,dog\na3,cat\n").role == "labels");
    CHECK(sniff("l.csv", "label,label_name\n0,cat\n1,dog\n0,cat\n").role == "labels");
    // Label sets beside text (news.csv): multi-label labels, read as such with their probabilities.
    CHECK(sniff("news.csv", "id,text,labels\n1,Vote on the budget,politics;business\n2,Cup final,sport\n").role ==
          "labels");
    const Sniffed plain = sniff("l.csv", "label\ncat\ndog\n");
    CHECK(plain.role == "labels");
    CHECK_FALSE(plain.looks_like_features);
}

TEST_CASE("sniff: the label column found is named; none when the table has no label-named column") {
    CHECK(sniff("labels.csv", "label\ncat\ndog\n").label_column.empty());  // one column: no choice to make
    CHECK(sniff("l.csv", "id,Class\n1,cat\n2,dog\n").label_column == "Class");
    CHECK(sniff("d.csv", "id,label,cat,dog\n1,cat,0.9,0.1\n").label_column == "label");
    CHECK(sniff("t.csv", "name,colour,size\nx,red,3\n").label_column.empty());
    CHECK(sniff("p.csv", "cat,dog\n0.9,0.1\n").label_column.empty());
}

TEST_CASE("sniff: a .npy's shape and dtype; a file cut mid-line is not an error") {
    std::string npy = "\x93NUMPY";
    npy += std::string("\x01\x00", 2);
    const std::string dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (5,), }";
    npy += std::string(1, static_cast<char>(dict.size() + 1)) + std::string(1, '\0') + dict + "\n";
    const Sniffed s = sniff("labels.npy", npy, false);
    CHECK(s.format == "npy");
    CHECK(s.role == "labels");
    CHECK(s.descr == "<i8");
    CHECK(s.shape == std::vector<std::size_t>{5});
    CHECK_FALSE(sniff("p.csv", "a,b\n0.5,0.5\n0.2,0.", false).problem);
}

namespace {

// A .npy (format 1.0) of `descr` and `shape` holding `data` (raw little-endian bytes).
std::string npy_file(const std::string& descr, const std::string& shape, const std::string& data) {
    std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    dict += std::string((64 - (10 + dict.size() + 1) % 64) % 64, ' ') + "\n";
    std::string npy = "\x93NUMPY";
    npy += std::string("\x01\x00", 2);
    npy += std::string(1, static_cast<char>(dict.size() & 0xff)) + std::string(1, static_cast<char>(dict.size() >> 8));
    return npy + dict + data;
}

std::string doubles(const std::vector<double>& v) {
    return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
}

}  // namespace

TEST_CASE("sniff: an N x D block of features is no probabilities: images, pixels, embeddings, numbers") {
    const Sniffed images = sniff("pixels.npy", npy_file("|u1", "(2, 2, 2)", std::string(8, '\x07')));
    CHECK(images.role == "features");
    CHECK(images.looks_like_features);
    CHECK(images.shape == std::vector<std::size_t>{2, 2, 2});
    CHECK(images.reason.find("images") != std::string::npos);
    CHECK(sniff("x.npy", npy_file("|u1", "(2, 4)", std::string(8, '\x07'))).role == "features");
    // Floats in 3-D are probabilities saved in the wrong shape: the reader says so.
    CHECK(sniff("p.npy", npy_file("<f8", "(2, 3, 1)", doubles({0.5, 0.25, 0.25, 0.1, 0.3, 0.6}))).role == "predProbs");
    const Sniffed embeddings = sniff("emb.npy", npy_file("<f8", "(2, 3)", doubles({0.5, -1.25, 2, 0.1, 0.3, 0.9})));
    CHECK(embeddings.role == "features");
    CHECK(embeddings.reason.find("not probabilities") != std::string::npos);
    const Sniffed probs = sniff("p.npy", npy_file("<f8", "(2, 3)", doubles({0.5, 0.25, 0.25, 0.1, 0.3, 0.6})));
    CHECK(probs.role == "predProbs");
    CHECK_FALSE(probs.looks_like_features);
    CHECK(sniff("pixels.csv", "73,32,57,34\n81,66,70,227\n").role == "features");
    CHECK(sniff("p.csv", "0.2,0.8\n0.5,0.5\n").role == "predProbs");
    CHECK(sniff("p.csv", "cat,dog\n0.2,0.8\n0.5,0.5\n").role == "predProbs");
    CHECK(sniff("x.csv", "f1,f2\n3.5,2\n1,7\n").role == "features");
    // Named as probabilities: kept as such, so the reader's message says what is wrong with them.
    CHECK(sniff("pred_probs.npy", npy_file("|u1", "(2, 4)", std::string(8, '\x07'))).role == "predProbs");
    CHECK(sniff("pred_probs.csv", "73,32\n81,66\n").role == "predProbs");
    // ... and say so, so that no later guess (0/1 values as label sets) moves them to another role.
    CHECK(sniff("pred_probs.npy", npy_file("<i8", "(2, 2)", std::string(32, '\0'))).named_as_probabilities);
    CHECK(sniff("pred_probs.csv", "73,32\n81,66\n").named_as_probabilities);
    CHECK_FALSE(sniff("x.csv", "0.2,0.8\n0.5,0.5\n").named_as_probabilities);
    CHECK_FALSE(sniff("tags.npy", npy_file("<i8", "(2, 2)", std::string(32, '\0'))).named_as_probabilities);
}
