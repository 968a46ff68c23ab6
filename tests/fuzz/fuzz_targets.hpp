// The code paths the libFuzzer targets exercise, shared with the regression doctest
// (tests/io/test_io_fuzz_regressions.cpp) so a saved crashing input replays exactly.
//
// Contract checked for any input bytes:
//   - the readers either return a Dataset or throw io::ReadError; the core either returns a
//     Report or throws LabelScopeError. Anything else (another exception, a crash, a sanitizer
//     report, an allocation beyond the fuzzer's limit) is a bug;
//   - the same bytes fed whole or in chunks give the same Dataset or the same error (reader spec);
//   - a Dataset is self-consistent (N labels, N x K probabilities, K class names, ...);
//   - a Report is self-consistent: issues are distinct indices in 0..N-1 matching is_label_issue,
//     per-example vectors have N entries, labels/suggestions are classes, self-confidence
//     label quality is finite and in [0, 1] when every probability is.
// A broken invariant throws fuzz::InvariantViolation (uncaught in the fuzzers = a crash report).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "core/errors.hpp"
#include "core/options.hpp"
#include "io/dataset_reader.hpp"
#include "io/read_error.hpp"

namespace labelscope::fuzz {

struct InvariantViolation : std::logic_error {
    using std::logic_error::logic_error;
};

#define LABELSCOPE_FUZZ_REQUIRE(cond, what)                                                             \
    do {                                                                                                \
        if (!(cond)) throw ::labelscope::fuzz::InvariantViolation(std::string("invariant: ") + (what)); \
    } while (0)

struct File {
    io::FileRole role;
    std::string name;
    std::string bytes;
};

// chunk == 0: the whole file in one feed() call; else pieces of `chunk` bytes, with an empty feed
// before each piece when `empty_feeds`.
inline void feed_file(io::DatasetReader& reader, const File& f, std::size_t chunk, bool empty_feeds = false) {
    reader.begin_file(f.role, f.name, f.bytes.size());
    const auto* p = reinterpret_cast<const std::uint8_t*>(f.bytes.data());
    const std::size_t n = f.bytes.size();
    if (chunk == 0) {
        reader.feed(p, n);
    } else {
        for (std::size_t at = 0; at < n; at += chunk) {
            if (empty_feeds) reader.feed(p + at, 0);
            reader.feed(p + at, std::min(chunk, n - at));
        }
    }
    reader.end_file();
}

struct Outcome {
    bool ok = false;
    io::Dataset dataset;
    std::string code, message, file;  // the ReadError when !ok
    std::int64_t row = 0, column = 0;
};

// Reads the files; only ReadError is an accepted failure (anything else propagates).
inline Outcome read_files(const std::vector<File>& files, std::size_t chunk, bool empty_feeds,
                          const io::ReadOptions& options) {
    Outcome out;
    try {
        io::DatasetReader reader(options);
        for (const File& f : files) feed_file(reader, f, chunk, empty_feeds);
        out.dataset = reader.finish();
        out.ok = true;
    } catch (const io::ReadError& e) {
        out.code = e.code();
        out.message = e.what();
        out.file = e.file();
        out.row = e.row();
        out.column = e.column();
    }
    return out;
}

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

inline bool same_outcome(const Outcome& a, const Outcome& b) {
    if (a.ok != b.ok) return false;
    if (!a.ok)
        return a.code == b.code && a.message == b.message && a.file == b.file && a.row == b.row && a.column == b.column;
    const io::Dataset &x = a.dataset, &y = b.dataset;
    if (x.extra_columns.size() != y.extra_columns.size()) return false;
    for (std::size_t c = 0; c < x.extra_columns.size(); ++c)
        if (x.extra_columns[c].name != y.extra_columns[c].name ||
            x.extra_columns[c].values != y.extra_columns[c].values)
            return false;
    return x.num_examples == y.num_examples && x.num_classes == y.num_classes && x.labels == y.labels &&
           same_bits(x.probs, y.probs) && same_bits(x.probs_f32, y.probs_f32) && x.class_names == y.class_names &&
           x.true_labels == y.true_labels && x.known_errors == y.known_errors && x.notes == y.notes &&
           x.source.labels_file == y.source.labels_file && x.source.labels_first_row == y.source.labels_first_row &&
           x.source.labels_column == y.source.labels_column && x.source.probs_file == y.source.probs_file &&
           x.source.probs_first_row == y.source.probs_first_row && x.source.probs_columns == y.source.probs_columns;
}

inline std::string describe(const Outcome& o) {
    if (o.ok)
        return "a dataset of " + std::to_string(o.dataset.num_examples) + " x " + std::to_string(o.dataset.num_classes);
    return "ReadError " + o.code + " (" + o.file + " row " + std::to_string(o.row) + " column " +
           std::to_string(o.column) + "): " + o.message;
}

inline void check_dataset(const io::Dataset& d) {
    const std::size_t n = d.num_examples, k = d.num_classes;
    LABELSCOPE_FUZZ_REQUIRE(d.labels.size() == n, "labels.size() == N");
    LABELSCOPE_FUZZ_REQUIRE(d.probs.empty() || d.probs_f32.empty(), "only one of probs / probs_f32");
    LABELSCOPE_FUZZ_REQUIRE(d.probs.size() + d.probs_f32.size() == n * k, "N x K probabilities");
    LABELSCOPE_FUZZ_REQUIRE(d.class_names.size() == k, "K class names");
    for (const auto& c : d.extra_columns) LABELSCOPE_FUZZ_REQUIRE(c.values.size() == n, "extra column of N values");
    LABELSCOPE_FUZZ_REQUIRE(d.true_labels.empty() || d.true_labels.size() == n, "true_labels empty or N");
    LABELSCOPE_FUZZ_REQUIRE(d.known_errors.empty() || d.known_errors.size() == n, "known_errors empty or N");
}

// Reads whole, then in `chunk`-byte pieces (if chunk > 0): both must agree. Returns the whole read.
inline Outcome read_checked(const std::vector<File>& files, std::size_t chunk, const io::ReadOptions& options) {
    Outcome whole = read_files(files, 0, false, options);
    if (whole.ok) check_dataset(whole.dataset);
    if (chunk > 0) {
        const Outcome pieces = read_files(files, chunk, chunk % 2 == 1, options);
        LABELSCOPE_FUZZ_REQUIRE(same_outcome(whole, pieces), "chunks of " + std::to_string(chunk) + " bytes gave " +
                                                                 describe(pieces) + " but the whole file gave " +
                                                                 describe(whole));
    }
    return whole;
}

// ----- the full pipeline: validate_dataset -> audit ---------------------------------------------

template <class T>
void check_report(const io::Dataset& d, ProbsView<T> probs, const AuditOptions& options, const Report& r) {
    const std::size_t n = d.num_examples, k = d.num_classes;
    LABELSCOPE_FUZZ_REQUIRE(r.num_examples == n && r.num_classes == k, "report N, K");
    LABELSCOPE_FUZZ_REQUIRE(r.is_label_issue.size() == n, "is_label_issue has N entries");
    std::vector<std::uint8_t> seen(n, 0);
    for (std::int32_t i : r.issues) {
        LABELSCOPE_FUZZ_REQUIRE(i >= 0 && static_cast<std::size_t>(i) < n, "issue index in 0..N-1");
        LABELSCOPE_FUZZ_REQUIRE(!seen[static_cast<std::size_t>(i)], "issue indices are distinct");
        seen[static_cast<std::size_t>(i)] = 1;
        LABELSCOPE_FUZZ_REQUIRE(r.is_label_issue[static_cast<std::size_t>(i)], "issues agree with is_label_issue");
    }
    LABELSCOPE_FUZZ_REQUIRE(
        static_cast<std::size_t>(std::count_if(r.is_label_issue.begin(), r.is_label_issue.end(),
                                               [](std::uint8_t b) { return b != 0; })) == r.issues.size(),
        "is_label_issue count == issues.size()");
    LABELSCOPE_FUZZ_REQUIRE(r.label_quality.size() == n, "label_quality has N entries");
    LABELSCOPE_FUZZ_REQUIRE(
        r.suggested_label.size() == n && r.predicted_label.size() == n && r.confident_joint_label.size() == n,
        "per-example labels have N entries");
    for (std::size_t i = 0; i < n; ++i) {
        LABELSCOPE_FUZZ_REQUIRE(r.suggested_label[i] >= 0 && static_cast<std::size_t>(r.suggested_label[i]) < k,
                                "suggested_label is a class");
        LABELSCOPE_FUZZ_REQUIRE(r.predicted_label[i] >= 0 && static_cast<std::size_t>(r.predicted_label[i]) < k,
                                "predicted_label is a class");
        LABELSCOPE_FUZZ_REQUIRE(
            r.confident_joint_label[i] >= -1 && r.confident_joint_label[i] < static_cast<std::int32_t>(k),
            "confident_joint_label is -1 or a class");
    }
    LABELSCOPE_FUZZ_REQUIRE(r.label_counts.size() == k && r.thresholds.size() == k, "K label counts / thresholds");
    LABELSCOPE_FUZZ_REQUIRE(r.confident_joint.rows == k && r.confident_joint.cols == k, "K x K confident joint");
    // Self-confidence is p[i][label]: finite and in [0, 1] whenever every probability is.
    const bool self_conf = options.rank_by && options.rank_by->method == ScoreMethod::self_confidence &&
                           !options.rank_by->adjust_pred_probs;
    if (self_conf) {
        bool in_unit = true;
        for (std::size_t i = 0; i < n * k && in_unit; ++i) {
            const double v = static_cast<double>(probs.data[i]);
            in_unit = v >= 0.0 && v <= 1.0;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const double q = r.label_quality[i];
            LABELSCOPE_FUZZ_REQUIRE(std::isfinite(q), "label_quality is finite");
            if (in_unit) LABELSCOPE_FUZZ_REQUIRE(q >= 0.0 && q <= 1.0, "self-confidence in [0, 1]");
        }
    }
}

template <class T>
void audit_checked(const io::Dataset& d, ProbsView<T> probs, const AuditOptions& options) {
    try {
        const Report r = audit(d.labels_view(), probs, options);
        check_report(d, probs, options, r);
    } catch (const LabelScopeError&) {
        // bad values or options are reported, that is fine
    }
}

inline const FilterBy kFilters[] = {
    FilterBy::prune_by_noise_rate, FilterBy::prune_by_class,      FilterBy::both,
    FilterBy::confident_learning,  FilterBy::predicted_neq_given, FilterBy::low_normalized_margin,
    FilterBy::low_self_confidence};
inline const ScoreMethod kScores[] = {ScoreMethod::self_confidence, ScoreMethod::normalized_margin,
                                      ScoreMethod::confidence_weighted_entropy};

// selector picks two extra filter_by methods and a ranking for the non-default runs.
template <class T>
void audit_variants(const io::Dataset& d, ProbsView<T> probs, std::uint8_t selector) {
    audit_checked(d, probs, AuditOptions{});
    AuditOptions a;
    a.find.filter_by = kFilters[1 + selector % 6];
    a.rank_by = ScoreOptions{kScores[(selector >> 3) % 3], (selector & 0x20) != 0};
    audit_checked(d, probs, a);
    AuditOptions b;
    b.find.filter_by = kFilters[1 + (selector / 6 + 1) % 6];
    if (selector & 0x40) b.rank_by = std::nullopt;
    b.asymmetric_overlap = (selector & 0x80) != 0;
    if (selector & 0x10) b.find.frac_noise = 0.5;
    audit_checked(d, probs, b);
}

inline void pipeline(const io::Dataset& d, std::uint8_t selector) {
    try {
        (void)io::validate_dataset(d, true);
    } catch (const io::ReadError&) {
        // The core must reject the same data by itself: audit on unvalidated data still must not crash.
    }
    if (d.is_float32())
        audit_variants(d, d.probs_view_f32(), selector);
    else
        audit_variants(d, d.probs_view(), selector);
}

// ----- the three targets, on raw fuzzer bytes ------------------------------------------------------

// Header byte: chunk size (0 = only whole) and flags; the rest of the input is the file.
inline std::size_t chunk_from(std::uint8_t b) {
    static const std::size_t sizes[] = {0, 1, 2, 3, 5, 7, 13, 64};
    return sizes[b & 7];
}

// A pred_probs CSV with `rows` rows of three classes named 0, 1, 2 (labels resolve by index or name).
inline std::string companion_probs(std::size_t rows) {
    std::string s = "0,1,2\n";
    for (std::size_t i = 0; i < rows; ++i)
        s += (i % 3 == 0 ? "0.7,0.2,0.1\n" : i % 3 == 1 ? "0.1,0.8,0.1\n" : "0.3,0.3,0.4\n");
    return s;
}

inline std::string companion_labels(std::size_t rows) {
    std::string s;
    for (std::size_t i = 0; i < rows; ++i) s += (i % 2 ? "1\n" : "0\n");
    return s;
}

inline std::size_t count_lines(const std::string& s) {
    std::size_t n = static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
    if (!s.empty() && s.back() != '\n') ++n;
    return n;
}

// (a) CSV reader. Byte 0: bits 0-2 chunk size, bits 3-4 role (labels / pred_probs / combined),
// bit 5 float32, bit 6 companion row count = lines - 1 (header) instead of lines, bit 7 run the
// result through the pipeline.
inline void csv_one(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return;
    const std::uint8_t h = data[0];
    std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
    const int role = (h >> 3) & 3;
    io::ReadOptions options;
    options.float32 = (h & 0x20) != 0;
    std::size_t rows = count_lines(body);
    if ((h & 0x40) && rows > 0) --rows;
    rows = std::min<std::size_t>(rows, 100000);
    std::vector<File> files;
    if (role == 0) {
        files = {{io::FileRole::labels, "labels.csv", body},
                 {io::FileRole::pred_probs, "pred_probs.csv", companion_probs(rows)}};
    } else if (role == 1) {
        files = {{io::FileRole::pred_probs, "pred_probs.csv", body},
                 {io::FileRole::labels, "labels.csv", companion_labels(rows)}};
    } else {
        files = {{io::FileRole::combined, "dataset.csv", body}};
    }
    const Outcome o = read_checked(files, chunk_from(h), options);
    if (o.ok && (h & 0x80)) pipeline(o.dataset, h);
}

// Rows of a .npy body, read from its 'shape': (R, ...) entry; 0 when absent.
inline std::size_t npy_rows_guess(const std::string& s) {
    const std::size_t at = s.find("'shape':");
    if (at == std::string::npos || at > 4096) return 0;
    std::size_t i = s.find('(', at);
    if (i == std::string::npos) return 0;
    std::size_t v = 0;
    for (++i; i < s.size() && s[i] == ' '; ++i) {}
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && v < 100000; ++i)
        v = v * 10 + static_cast<std::size_t>(s[i] - '0');
    return std::min<std::size_t>(v, 100000);
}

