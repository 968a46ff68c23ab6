// Multi-label readers (src/io/multilabel_reader.hpp, label_sets.hpp): every notation of label
// sets, names or indices, empty sets, one 0/1 column per class, .npy N x K, fed in every chunking;
// bad input named by file, row and column.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "io/label_sets.hpp"
#include "io/multilabel_reader.hpp"
#include "io/read_error.hpp"

using namespace labelscope::io;
using V = std::vector<std::int32_t>;

namespace {

struct File {
    FileRole role;
    std::string name, bytes;
};

// Reads the files with every piece size in `sizes` (0 = whole file) and, for short files, every
// split point of every file; all readings must give the same dataset.
MultiLabelDataset read_once(const std::vector<File>& files, std::size_t piece, std::size_t split_file,
                            std::size_t split_at, ReadOptions options = {}) {
    MultiLabelReader reader(options);
    for (std::size_t f = 0; f < files.size(); ++f) {
        const auto& file = files[f];
        reader.begin_file(file.role, file.name, file.bytes.size());
        const auto* p = reinterpret_cast<const std::uint8_t*>(file.bytes.data());
        const std::size_t n = file.bytes.size();
        if (f == split_file) {
            reader.feed(p, split_at);
            reader.feed(p + split_at, n - split_at);
        } else if (piece == 0) {
            reader.feed(p, n);
        } else {
            for (std::size_t at = 0; at < n; at += piece) reader.feed(p + at, std::min(piece, n - at));
        }
        reader.end_file();
    }
    return reader.finish();
}

MultiLabelDataset read_all_ways(const std::vector<File>& files, ReadOptions options = {}) {
    const MultiLabelDataset ref = read_once(files, 0, SIZE_MAX, 0, options);
    for (std::size_t piece : {1, 2, 3, 7, 64}) {
        const auto d = read_once(files, piece, SIZE_MAX, 0, options);
        INFO("pieces of " << piece);
        CHECK(d.offsets == ref.offsets);
        CHECK(d.classes == ref.classes);
        CHECK(d.probs == ref.probs);
    }
    for (std::size_t f = 0; f < files.size(); ++f)
        for (std::size_t at = 1; at < files[f].bytes.size() && files[f].bytes.size() < 400; ++at) {
            const auto d = read_once(files, 0, f, at, options);
            INFO("file " << f << " split at " << at);
            CHECK(d.offsets == ref.offsets);
            CHECK(d.classes == ref.classes);
        }
    return ref;
}

ReadError read_error(const std::vector<File>& files) {
    try {
        read_once(files, 0, SIZE_MAX, 0);
    } catch (const ReadError& e) {
        return e;
    }
    FAIL("no ReadError");
    return ReadError(ReadErrorCode::bad_label, "", "", 0, 0);
}

const std::string PROBS = "news,sport,tech\n0.9,0.1,0.2\n0.8,0.7,0.1\n0.1,0.2,0.3\n0.2,0.9,0.8\n";

}  // namespace

TEST_CASE("multilabel io: sets with ';', '|' and JSON arrays, names and indices, empty sets") {
    const std::vector<std::string> notations = {
        "labels\nnews\nnews;sport\n\"\"\nsport;tech\n",
        "labels\nnews\nnews|sport\n\nsport|tech\n",
        "labels\n\"[\"\"news\"\"]\"\n\"[\"\"news\"\", \"\"sport\"\"]\"\n[]\n\"[\"\"sport\"\",\"\"tech\"\"]\"\n",
        "labels\n0\n0;1\n\"\"\n1;2\n",
        "labels\n[0]\n[0, 1]\n[]\n[1,2]\n",
        "id,labels,text\na,news,x\nb,\"news;sport\",y\nc,,z\nd,sport;tech,w\n",
    };
    for (const auto& labels : notations) {
        INFO(labels);
        const auto d =
            read_all_ways({{FileRole::labels, "labels.csv", labels}, {FileRole::pred_probs, "p.csv", PROBS}});
        CHECK(d.num_examples == 4);
        CHECK(d.num_classes == 3);
        CHECK(d.offsets == V{0, 1, 3, 3, 5});
        CHECK(d.classes == V{0, 0, 1, 1, 2});
        CHECK(d.class_names == std::vector<std::string>{"news", "sport", "tech"});
        CHECK(d.rows_with_several == 2);
        CHECK(validate_multilabel_dataset(d).empty());  // rows need not sum to 1
    }
}

