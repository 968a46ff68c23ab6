// Reading and checking on several threads (src/core/parallel.hpp, the readers' row pieces) gives
// exactly what one thread gives: the same values bit for bit, the same audit, and on bad input the
// same first error (code, message, file, row, column). Tiny inputs are split into many pieces here
// by lowering the sizes from which work is shared.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/audit.hpp"
#include "core/filter.hpp"
#include "core/parallel.hpp"
#include "io/dataset_reader.hpp"
#include "io_helpers.hpp"

namespace {

using namespace iotest;
namespace fs = std::filesystem;

// Threads as given, and work shared from the smallest sizes on (threads > 1), for one test.
struct ThreadsScope {
    explicit ThreadsScope(int threads) {
        labelscope::set_parallel_threads(threads);
        labelscope::set_parallel_min_work(threads > 1 ? 1 : 0);
        labelscope::io::set_parallel_read_sizes(threads > 1 ? 1 : 0, threads > 1 ? 1 : 0);
    }
    ~ThreadsScope() {
        labelscope::set_parallel_threads(0);
        labelscope::set_parallel_min_work(0);
        labelscope::io::set_parallel_read_sizes(0, 0);
    }
};

std::vector<InputFile> case_files(const fs::path& dir) {
    std::vector<InputFile> files;
    for (const char* stem : {"labels", "pred_probs"}) {
        for (const char* ext : {".csv", ".npy", ".tsv"}) {
            const fs::path p = dir / (std::string(stem) + ext);
            if (!fs::exists(p)) continue;
            files.push_back({std::string(stem) == "labels" ? FileRole::labels : FileRole::pred_probs,
                             p.filename().string(), slurp(p.string())});
            break;
        }
    }
    return files;
}

// What one reading and audit gave, to compare.
struct Result {
    Outcome read;
    std::string check_error;  // validate_dataset's or the audit's error, if any
    std::vector<std::string> warnings;
    labelscope::Report report;
    std::vector<labelscope::Mask> masks;  // find_label_issues with each filter_by
    bool audited = false;
};

Result run(const std::vector<InputFile>& files, int threads, const Chunking& how, bool float32 = false) {
    const ThreadsScope scope(threads);
    ReadOptions options;
    options.float32 = float32;
    Result r;
    r.read = read_once(files, how, options);
    if (!r.read.dataset) return r;
    const Dataset& d = *r.read.dataset;
    try {
        for (const auto& w : labelscope::io::validate_dataset(d, true, true)) r.warnings.push_back(w.message);
        r.report = d.is_float32() ? labelscope::audit(d.labels_view(), d.probs_view_f32())
                                  : labelscope::audit(d.labels_view(), d.probs_view());
        using labelscope::FilterBy;
        for (FilterBy f : {FilterBy::prune_by_noise_rate, FilterBy::prune_by_class, FilterBy::both,
                           FilterBy::confident_learning, FilterBy::predicted_neq_given}) {
            labelscope::FindIssuesOptions find;
            find.filter_by = f;
            r.masks.push_back(d.is_float32() ? labelscope::find_label_issues(d.labels_view(), d.probs_view_f32(), find)
                                             : labelscope::find_label_issues(d.labels_view(), d.probs_view(), find));
        }
        r.audited = true;
    } catch (const ReadError& e) {
        r.check_error =
            std::string(e.code()) + " " + std::to_string(e.row()) + ":" + std::to_string(e.column()) + " " + e.what();
    } catch (const std::exception& e) {
        r.check_error = e.what();
    }
    return r;
}

template <class T>
bool bits_equal(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void check_same(const Result& one, const Result& many) {
    REQUIRE(one.read.dataset.has_value() == many.read.dataset.has_value());
    if (!one.read.dataset) {
        check_same_error(*one.read.error, *many.read.error);
        return;
    }
    check_same_dataset(*one.read.dataset, *many.read.dataset);
    CHECK(one.check_error == many.check_error);
    CHECK(one.warnings == many.warnings);
    REQUIRE(one.audited == many.audited);
    if (!one.audited) return;
    const labelscope::Report &a = one.report, &b = many.report;
    CHECK(a.issues == b.issues);
    CHECK(a.is_label_issue == b.is_label_issue);
    CHECK(bits_equal(a.label_quality, b.label_quality));
    CHECK(a.suggested_label == b.suggested_label);
    CHECK(a.confident_joint_label == b.confident_joint_label);
    CHECK(a.predicted_label == b.predicted_label);
    CHECK(bits_equal(a.thresholds, b.thresholds));
    CHECK(a.confident_joint == b.confident_joint);
    CHECK(a.confident_joint_uncalibrated == b.confident_joint_uncalibrated);
    CHECK(bits_equal(a.joint.values, b.joint.values));
    CHECK(a.num_label_issues == b.num_label_issues);
    CHECK(std::memcmp(&a.health_score, &b.health_score, sizeof(double)) == 0);
    CHECK(one.masks == many.masks);
}

void compare_dirs(const fs::path& root) {
    std::size_t cases = 0;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory()) continue;
        const std::vector<InputFile> files = case_files(entry.path());
        if (files.size() != 2) continue;
        ++cases;
        for (const Chunking& how : {Chunking{}, Chunking{7}, Chunking{64}}) {
            for (bool float32 : {false, true}) {
                CAPTURE(entry.path().filename().string());
                CAPTURE(how.describe());
                CAPTURE(float32);
                check_same(run(files, 1, how, float32), run(files, 4, how, float32));
            }
        }
    }
    CHECK(cases > 5);
}