// (b) .npy reader. Byte 0: bits 0-2 chunk size, bit 3 role labels (else pred_probs), bit 5
// float32, bit 7 pipeline. The magic is prepended when the input lacks it, so every input
// reaches the .npy parser.
inline void npy_one(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return;
    const std::uint8_t h = data[0];
    std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
    if (body.compare(0, 6, "\x93NUMPY") != 0) body.insert(0, "\x93NUMPY");
    io::ReadOptions options;
    options.float32 = (h & 0x20) != 0;
    const std::size_t rows = npy_rows_guess(body);
    std::vector<File> files;
    if (h & 0x08)
        files = {{io::FileRole::labels, "labels.npy", body},
                 {io::FileRole::pred_probs, "pred_probs.csv", companion_probs(rows)}};
    else
        files = {{io::FileRole::pred_probs, "pred_probs.npy", body},
                 {io::FileRole::labels, "labels.csv", companion_labels(rows)}};
    const Outcome o = read_checked(files, chunk_from(h), options);
    if (o.ok && (h & 0x80)) pipeline(o.dataset, h);
}

// (c) full pipeline. Byte 0: bits 0-2 chunk size, bit 5 float32, all bits also pick the audit
// variants. The rest is split at the first 0xFF byte: labels before, pred_probs (CSV or .npy)
// after; without 0xFF it is one combined CSV.
inline void pipeline_one(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return;
    const std::uint8_t h = data[0];
    const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
    io::ReadOptions options;
    options.float32 = (h & 0x20) != 0;
    std::vector<File> files;
    const std::size_t cut = body.find('\xFF');
    if (cut == std::string::npos)
        files = {{io::FileRole::combined, "dataset.csv", body}};
    else
        files = {{io::FileRole::labels, "labels.csv", body.substr(0, cut)},
                 {io::FileRole::pred_probs, "pred_probs", body.substr(cut + 1)}};
    const Outcome o = read_checked(files, chunk_from(h), options);
    if (o.ok) pipeline(o.dataset, h);
}

}  // namespace labelscope::fuzz
