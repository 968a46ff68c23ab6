// The feature readers for cross-validation (src/io/table_reader, src/io/dense_reader) and the
// trainer's feature building (src/learn/features.cpp) under arbitrary bytes, shared by the
// libFuzzer target fuzz_features.cpp and the regression doctest.
//
// Input layout: byte 0 chooses the reader and how the bytes arrive, the rest is the file.
//   bits 0-1: 0 labelled table (CSV/TSV), 1 features block (.npy or numeric CSV), 2 labels file,
//             3 labelled table with a column role chosen (the first header cell as categories)
//   bit 2:    impute missing values (else an error naming row and column)
//   bits 3-5: chunk size: 0 = whole, else 1, 2, 3, 7, 64, 4096, 65536 bytes per feed
//   bit 6:    the file is named *.npy (else *.csv)
// Contract: a reader returns or throws io::ReadError; the trainer's features are built or it throws
// LabelScopeError; the same bytes whole or in chunks give the same result or the same error; what
// is returned is self-consistent (one label per row, every column of N values, codes in range,
// rows x cols values). Anything else throws fuzz::InvariantViolation (a crash report).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "io/dense_reader.hpp"
#include "io/read_error.hpp"
#include "io/table_reader.hpp"
#include "learn/learn.hpp"

namespace labelscope::fuzz_features {

struct InvariantViolation : std::logic_error {
    using std::logic_error::logic_error;
};

inline void require(bool cond, const std::string& what) {
    if (!cond) throw InvariantViolation("invariant: " + what);
}

constexpr std::size_t CHUNKS[] = {0, 1, 2, 3, 7, 64, 4096, 65536};

template <class Reader>
void feed(Reader& reader, const std::string& name, const std::uint8_t* p, std::size_t n, std::size_t chunk) {
    reader.begin_file(name, n);
    if (chunk == 0) {
        reader.feed(p, n);
    } else {
        for (std::size_t at = 0; at < n; at += chunk) reader.feed(p + at, std::min(chunk, n - at));
    }
    reader.end_file();
}

// A summary of what a read gave (or its error), to compare whole and chunked reads.
struct Outcome {
    std::string error;  // "code|row|column", empty when read
    std::string summary;
};

inline void check_labels(const io::LabelSet& l) {
    for (const auto y : l.labels)
        require(y >= 0 && static_cast<std::size_t>(y) < l.class_names.size(), "label index within the classes");
}

inline std::string summary_of(const io::FeatureTable& t) {
    require(t.labels.labels.size() == t.num_examples, "one label per row");
    check_labels(t.labels);
    std::string s = std::to_string(t.num_examples) + ":" + t.label_column;
    for (const auto& f : t.numeric) {
        require(f.values.size() == t.num_examples, "numeric column of N values");
        s += "|n" + f.name;
    }
    for (const auto& f : t.categorical) {
        require(f.codes.size() == t.num_examples, "categorical column of N codes");
        for (const auto c : f.codes)
            require(c >= -1 && c < static_cast<std::int32_t>(f.levels.size()), "category code in range");
        s += "|c" + f.name + std::to_string(f.levels.size());
    }
    require(t.text.size() <= 1, "at most one text column");
    for (const auto& f : t.text) require(f.texts.size() == t.num_examples, "text column of N texts");
    for (const auto& c : t.columns) s += "|" + c.name + "=" + io::to_string(c.use);
    return s;
}

inline std::string summary_of(const io::DenseFeatures& d) {
    const std::size_t n = d.rows * d.cols;
    const std::size_t have = d.type == io::DenseFeatures::Type::u8    ? d.u8.size()
                             : d.type == io::DenseFeatures::Type::f32 ? d.f32.size()
                                                                      : d.f64.size();
    require(have == n, "rows x cols values");
    if (!d.image_shape.empty()) {
        std::size_t cells = 1;
        for (const auto s : d.image_shape) cells *= s;
        require(cells == d.cols, "image shape covers the columns");
    }
    return std::to_string(d.rows) + "x" + std::to_string(d.cols) + ":" + std::to_string(static_cast<int>(d.type));
}

inline std::string summary_of(const io::LabelSet& l) {
    check_labels(l);
    std::string s = std::to_string(l.labels.size());
    for (const auto& c : l.class_names) s += "|" + c;
    return s;
}

// Builds the trainer's features from what was read: LabelScopeError or a consistent Features.
inline void build(io::FeatureTable& t, bool impute) {
    learn::TableColumns cols;
    for (auto& f : t.numeric) cols.numeric.push_back({f.name, f.values});
    for (auto& f : t.categorical) cols.categorical.push_back({f.name, f.codes, f.levels});
    for (auto& f : t.text) cols.text.push_back({f.name, f.texts});
    learn::FeatureOptions fo;
    fo.missing = impute ? learn::Missing::mean : learn::Missing::error;
    try {
        const learn::Features f = learn::features_from_table(cols, fo, nullptr);
        require(f.rows() == t.num_examples, "features of N rows");
    } catch (const LabelScopeError&) {}
}

inline void build(const io::DenseFeatures& d) {
    learn::DenseInput in;
    in.rows = d.rows;
    in.cols = d.cols;
    in.data = d.data();
    in.type = d.type == io::DenseFeatures::Type::u8    ? learn::DenseInput::Type::u8
              : d.type == io::DenseFeatures::Type::f32 ? learn::DenseInput::Type::f32
                                                       : learn::DenseInput::Type::f64;
    try {
        const learn::Features f = learn::features_from_dense(in, nullptr);
        require(f.rows() == d.rows && f.dense_cols() <= d.cols, "features of N rows, at most D columns");
    } catch (const LabelScopeError&) {}
}

inline Outcome read_once(int mode, bool impute, const std::string& name, const std::uint8_t* p, std::size_t n,
                         std::size_t chunk, bool build_features) {
    Outcome o;
    try {
        if (mode == 1) {
            io::DenseReader r(impute);
            feed(r, name, p, n, chunk);
            const io::DenseFeatures d = r.finish();
            o.summary = summary_of(d);
            if (build_features) build(d);
        } else if (mode == 2) {
            io::LabelsReader r;
            feed(r, name, p, n, chunk);
            o.summary = summary_of(r.finish());
        } else {
            io::TableOptions options;
            options.impute = impute;
            if (mode == 3) {
                // The first header cell chosen as categories (a role the person can pick on the page).
                std::string first;
                for (std::size_t i = 0; i < n && i < 32 && p[i] != ',' && p[i] != '\n' && p[i] != '\t'; ++i)
                    first += static_cast<char>(p[i]);
                options.roles.emplace_back(first, io::ColumnUse::categorical);
            }
            io::TableReader r(options);
            feed(r, name, p, n, chunk);
            io::FeatureTable t = r.finish();
            o.summary = summary_of(t);
            if (build_features) build(t, impute);
        }
    } catch (const io::ReadError& e) {
        o.error = e.code() + "|" + std::to_string(e.row()) + "|" + std::to_string(e.column());
    }
    return o;
}

inline void features_one(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return;
    const std::uint8_t control = data[0];
    const int mode = control & 3;
    const bool impute = (control >> 2) & 1;
    const std::size_t chunk = CHUNKS[(control >> 3) & 7];
    const std::string name = (control >> 6) & 1 ? "fuzz.npy" : "fuzz.csv";
    const Outcome whole = read_once(mode, impute, name, data + 1, size - 1, 0, true);
    if (chunk == 0) return;
    const Outcome chunked = read_once(mode, impute, name, data + 1, size - 1, chunk, false);
    require(whole.error == chunked.error && whole.summary == chunked.summary,
            "the same result whole and in chunks of " + std::to_string(chunk) + ": '" + whole.error + "' / '" +
                chunked.error + "'");
}

}  // namespace labelscope::fuzz_features
