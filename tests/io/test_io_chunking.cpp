// Chunked input: the same bytes give the same Dataset whatever the chunk sizes. Every read() in
// this suite already checks chunks of 1, 2, 3, 7, 64 bytes, whole files, empty feeds and (for files
// up to 600 bytes) every two-piece split; these inputs pack the hard split points together.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::combined_file;
using iotest::labels_file;
using iotest::probs_file;
using iotest::read;

namespace {
using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("chunking: the helper really cuts everywhere and compares bit for bit") {
    const std::vector<iotest::InputFile> files{labels_file("0123456789"), probs_file("abc")};
    const auto ways = iotest::chunkings(files);
    std::vector<bool> split_at(10, false);
    std::size_t sizes = 0;
    for (const auto& w : ways) {
        if (w.split_file == 0) split_at[w.split_at] = true;
        if (w.split_file == SIZE_MAX) ++sizes;
    }
    for (std::size_t at = 1; at < 10; ++at) CHECK(split_at[at]);
    CHECK(sizes == 6);
    iotest::Dataset a, b;
    a.probs = {0.0, 1.0};
    b.probs = {-0.0, 1.0};
    CHECK_FALSE(iotest::same_dataset(a, b));  // == would call them equal
    b.probs = a.probs;
    CHECK(iotest::same_dataset(a, b));
}

TEST_CASE("chunking: quoted fields with escapes and line breaks, CRLF, a BOM, decimal commas") {
    const std::string csv =
        "\xEF\xBB\xBF"
        "id;text;label;cat;dog\r\n"
        "1;\"she said \"\"meow\"\"; then \"\"purr\"\"\";cat;0,75;0,25\r\n"
        "2;\"two\r\nlines\";dog;\"0,5\";0,5\r\n"
        "3;\"\";cat;1;0\r\n"
        "4;\"\"\"\";dog;+2,5e-1;7,5E-1\r\n";
    const auto d = read({combined_file(csv)});
    CHECK(d.num_examples == 4);
    CHECK(d.labels == std::vector<std::int32_t>{0, 1, 0, 1});
    CHECK(d.probs == std::vector<double>{0.75, 0.25, 0.5, 0.5, 1, 0, 0.25, 0.75});
    CHECK(d.class_names == Strings{"cat", "dog"});
    REQUIRE(d.extra_columns.size() == 2);
    CHECK(d.extra_columns[0].name == "id");
    CHECK(d.extra_columns[1].values == Strings{"she said \"meow\"; then \"purr\"", "two\r\nlines", "", "\""});
}

TEST_CASE("chunking: lone CR line endings where a chunk may end right after the CR") {
    const auto d = read({labels_file("label\r1\r0\r\r"), probs_file("a,b\r0.25,0.75\r\"0.5\",\"0.5\"\r")});
    CHECK(d.labels == std::vector<std::int32_t>{1, 0});
    CHECK(d.probs == std::vector<double>{0.25, 0.75, 0.5, 0.5});
}

TEST_CASE("chunking: a long file with quoted multi-line text, read in pieces") {
    std::string csv = "id,text,label,a,b,true_label\n";
    std::vector<double> expected;
    std::vector<std::string> texts;
    for (int i = 0; i < 300; ++i) {
        const std::string text = "row " + std::to_string(i) + ", \"quoted\"\nand more";
        texts.push_back(text);
        std::string escaped;
        for (char c : text) escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
        const double p = (i % 97) / 96.0;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", p);
        csv += std::to_string(i) + ",\"" + escaped + "\"," + std::to_string(i % 2) + "," + buf + "," +
               (i % 3 == 0 ? "0.5" : "0.25") + "," + std::to_string((i / 2) % 2) + (i % 5 == 0 ? "\r\n" : "\n");
        expected.push_back(p);
        expected.push_back(i % 3 == 0 ? 0.5 : 0.25);
    }
    const auto d = read({combined_file(csv)});
    CHECK(d.num_examples == 300);
    CHECK(iotest::same_bits(d.probs, expected));
    CHECK(d.extra_columns[1].values == texts);
    CHECK(d.true_labels.size() == 300);
    CHECK(d.true_labels[299] == 1);
    CHECK(d.labels[299] == 1);
}

TEST_CASE("chunking: a long first line (delimiter detection waits for it)") {
    std::string header, row;
    for (int c = 0; c < 200; ++c) {
        header += (c ? "\t" : "") + std::string("class number ") + std::to_string(c);
        row += (c ? "\t" : "") + std::string(c == 0 ? "1" : "0");
    }
    const auto d = read({labels_file("0\n0\n"), probs_file(header + "\n" + row + "\n" + row)});
    CHECK(d.num_classes == 200);
    CHECK(d.class_names[199] == "class number 199");
    CHECK(d.probs[0] == 1);
    CHECK(d.probs[200] == 1);
}

TEST_CASE("chunking: one DatasetReader reads several datasets in turn") {
    iotest::DatasetReader reader;
    auto feed = [&](const iotest::InputFile& f) {
        reader.begin_file(f.role, f.name);
        reader.feed(reinterpret_cast<const std::uint8_t*>(f.bytes.data()), f.bytes.size());
        reader.end_file();
    };
    feed(combined_file("id,label,a,b\n1,0,0.5,0.5\n2,1,0.25,0.75\n"));
    const auto first = reader.finish();
    CHECK(first.num_examples == 2);
    CHECK(first.extra_columns.size() == 1);
    feed(labels_file("1\n"));
    feed(probs_file("0.1,0.9\n"));
    const auto second = reader.finish();
    CHECK(second.num_examples == 1);
    CHECK(second.extra_columns.empty());
    CHECK(second.labels == std::vector<std::int32_t>{1});
}
