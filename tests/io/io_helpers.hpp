// Helpers for the reader tests: feed the same bytes in every chunking and demand identical results,
// build .npy files byte by byte, and check ReadErrors (code, file, row, column, key words).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "io/dataset_reader.hpp"
#include "io/read_error.hpp"

#ifndef LABELSCOPE_FIXTURES_DIR
#error "LABELSCOPE_FIXTURES_DIR (absolute path of tests/fixtures) must be defined by the build"
#endif

namespace iotest {

using labelscope::io::Dataset;
using labelscope::io::DatasetReader;
using labelscope::io::FileRole;
using labelscope::io::ReadError;
using labelscope::io::ReadOptions;

struct InputFile {
    FileRole role;
    std::string name;
    std::string bytes;
};

inline InputFile labels_file(std::string bytes, std::string name = "labels.csv") {
    return {FileRole::labels, std::move(name), std::move(bytes)};
}
inline InputFile probs_file(std::string bytes, std::string name = "pred_probs.csv") {
    return {FileRole::pred_probs, std::move(name), std::move(bytes)};
}
inline InputFile combined_file(std::string bytes, std::string name = "dataset.csv") {
    return {FileRole::combined, std::move(name), std::move(bytes)};
}

// How a file's bytes are cut into feed() calls.
struct Chunking {
    std::size_t size = 0;               // fixed piece size (0 = the whole file in one call)
    std::size_t split_file = SIZE_MAX;  // when set: only this file is cut, in two at `split_at`
    std::size_t split_at = 0;
    bool empty_feeds = false;  // also call feed(p, 0) between pieces