TEST_CASE("multilabel io: golden fixture format and a headerless ';' file") {
    const std::string probs = "p0,p1,p2\n0.9,0.1,0.1\n0.8,0.7,0.1\n0.1,0.1,0.2\n";
    auto d =
        read_all_ways({{FileRole::labels, "l.csv", "labels\n0\n0;1\n\"\"\n"}, {FileRole::pred_probs, "p.csv", probs}});
    CHECK(d.offsets == V{0, 1, 3, 3});
    CHECK(d.notation == SetNotation::semicolon);
    d = read_all_ways({{FileRole::labels, "l.csv", "0\n0;1\n2\n"}, {FileRole::pred_probs, "p.csv", probs}});
    CHECK(d.offsets == V{0, 1, 3, 4});
    CHECK(d.classes == V{0, 0, 1, 2});
}

TEST_CASE("multilabel io: one 0/1 column per class, and .npy N x K") {
    const std::string cols = "id,label_news,label_sport,label_tech\n1,1,0,0\n2,1,1,0\n3,0,0,0\n4,0,1,1\n";
    auto d = read_all_ways({{FileRole::labels, "l.csv", cols}, {FileRole::pred_probs, "p.csv", PROBS}});
    CHECK(d.offsets == V{0, 1, 3, 3, 5});
    CHECK(d.classes == V{0, 0, 1, 1, 2});
    CHECK(d.notation == SetNotation::columns);
    REQUIRE(d.extra_columns.size() == 1);
    CHECK(d.extra_columns[0].values == std::vector<std::string>{"1", "2", "3", "4"});
    // Column order differs from the probabilities': classes are matched by name.
    const std::string swapped = "label_tech,label_news,label_sport\n0,1,0\n0,1,1\n0,0,0\n1,0,1\n";
    d = read_all_ways({{FileRole::labels, "l.csv", swapped}, {FileRole::pred_probs, "p.csv", PROBS}});
    CHECK(d.classes == V{0, 0, 1, 1, 2});

    std::string header = "{'descr': '|u1', 'fortran_order': False, 'shape': (4, 3), }";
    while ((10 + header.size() + 1) % 64 != 0) header += ' ';
    header += '\n';
    std::string npy = std::string("\x93NUMPY\x01\x00", 8);
    npy += static_cast<char>(header.size() & 0xFF);
    npy += static_cast<char>(header.size() >> 8);
    npy += header;
    for (int v : {1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1}) npy += static_cast<char>(v);
    d = read_all_ways({{FileRole::labels, "l.npy", npy}, {FileRole::pred_probs, "p.csv", PROBS}});
    CHECK(d.offsets == V{0, 1, 3, 3, 5});
    CHECK(d.classes == V{0, 0, 1, 1, 2});
    CHECK(d.notation == SetNotation::npy);
    std::string bad = npy;
    bad[bad.size() - 1] = 2;
    const ReadError e = read_error({{FileRole::labels, "l.npy", bad}, {FileRole::pred_probs, "p.csv", PROBS}});
    CHECK(e.code() == "bad_label");
    CHECK(e.row() == 4);
    CHECK(e.column() == 3);
}

