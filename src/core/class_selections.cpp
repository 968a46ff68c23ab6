#include "class_selections.hpp"

#include <algorithm>
#include <cmath>

#include "parallel.hpp"
#include "portable_math.hpp"
#include "prefetch.hpp"
#include "smallest_keys.hpp"

namespace labelscope {
namespace {

// A selection with its working details.
struct Selection {
    ClassSelection what;
    std::size_t capacity;  // buffer pairs: room for `keep` plus slack, at most the class size
    double bound = NAN;    // guessed key that `keep` examples do not exceed (NaN: none)
};

template <class T>
double key_of(const T* row, std::size_t label, std::size_t other) {
    const auto self = static_cast<double>(row[label]);
    return other == label ? self : -(static_cast<double>(row[other]) - self);
}

// Slack above `keep` in a selection buffer: twice `keep` makes each shrink pay for itself.
std::size_t buffer_capacity(std::size_t keep, std::int64_t class_size) {
    return std::min(2 * keep + 16, static_cast<std::size_t>(class_size));
}

// For each class, the range of its selections in [first, last) (ordered by class).
struct ClassRanges {
    std::vector<std::size_t> begin, end;
    ClassRanges(std::size_t k, const Selection* first, const Selection* last) : begin(k, 0), end(k, 0) {
        for (const Selection* s = first; s != last; ++s) {
            const auto at = static_cast<std::size_t>(s - first);
            if (begin[s->what.label] == end[s->what.label]) begin[s->what.label] = at;
            end[s->what.label] = at + 1;
        }
    }
};

// The sample: runs of SAMPLE_RUN consecutive examples (cheap to read), one run every `spacing`
// examples: about 16k examples, at most 1/8 of the data, and at most ~1M sampled keys.
constexpr std::size_t SAMPLE_RUN = 32;
std::size_t sample_spacing(std::size_t n, std::size_t offers) {
    return std::max({8 * SAMPLE_RUN, n / (16384 / SAMPLE_RUN), offers / ((std::size_t{1} << 20) / SAMPLE_RUN)});
}

// Sets each selection's bound from the keys of a sample of its class: if the sample should hold
// `expected` of the class's `keep` smallest, the bound is its key at rank expected + 3 standard
// deviations + 2, so a little more than `keep` examples pass it. Most keys then fail the first
// comparison in the pass. A wrong guess costs a second pass for that selection, never a wrong
// answer.
template <class T>
void guess_bounds(LabelsView labels, ProbsView<T> probs, const std::vector<std::int64_t>& counts,
                  std::vector<Selection>& selections) {
    const ClassRanges ranges(probs.cols, selections.data(), selections.data() + selections.size());
    std::vector<std::vector<double>> sample(selections.size());  // finite keys
    std::vector<std::size_t> sampled(probs.cols, 0);             // examples of each class
    std::size_t offers = 0;                                      // keys in a full pass
    for (const Selection& s : selections) offers += static_cast<std::size_t>(counts[s.what.label]);
    const std::size_t n = labels.size, spacing = sample_spacing(n, offers);
    // A guess saves about keep * ln(n_k / keep) exact offers (SmallestKeys without a bound) and
    // costs the class's sampled keys: small selections in small classes go without.
    const double fraction = static_cast<double>(SAMPLE_RUN) / static_cast<double>(spacing);
    std::vector<std::uint8_t> worth(selections.size());
    for (std::size_t s = 0; s < selections.size(); ++s) {
        const auto keep = static_cast<double>(selections[s].what.keep);
        const auto n_k = static_cast<double>(counts[selections[s].what.label]);
        worth[s] = keep * portable::log(n_k / keep) > n_k * fraction;
    }
    for (std::size_t start = 0; start < n; start += spacing) {
        for (std::size_t i = start; i < std::min(start + SAMPLE_RUN, n); ++i) {
            const auto c = static_cast<std::size_t>(labels[i]);
            ++sampled[c];
            const T* row = probs.row(i);
            for (std::size_t s = ranges.begin[c]; s < ranges.end[c]; ++s) {
                if (!worth[s]) continue;
                const double key = key_of(row, c, selections[s].what.other);
                if (std::isfinite(key)) sample[s].push_back(key);  // NaN would sort last anyway
            }
        }
    }
    for (std::size_t s = 0; s < selections.size(); ++s) {
        if (!worth[s]) continue;
        const std::size_t label = selections[s].what.label;
        const double expected = static_cast<double>(selections[s].what.keep) * static_cast<double>(sampled[label]) /
                                static_cast<double>(counts[label]);
        const double rank = std::ceil(expected + 3 * std::sqrt(expected) + 2);
        std::vector<double>& keys = sample[s];
        if (!(rank < static_cast<double>(keys.size()))) continue;  // too few sampled: no guess
        const auto at = keys.begin() + static_cast<std::ptrdiff_t>(rank);
        std::nth_element(keys.begin(), at, keys.end());
        selections[s].bound = *at;
    }
}

// A selection at work: its buffer, and the column its key reads.
struct Picker {
    SmallestKeys keys;
    std::size_t other;
};

// One pass over the data for selections [first, last) (ordered by class): every example is
// offered, in index order, to the selections of its class. Returns the selections whose
// bound turned out too low (without their bound), to run again.
template <class T>
std::vector<Selection> run_pass(LabelsView labels, ProbsView<T> probs, const Selection* first, const Selection* last,
                                std::vector<KeyedIndex>& pool, Mask& marks) {
    std::size_t pairs = 0;
    for (const Selection* s = first; s != last; ++s) pairs += s->capacity;
    if (pool.size() < pairs) pool.resize(pairs);
    std::vector<Picker> pickers;
    pickers.reserve(static_cast<std::size_t>(last - first));
    KeyedIndex* buffer = pool.data();
    for (const Selection* s = first; s != last; ++s) {
        pickers.push_back({SmallestKeys(buffer, s->capacity, s->what.keep, s->bound), s->what.other});
        buffer += s->capacity;
    }

    const ClassRanges ranges(probs.cols, first, last);
    // Pieces beyond one only where they run in order on this thread (tiered_pieces): the pickers
    // still see the examples in index order.
    const std::size_t n = labels.size, pieces = tiered_pieces(1, n, n * probs.cols);
    run_pieces(pieces, [&](std::size_t piece) {
        for (std::size_t i = piece_begin(n, pieces, piece), end = piece_begin(n, pieces, piece + 1); i < end; ++i) {
            prefetch_label_value_ahead(labels, probs, i);
            const auto c = static_cast<std::size_t>(labels[i]);
            const T* row = probs.row(i);
            for (Picker *p = pickers.data() + ranges.begin[c], *p_end = pickers.data() + ranges.end[c]; p != p_end; ++p)
                p->keys.offer(key_of(row, c, p->other), static_cast<std::int32_t>(i));
        }
    });

    std::vector<Selection> retry;
    for (std::size_t s = 0; s < pickers.size(); ++s) {
        SmallestKeys& keys = pickers[s].keys;
        keys.finish();
        if (!keys.complete()) {
            retry.push_back(first[s]);
            retry.back().bound = NAN;
            continue;
        }
        for (const KeyedIndex& picked : keys) marks[static_cast<std::size_t>(picked.index)] |= first[s].what.mark;
    }
    return retry;
}

// One pass for selections [first, last), split among the helper threads (src/core/parallel.hpp)
// by class: each piece takes whole classes, so an example is offered to (and marked by) one piece
// only, and every selection sees its examples in index order as in one pass. Retries come back in
// selection order.
template <class T>
std::vector<Selection> run_pass_split(LabelsView labels, ProbsView<T> probs, const std::vector<std::int64_t>& counts,
                                      const Selection* first, const Selection* last, Mask& marks) {
    std::size_t offers = 0;
    for (const Selection* s = first; s != last; ++s) offers += static_cast<std::size_t>(counts[s->what.label]);
    constexpr std::size_t MIN_OFFERS_PER_PIECE = std::size_t{1} << 18;
    // One piece per thread at most: every piece walks all the labels.
    const std::size_t wanted =
        std::min(static_cast<std::size_t>(parallel_threads()),
                 parallel_pieces(static_cast<std::size_t>(last - first), offers, MIN_OFFERS_PER_PIECE));
    // Cuts at class boundaries, near equal shares of the offers.
    std::vector<const Selection*> cuts{first};
    std::size_t so_far = 0;
    for (const Selection* s = first; s != last; ++s) {
        so_far += static_cast<std::size_t>(counts[s->what.label]);
        const bool class_ends = s + 1 == last || s[1].what.label != s->what.label;
        if (s + 1 != last && class_ends && so_far * wanted >= offers * cuts.size()) cuts.push_back(s + 1);
    }
    cuts.push_back(last);
    const std::size_t pieces = cuts.size() - 1;
    std::vector<std::vector<KeyedIndex>> pools(pieces);
    std::vector<std::vector<Selection>> retries(pieces);
    run_pieces(pieces,
               [&](std::size_t p) { retries[p] = run_pass(labels, probs, cuts[p], cuts[p + 1], pools[p], marks); });
    std::vector<Selection> retry;
    for (const auto& r : retries) retry.insert(retry.end(), r.begin(), r.end());
    return retry;
}

// Runs `selections` in as few passes as keep their buffers under ~N pairs in all (usually one).
template <class T>
void run_passes(LabelsView labels, ProbsView<T> probs, const std::vector<std::int64_t>& counts,
                const std::vector<Selection>& selections, Mask& marks) {
    const std::size_t budget = std::max<std::size_t>(labels.size, std::size_t{1} << 16);
    std::vector<Selection> retry;
    for (std::size_t start = 0; start < selections.size();) {
        std::size_t stop = start, pairs = 0;
        while (stop < selections.size() && (stop == start || pairs + selections[stop].capacity <= budget))
            pairs += selections[stop++].capacity;
        const std::vector<Selection> again =
            run_pass_split(labels, probs, counts, selections.data() + start, selections.data() + stop, marks);
        retry.insert(retry.end(), again.begin(), again.end());
        start = stop;
    }
    if (!retry.empty()) run_passes(labels, probs, counts, retry, marks);
}

}  // namespace

template <class T>
void select_in_classes(LabelsView labels, ProbsView<T> probs, const std::vector<std::int64_t>& counts,
                       const std::vector<ClassSelection>& selections, Mask& marks) {
    std::vector<Selection> work;
    work.reserve(selections.size());
    for (const ClassSelection& s : selections) work.push_back({s, buffer_capacity(s.keep, counts[s.label])});
    guess_bounds(labels, probs, counts, work);
    run_passes(labels, probs, counts, work, marks);
}

template void select_in_classes<double>(LabelsView, ProbsView<double>, const std::vector<std::int64_t>&,
                                        const std::vector<ClassSelection>&, Mask&);
template void select_in_classes<float>(LabelsView, ProbsView<float>, const std::vector<std::int64_t>&,
                                       const std::vector<ClassSelection>&, Mask&);

}  // namespace labelscope