    std::string describe() const {
        std::ostringstream out;
        if (split_file != SIZE_MAX)
            out << "file " << split_file << " split in two at byte " << split_at;
        else if (size == 0)
            out << "whole file";
        else
            out << "chunks of " << size << " bytes" << (empty_feeds ? " with empty feeds" : "");
        return out.str();
    }
};

inline void feed_file(DatasetReader& reader, const InputFile& f, const Chunking& how, std::size_t index) {
    reader.begin_file(f.role, f.name, f.bytes.size());
    const auto* p = reinterpret_cast<const std::uint8_t*>(f.bytes.data());
    const std::size_t n = f.bytes.size();
    std::vector<std::size_t> cuts;  // end offsets of the pieces
    if (how.split_file != SIZE_MAX) {
        if (how.split_file == index && how.split_at > 0 && how.split_at < n) cuts.push_back(how.split_at);
        cuts.push_back(n);
    } else if (how.size == 0) {
        cuts.push_back(n);
    } else {
        for (std::size_t at = how.size; at < n; at += how.size) cuts.push_back(at);
        cuts.push_back(n);
    }
    std::size_t from = 0;
    for (std::size_t to : cuts) {
        if (how.empty_feeds) reader.feed(p + from, 0);
        if (to > from) reader.feed(p + from, to - from);
        from = to;
    }
    reader.end_file();
}

// One reading: the Dataset, or the ReadError it stopped with.
struct Outcome {
    std::optional<Dataset> dataset;
    std::optional<ReadError> error;
};

inline Outcome read_once(const std::vector<InputFile>& files, const Chunking& how, const ReadOptions& options) {
    Outcome out;
    try {
        DatasetReader reader(options);
        for (std::size_t i = 0; i < files.size(); ++i) feed_file(reader, files[i], how, i);
        out.dataset = reader.finish();
    } catch (const ReadError& e) {
        out.error = e;
    }
    return out;
}

// Every chunking a test input goes through: fixed sizes 1, 2, 3, 7, 64 and whole-file, empty feeds,
// and for small inputs every two-piece split of every file.
inline std::vector<Chunking> chunkings(const std::vector<InputFile>& files) {
    std::vector<Chunking> out;
    for (std::size_t s : {1, 2, 3, 7, 64}) out.push_back({s});
    Chunking empties{5};
    empties.empty_feeds = true;
    out.push_back(empties);
    for (std::size_t f = 0; f < files.size(); ++f) {
        const std::size_t n = files[f].bytes.size();
        if (n > 600) continue;
        for (std::size_t at = 1; at < n; ++at) {
            Chunking c;
            c.split_file = f;
            c.split_at = at;
            out.push_back(c);
        }
    }
    return out;
}

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

// Everything a Dataset holds, compared exactly (probabilities bit for bit).
inline void check_same_dataset(const Dataset& a, const Dataset& b) {
    CHECK(a.num_examples == b.num_examples);
    CHECK(a.num_classes == b.num_classes);
    CHECK(a.labels == b.labels);
    CHECK(same_bits(a.probs, b.probs));
    CHECK(same_bits(a.probs_f32, b.probs_f32));
    CHECK(a.class_names == b.class_names);
    REQUIRE(a.extra_columns.size() == b.extra_columns.size());
    for (std::size_t c = 0; c < a.extra_columns.size(); ++c) {
        CHECK(a.extra_columns[c].name == b.extra_columns[c].name);
        CHECK(a.extra_columns[c].values == b.extra_columns[c].values);
    }
    CHECK(a.true_labels == b.true_labels);
    CHECK(a.known_errors == b.known_errors);
    CHECK(a.fingerprint == b.fingerprint);
    CHECK(a.source.labels_file == b.source.labels_file);
    CHECK(a.source.labels_first_row == b.source.labels_first_row);
    CHECK(a.source.labels_column == b.source.labels_column);
    CHECK(a.source.probs_file == b.source.probs_file);
    CHECK(a.source.probs_first_row == b.source.probs_first_row);
    CHECK(a.source.probs_columns == b.source.probs_columns);
    CHECK(a.notes == b.notes);
}

inline void check_same_error(const ReadError& a, const ReadError& b) {
    CHECK(a.code() == b.code());
    CHECK(std::string(a.what()) == std::string(b.what()));
    CHECK(a.file() == b.file());
    CHECK(a.row() == b.row());
    CHECK(a.column() == b.column());
}

inline bool same_dataset(const Dataset& a, const Dataset& b) {
    if (a.extra_columns.size() != b.extra_columns.size()) return false;
    for (std::size_t c = 0; c < a.extra_columns.size(); ++c)
        if (a.extra_columns[c].name != b.extra_columns[c].name ||
            a.extra_columns[c].values != b.extra_columns[c].values)
            return false;
    return a.num_examples == b.num_examples && a.num_classes == b.num_classes && a.labels == b.labels &&
           same_bits(a.probs, b.probs) && same_bits(a.probs_f32, b.probs_f32) && a.class_names == b.class_names &&
           a.true_labels == b.true_labels && a.known_errors == b.known_errors &&
           a.source.labels_file == b.source.labels_file && a.source.labels_first_row == b.source.labels_first_row &&
           a.source.labels_column == b.source.labels_column && a.source.probs_file == b.source.probs_file &&
           a.source.probs_first_row == b.source.probs_first_row && a.source.probs_columns == b.source.probs_columns &&
           a.notes == b.notes;
}

inline bool same_error(const ReadError& a, const ReadError& b) {
    return a.code() == b.code() && std::string(a.what()) == b.what() && a.file() == b.file() && a.row() == b.row() &&
           a.column() == b.column() && a.line() == b.line();
}

// Reads the files in every chunking and checks that each gives exactly what the whole-file reading
// gives (the same Dataset, or the same error at the same place). Returns the whole-file outcome.
inline Outcome read_every_way(const std::vector<InputFile>& files, const ReadOptions& options) {
    const Outcome whole = read_once(files, Chunking{}, options);
    std::size_t disagreeing = 0;
    for (const Chunking& how : chunkings(files)) {
        const Outcome o = read_once(files, how, options);
        const bool same =
            o.dataset.has_value() == whole.dataset.has_value() &&
            (whole.dataset ? same_dataset(*o.dataset, *whole.dataset) : same_error(*o.error, *whole.error));
        if (same) continue;
        if (++disagreeing > 3) continue;  // details for the first few only
        INFO("chunking: " << how.describe());
        if (o.dataset.has_value() != whole.dataset.has_value()) {
            CHECK_MESSAGE(false, (o.dataset ? std::string("read fine") : std::string("error: ") + o.error->what())
                                     << " but whole-file "
                                     << (whole.dataset ? std::string("read fine")
                                                       : std::string("error: ") + whole.error->what()));
        } else if (whole.dataset) {
            check_same_dataset(*o.dataset, *whole.dataset);
        } else {
            check_same_error(*o.error, *whole.error);
        }
    }
    CHECK_MESSAGE(disagreeing == 0, disagreeing << " chunking(s) gave a different result than the whole file");
    return whole;
}

// Reads the files (every chunking must agree) and returns the Dataset; fails the test on an error.
inline Dataset read(const std::vector<InputFile>& files, const ReadOptions& options = {}) {
    Outcome o = read_every_way(files, options);
    if (o.error)
        FAIL("unexpected ReadError " << o.error->code() << " (" << o.error->file() << " row " << o.error->row()
                                     << " column " << o.error->column() << "): " << std::string(o.error->what()));
    return std::move(*o.dataset);
}

inline ReadError read_error(const std::vector<InputFile>& files, const ReadOptions& options = {}) {
    Outcome o = read_every_way(files, options);
    if (!o.error) FAIL("no ReadError: the files were read as a dataset of " << o.dataset->num_examples << " rows");
    return *o.error;
}

inline std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

inline bool mentions(const std::string& text, const std::string& word) {
    return lower(text).find(lower(word)) != std::string::npos;
}

// Checks where an error points and that its message carries the given words (case-insensitive).
inline void check_error(const ReadError& e, const std::string& code, const std::string& file, std::int64_t row,
                        std::int64_t column, std::initializer_list<const char*> words = {}) {
    INFO("message: " << std::string(e.what()));
    CHECK(e.code() == code);
    CHECK(e.file() == file);
    CHECK(e.row() == row);
    CHECK(e.column() == column);
    for (const char* w : words)
        CHECK_MESSAGE(mentions(e.what(), w), "the message should mention '" << std::string(w) << "'");
}

// ----- .npy files, written per the NumPy format spec ---------------------------------------------

inline std::string shape_text(const std::vector<std::size_t>& shape) {
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1) s += ",";
    return s + ")";
}

