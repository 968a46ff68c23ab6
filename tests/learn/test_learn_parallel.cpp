// Folds in parallel (core/parallel.hpp): with helper threads or without, cross_val_probs gives the
// same bits, the same per-fold results, progress 0, 1, ..., folds in order on the calling thread,
// and a cancel from that thread stops the folds running elsewhere.
#include <doctest/doctest.h>

#include <cstring>
#include <thread>
#include <vector>

#include "core/parallel.hpp"
#include "learn/learn.hpp"
#include "learn_data.hpp"

using namespace labelscope;
using namespace labelscope::learn;

namespace {

// Sets the threads run_pieces may use for one scope.
struct Threads {
    explicit Threads(int n) { set_parallel_threads(n); }
    ~Threads() { set_parallel_threads(0); }
};

CrossValResult run(const Features& f, const std::vector<std::int32_t>& labels, int k, int threads,
                   std::vector<int>* progress = nullptr) {
    const Threads scope(threads);
    const std::thread::id caller = std::this_thread::get_id();
    const Progress record = [&](int done, int total) {
        CHECK(total == 5);
        CHECK((std::this_thread::get_id() == caller));  // a JS callback never leaves its thread
        if (progress && (progress->empty() || progress->back() != done)) progress->push_back(done);
        return true;
    };
    CrossValOptions options;
    options.seed = 7;
    return cross_val_probs(f, labels.data(), labels.size(), k, options, record);
}

}  // namespace

TEST_CASE("learn: folds on helper threads give the same bits as folds on one thread") {
    // 1,500 x 200 values: above the size from which folds go to helper threads (cross_val.cpp).
    const auto blobs = learn_test::make_blobs(1500, 4, 200, 1.5, 31, true);
    const Features f = features_from_table(blobs.table, {}, nullptr);
    std::vector<int> one_progress, many_progress;
    const CrossValResult one = run(f, blobs.labels, 4, 1, &one_progress);
    const CrossValResult many = run(f, blobs.labels, 4, 4, &many_progress);
    REQUIRE(one.probs.size() == many.probs.size());
    CHECK(std::memcmp(one.probs.data(), many.probs.data(), one.probs.size() * sizeof(double)) == 0);
    CHECK(one.c_used == many.c_used);
    REQUIRE(one.folds.size() == many.folds.size());
    for (std::size_t k = 0; k < one.folds.size(); ++k) {
        CHECK(one.folds[k].test_rows == many.folds[k].test_rows);
        CHECK(one.folds[k].accuracy == many.folds[k].accuracy);
        CHECK(one.folds[k].log_loss == many.folds[k].log_loss);
        CHECK(one.folds[k].iterations == many.folds[k].iterations);
    }
    CHECK(one.notes == many.notes);
    CHECK(one_progress == std::vector<int>{0, 1, 2, 3, 4, 5});
    CHECK(many_progress == std::vector<int>{0, 1, 2, 3, 4, 5});
    MESSAGE("threads available: " << parallel_threads());
}

TEST_CASE("learn: a cancel on the calling thread stops folds on helper threads too") {
    const auto blobs = learn_test::make_blobs(1500, 4, 200, 1.5, 32, true);
    const Features f = features_from_table(blobs.table, {}, nullptr);
    const Threads scope(4);
    int calls = 0;
    const Progress stop = [&](int done, int) { return ++calls < 3 && done < 1; };
    CrossValOptions options;
    options.c = 1.0;
    bool threw = false;
    try {
        cross_val_probs(f, blobs.labels.data(), blobs.labels.size(), 4, options, stop);
    } catch (const LabelScopeError& e) {
        threw = e.code() == ErrorCode::cancelled;
    }
    CHECK(threw);
    // Usable afterwards: the helpers left the cancelled job.
    const auto r = cross_val_probs(f, blobs.labels.data(), blobs.labels.size(), 4, options);
    CHECK(r.folds.size() == 5);
}