// A pred_probs CSV of `rows` x 4, row r's values a function of r (every row sums to 1).
std::string probs_text(std::size_t rows, const char* line_end = "\n") {
    std::string t;
    for (std::size_t r = 0; r < rows; ++r) {
        const double a = 0.05 + 0.85 * static_cast<double>((r * 7919) % 1000) / 1000.0;
        const double rest = (1.0 - a) / 3.0;
        char buf[128];
        std::snprintf(buf, sizeof buf, "%.6g,%.6g,%.6g,%.17g%s", a, rest, rest, 1.0 - a - 2 * rest, line_end);
        t += buf;
    }
    return t;
}

std::string labels_text(std::size_t rows) {
    std::string t = "label\n";
    for (std::size_t r = 0; r < rows; ++r) t += std::to_string((r * 31) % 4) + "\n";
    return t;
}

// Replaces the `row`-th line (1-based, of `text`) with `line`.
std::string with_line(std::string text, std::size_t row, const std::string& line) {
    std::size_t at = 0;
    for (std::size_t r = 1; r < row; ++r) at = text.find('\n', at) + 1;
    const std::size_t end = text.find('\n', at);
    return text.replace(at, end - at, line);
}

}  // namespace

TEST_CASE("parallel: every golden case reads and audits the same on 4 threads as on 1") {
    compare_dirs(fs::path(LABELSCOPE_FIXTURES_DIR) / "golden");
}

TEST_CASE("parallel: every bad input gives the same error or warnings on 4 threads as on 1") {
    compare_dirs(fs::path(LABELSCOPE_FIXTURES_DIR) / "bad");
}

TEST_CASE("parallel: of two bad rows in different pieces, the first in the file is reported") {
    const std::size_t rows = 12000;  // ~420 KB: whole, it is also hashed on a helper (DatasetReader::feed)
    const std::string labels = labels_text(rows);
    const std::string good = probs_text(rows);
    struct Case {
        const char* what;
        std::string probs;
        const char* code;  // the expected error's code; "" = it reads (validation or the audit may still refuse)
    };
    const std::vector<Case> cases = {
        {"not a number, then a ragged row", with_line(with_line(good, 2500, "0.1,0.2,0.3"), 700, "0.1,x,0.2,0.7"),
         "bad_number"},
        {"a ragged row, then not a number", with_line(with_line(good, 2500, "0.1,x,0.2,0.7"), 700, "0.1,0.2,0.3"),
         "ragged_row"},
        {"a blank line mid-file", with_line(good, 1500, ""), "blank_row"},
        {"a quoted cell holding a line break", with_line(good, 1200, "\"0.1\n\",0.2,0.3,0.4"), "bad_number"},
        {"a quoted cell", with_line(good, 900, "\"0.25\",0.25,0.25,0.25"), ""},
        {"NaN, then a value above 1", with_line(with_line(good, 2800, "1.5,0,0,0"), 400, "nan,0.2,0.3,0.5"), ""},
        {"a value above 1, then NaN", with_line(with_line(good, 2800, "nan,0.2,0.3,0.5"), 400, "1.5,0,0,-0.5"), ""},
        {"a row not summing to 1, then one slightly negative",
         with_line(with_line(good, 2900, "-1e-9,0.5,0.5,1e-9"), 100, "0.5,0.5,0.5,0.5"), ""},
        {"long numbers (the general parser)",
         with_line(good, 2000, "0.12345678901234567890,0.3,0.3,0.27654321098765432"), ""},
        {"CRLF line ends", probs_text(rows, "\r\n"), ""},
        {"CR line ends", probs_text(rows, "\r"), ""},
    };
    for (const Case& c : cases) {
        const std::string what = c.what;
        CAPTURE(what);
        const std::vector<InputFile> files = {labels_file(labels), probs_file(c.probs)};
        for (const Chunking& how : {Chunking{}, Chunking{4096}, Chunking{333}}) {
            CAPTURE(how.describe());
            const Result one = run(files, 1, how), many = run(files, 4, how);
            check_same(one, many);
            if (std::string(c.code).empty()) {
                CHECK(one.read.dataset.has_value());
            } else {
                REQUIRE(one.read.error.has_value());
                CHECK(std::string(one.read.error->code()) == c.code);
            }
        }
    }
}

TEST_CASE("parallel: run_pieces runs every piece once, piece 0 on the caller, and rethrows the lowest error") {
    labelscope::set_parallel_threads(4);
    for (std::size_t pieces : {1u, 2u, 3u, 17u, 64u}) {
        std::vector<int> ran(pieces, 0);
        const auto caller = std::this_thread::get_id();
        bool zero_on_caller = false;
        labelscope::run_pieces(pieces, [&](std::size_t p) {
            ++ran[p];
            if (p == 0) zero_on_caller = std::this_thread::get_id() == caller;
        });
        CHECK(std::all_of(ran.begin(), ran.end(), [](int n) { return n == 1; }));
        CHECK(zero_on_caller);
    }
    std::string caught;
    try {
        labelscope::run_pieces(32, [](std::size_t p) {
            if (p == 9 || p == 5 || p == 30) throw std::runtime_error("piece " + std::to_string(p));
        });
    } catch (const std::runtime_error& e) {
        caught = e.what();
    }
    CHECK(caught == "piece 5");
    // Nested: a piece may run pieces of its own.
    std::vector<int> inner(8 * 8, 0);
    labelscope::run_pieces(
        8, [&](std::size_t p) { labelscope::run_pieces(8, [&](std::size_t q) { ++inner[p * 8 + q]; }); });
    CHECK(std::all_of(inner.begin(), inner.end(), [](int n) { return n == 1; }));
    // A background task runs exactly once, on a helper or in wait().
    int hashed = 0;
    labelscope::BackgroundTask task;
    for (int i = 0; i < 50; ++i) {
        task.start([&hashed] { ++hashed; });
        task.wait();
    }
    CHECK(hashed == 50);
    labelscope::set_parallel_threads(0);
}
