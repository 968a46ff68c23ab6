// The steps split across threads after the reading (thresholds, scores, the ranking, the reduce
// step, the flagged list) give on 4 threads, in tiny pieces, exactly what one thread gives: the same
// bits for every score method, with ties, NaN and -0.0 keys in the ranking.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "core/filter.hpp"
#include "core/keyed_sort.hpp"
#include "core/num_issues.hpp"
#include "core/parallel.hpp"
#include "core/scores.hpp"
#include "core/thresholds.hpp"

using namespace labelscope;

namespace {

// Threads as given, and work shared from the smallest sizes on (threads > 1), for one call.
template <class F>
auto on_threads(int threads, F&& f) {
    set_parallel_threads(threads);
    set_parallel_min_work(threads > 1 ? 1 : 0);
    auto result = f();
    set_parallel_threads(0);
    set_parallel_min_work(0);
    return result;
}

// n rows x k, a deterministic function of the row; labels agree with the row's top class 4 times in 5.
struct Data {
    std::size_t n, k;
    std::vector<double> probs;
    std::vector<std::int32_t> labels;
    Data(std::size_t rows, std::size_t classes) : n(rows), k(classes), probs(rows * classes), labels(rows) {
        std::uint64_t s = 88172645463325252ull;
        const auto next = [&s] {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            return static_cast<double>(s % 1000) / 1000.0;
        };
        for (std::size_t i = 0; i < n; ++i) {
            double sum = 0;
            for (std::size_t j = 0; j < k; ++j) sum += probs[i * k + j] = next() * next() + (j == i % k ? 2.0 : 0.0);
            for (std::size_t j = 0; j < k; ++j) probs[i * k + j] /= sum;
            labels[i] = static_cast<std::int32_t>(i % 5 == 0 ? (i / 5) % k : i % k);
        }
    }
    LabelsView y() const { return {labels.data(), n}; }
    ProbsView<double> p() const { return {probs.data(), n, k}; }
};

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

}  // namespace

TEST_CASE("parallel steps: thresholds and every score method, the same bits on 4 threads as on 1") {
    for (const auto& shape : {std::pair<std::size_t, std::size_t>{1, 2}, {37, 3}, {5000, 7}, {20001, 4}}) {
        CAPTURE(shape.first);
        const Data d(shape.first, shape.second);
        const auto thresholds = [&] { return confident_thresholds(d.y(), d.p()); };
        const std::vector<double> t1 = on_threads(1, thresholds), t4 = on_threads(4, thresholds);
        CHECK(same_bits(t1, t4));
        for (ScoreMethod m :
             {ScoreMethod::self_confidence, ScoreMethod::normalized_margin, ScoreMethod::confidence_weighted_entropy}) {
            for (bool adjust : {false, true}) {
                if (adjust && m == ScoreMethod::confidence_weighted_entropy) continue;
                CAPTURE(static_cast<int>(m));
                CAPTURE(adjust);
                const auto scores = [&] { return label_quality_scores(d.y(), d.p(), ScoreOptions{m, adjust}, t1); };
                CHECK(same_bits(on_threads(1, scores), on_threads(4, scores)));
            }
        }
    }
}

TEST_CASE("parallel steps: the ranking, with ties, NaN and -0.0, is that of one sort") {
    for (std::size_t n : {0u, 1u, 2u, 3u, 100u, 4097u, 30000u}) {
        CAPTURE(n);
        std::vector<double> keys(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t r = (i * 2654435761u) % 97;
            keys[i] = r == 0 ? NAN : r == 1 ? -0.0 : r == 2 ? 0.0 : static_cast<double>(r % 13) / 7.0 - 0.5;
        }
        IndexList all(n), some;
        for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<std::int32_t>(i);
        for (std::size_t i = 0; i < n; i += 3) some.push_back(static_cast<std::int32_t>(i));
        for (const IndexList& indices : {all, some}) {
            const auto sorted = [&] {
                IndexList out = indices;
                sort_indices_by_key(out, keys);
                return out;
            };
            const IndexList one = on_threads(1, sorted), four = on_threads(4, sorted);
            CHECK(one == four);
            for (std::size_t r = 1; r < one.size(); ++r) {  // (key, index) ascending, NaN last, -0.0 == 0.0
                const double a = keys[static_cast<std::size_t>(one[r - 1])], b = keys[static_cast<std::size_t>(one[r])];
                const bool in_order = std::isnan(b) ? (!std::isnan(a) || one[r - 1] < one[r])
                                                    : !std::isnan(a) && (a < b || (a == b && one[r - 1] < one[r]));
                CHECK(in_order);
            }
        }
    }
}

TEST_CASE("parallel steps: the reduce step and the flagged list, the same on 4 threads as on 1") {
    const Data d(20001, 5);
    Mask flags(d.n);
    for (std::size_t i = 0; i < d.n; ++i) flags[i] = (i % 3 == 0) || (i % 7 == 0);
    const auto reduced = [&] {
        Mask m = flags;
        apply_reduce_step(d.y(), d.p(), m);
        return m;
    };
    const Mask one = on_threads(1, reduced), four = on_threads(4, reduced);
    CHECK(one == four);
    CHECK(on_threads(1, [&] { return mask_to_indices(one); }) == on_threads(4, [&] { return mask_to_indices(one); }));
    CHECK(mask_to_indices(Mask{}).empty());
}