// Magic, version, little-endian header length, then the dict padded with spaces and ended by '\n'
// so that magic + version + length + dict is a multiple of 64 bytes.
// `shape` is the Python tuple as text, e.g. "(3, 4)" (npy_header below writes it from numbers).
inline std::string npy_header_text(const std::string& descr, bool fortran, const std::string& shape, int major = 1) {
    const std::string dict =
        "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    const std::size_t prefix = major == 1 ? 10 : 12;
    std::size_t len = dict.size() + 1;
    len += (64 - (prefix + len) % 64) % 64;
    std::string h = "\x93NUMPY";
    h += static_cast<char>(major);
    h += '\0';
    for (std::size_t b = 0; b < (major == 1 ? 2u : 4u); ++b) h += static_cast<char>((len >> (8 * b)) & 0xFF);
    h += dict;
    h.append(len - dict.size() - 1, ' ');
    h += '\n';
    return h;
}

inline std::string npy_header(const std::string& descr, bool fortran, const std::vector<std::size_t>& shape,
                              int major = 1) {
    return npy_header_text(descr, fortran, shape_text(shape), major);
}

// Raw little-endian bytes of the values (the test hosts, x86-64 and wasm32, are little-endian).
template <class T>
std::string raw_bytes(const std::vector<T>& values) {
    std::string s(values.size() * sizeof(T), '\0');
    if (!values.empty()) std::memcpy(&s[0], values.data(), s.size());
    return s;
}

template <class T>
std::string npy(const std::string& descr, const std::vector<std::size_t>& shape, const std::vector<T>& values,
                bool fortran = false, int major = 1) {
    return npy_header(descr, fortran, shape, major) + raw_bytes(values);
}

// ----- files on disk -----------------------------------------------------------------------------

inline std::string fixtures_dir() { return std::string(LABELSCOPE_FIXTURES_DIR); }

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace iotest