TEST_CASE("multilabel io: one combined CSV with the sets and the probabilities") {
    const std::string sets =
        "id,labels,p_news,p_sport,p_tech,text\n1,news,0.9,0.1,0.2,a\n2,news;sport,0.8,0.7,0.1,b\n"
        "3,,0.1,0.2,0.3,c\n4,sport;tech,0.2,0.9,0.8,d\n";
    auto d = read_all_ways({{FileRole::combined, "data.csv", sets}});
    CHECK(d.offsets == V{0, 1, 3, 3, 5});
    CHECK(d.classes == V{0, 0, 1, 1, 2});
    CHECK(d.class_names == std::vector<std::string>{"news", "sport", "tech"});
    CHECK(d.probs == std::vector<double>{0.9, 0.1, 0.2, 0.8, 0.7, 0.1, 0.1, 0.2, 0.3, 0.2, 0.9, 0.8});
    REQUIRE(d.extra_columns.size() == 2);
    CHECK(d.extra_columns[1].values == std::vector<std::string>{"a", "b", "c", "d"});
    const std::string cols =
        "label_news,label_sport,label_tech,news,sport,tech\n1,0,0,0.9,0.1,0.2\n1,1,0,0.8,0.7,0.1\n"
        "0,0,0,0.1,0.2,0.3\n0,1,1,0.2,0.9,0.8\n";
    d = read_all_ways({{FileRole::combined, "data.csv", cols}});
    CHECK(d.offsets == V{0, 1, 3, 3, 5});
    CHECK(d.classes == V{0, 0, 1, 1, 2});
    const ReadError e = read_error({{FileRole::combined, "data.csv", "labels,a,b\nx,0.1,0.2\ny,0.3,oops\n"}});
    CHECK(e.code() == "bad_number");
    CHECK(e.row() == 3);
    CHECK(e.column() == 3);
}

TEST_CASE("multilabel io: bad input names file, row and column") {
    auto probs = File{FileRole::pred_probs, "p.csv", PROBS};
    ReadError e = read_error({{FileRole::labels, "l.csv", "labels\nnews\nnews;sprot\n\"\"\nsport\n"}, probs});
    CHECK(e.code() == "unknown_class");
    CHECK(e.file() == "l.csv");
    CHECK(e.row() == 3);
    CHECK(e.column() == 1);
    CHECK(std::string(e.what()).find("sprot") != std::string::npos);

    e = read_error(
        {{FileRole::labels, "l.csv", "id,labels\n1,news\n2,\"[\"\"news\"\", \"\"sport\"\"\"\n3,\n4,tech\n"}, probs});
    CHECK(e.code() == "bad_label");
    CHECK(e.row() == 3);
    CHECK(e.column() == 2);
    CHECK(std::string(e.what()).find("']'") != std::string::npos);

    e = read_error({{FileRole::labels, "l.csv", "labels\nnews;sport\nnews\nnews|tech\ntech\n"}, probs});
    CHECK(e.code() == "bad_label");
    CHECK(e.row() == 4);
    CHECK(std::string(e.what()).find("mixed notations") != std::string::npos);

    e = read_error({{FileRole::labels, "l.csv", "labels\nnews\n[\"news\"]\nsport;tech\n\"\"\n"}, probs});
    CHECK(e.row() == 4);
    CHECK(std::string(e.what()).find("mixed notations") != std::string::npos);

    e = read_error({{FileRole::labels, "l.csv", "label_news,label_sport\n1,0\n1,2\n0,0\n0,1\n"}, probs});
    CHECK(e.code() == "bad_label");
    CHECK(e.row() == 3);
    CHECK(e.column() == 2);

    e = read_error({{FileRole::labels, "l.csv", "labels\nnews\n"}, probs});
    CHECK(e.code() == "row_count_mismatch");

    // A class index beyond the columns is caught by validation with its row.
    MultiLabelDataset d =
        read_once({{FileRole::labels, "l.csv", "labels\n0\n0;5\n\"\"\n1\n"},
                   {FileRole::pred_probs, "p.csv", "a,b,c\n0.9,0.1,0.2\n0.8,0.7,0.1\n0.1,0.2,0.3\n0.2,0.9,0.8\n"}},
                  0, SIZE_MAX, 0);
    try {
        validate_multilabel_dataset(d);
        FAIL("no error");
    } catch (const ReadError& err) {
        CHECK(err.code() == "label_out_of_range");
        CHECK(err.row() == 3);
        CHECK(err.column() == 1);
    }
}

TEST_CASE("multilabel io: the single-label test for set-looking cells") {
    CHECK(looks_like_label_set("news;sport"));
    CHECK(looks_like_label_set("a|b"));
    CHECK(looks_like_label_set("[\"a\", \"b\"]"));
    CHECK(!looks_like_label_set("news"));
    CHECK(!looks_like_label_set("[\"a\"]"));
    std::vector<std::string> items;
    std::string error;
    CHECK(split_label_set(" [ \"a\\\"b\" , 3 ] ", SetNotation::json, items, error));
    CHECK(items == std::vector<std::string>{"a\"b", "3"});
    CHECK(!split_label_set("[a, b]", SetNotation::json, items, error));
    CHECK(!split_label_set("a;;b", SetNotation::semicolon, items, error));
}

TEST_CASE("multilabel io: every reader of sets reads the empty set alike (empty cell, [], all-zero row)") {
    const std::string probs = "news,sport,tech\n0.9,0.1,0.2\n0.1,0.2,0.3\n0.2,0.9,0.8\n";
    const File p{FileRole::pred_probs, "p.csv", probs};
    std::string header = "{'descr': '|b1', 'fortran_order': False, 'shape': (3, 3), }";
    while ((10 + header.size() + 1) % 64 != 0) header += ' ';
    header += '\n';
    std::string npy = std::string("\x93NUMPY\x01\x00", 8);
    npy += static_cast<char>(header.size() & 0xFF);
    npy += static_cast<char>(header.size() >> 8);
    npy += header;
    for (int v : {1, 0, 0, 0, 0, 0, 0, 1, 1}) npy += static_cast<char>(v);
    const std::vector<std::vector<File>> inputs = {
        {{FileRole::labels, "l.csv", "labels\nnews\n\nsport;tech\n"}, p},  // a lone column: the empty line
        {{FileRole::labels, "l.csv", "id,labels\n1,news\n2,\n3,sport|tech\n"}, p},
        {{FileRole::labels, "l.csv", "id,labels\n1,[0]\n2,[]\n3,\"[1, 2]\"\n"}, p},
        {{FileRole::labels, "l.csv", "labels\nnews\n[ ]\nsport;tech\n"}, p},  // [] in any notation
        {{FileRole::labels, "l.csv", "label_news,label_sport,label_tech\n1,0,0\n0,0,0\nfalse,1,true\n"}, p},
        {{FileRole::labels, "l.npy", npy}, p},
        {{FileRole::combined, "c.csv",
          "labels,p_news,p_sport,p_tech\nnews,0.9,0.1,0.2\n,0.1,0.2,0.3\nsport;tech,0.2,0.9,0.8\n"}},
        {{FileRole::combined, "c.csv",
          "labels,p_news,p_sport,p_tech\n\"[\"\"news\"\"]\",0.9,0.1,0.2\n[],0.1,0.2,0.3\n\"[\"\"sport\"\",\"\"tech\"\"]"
          "\",0.2,0.9,0.8\n"}},
        {{FileRole::combined, "c.csv",
          "label_news,label_sport,label_tech,p_news,p_sport,p_tech\n1,0,0,0.9,0.1,0.2\n0,0,0,0.1,0.2,0.3\n"
          "0,1,1,0.2,0.9,0.8\n"}},
    };
    for (const auto& files : inputs) {
        INFO(files[0].name << ": " << files[0].bytes);
        const MultiLabelDataset d = read_all_ways(files);
        CHECK(d.offsets == V{0, 1, 1, 3});
        CHECK(d.classes == V{0, 1, 2});
        CHECK(d.class_names == std::vector<std::string>{"news", "sport", "tech"});
        CHECK(validate_multilabel_dataset(d).empty());
    }
    // [] fixes no notation: the file's other sets do, and a file of single classes and [] is JSON.
    CHECK(read_all_ways(inputs[3]).notation == SetNotation::semicolon);
    CHECK(read_all_ways({{FileRole::labels, "l.csv", "labels\nnews\n[]\nsport\n"}, p}).notation == SetNotation::json);
}
