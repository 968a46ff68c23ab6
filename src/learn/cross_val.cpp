// Stratified k-fold out-of-sample probabilities (learn.hpp): input checks, the automatic choice
// of C (choose_c.hpp), one fit per fold, per-fold accuracy and log loss.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <thread>

#include "core/parallel.hpp"
#include "core/portable_math.hpp"
#include "learn/choose_c.hpp"
#include "learn/design.hpp"
#include "learn/fit.hpp"
#include "learn/folds.hpp"
#include "learn/logistic.hpp"

namespace labelscope::learn {

namespace {

// Feature values (rows x columns, plus text entries) from which the folds run on helper threads.
constexpr std::size_t PARALLEL_MIN_WORK = std::size_t{1} << 18;

struct Scores {
    double accuracy = 0, log_loss = 0;
};

// probs: rows.size() x k. Accuracy by the first largest probability; mean clipped log loss.
Scores score(const std::vector<double>& probs, const std::int32_t* labels, const std::vector<std::uint32_t>& rows,
             int k, const std::vector<double>* weights) {
    double correct = 0, loss = 0, total = 0;
    const auto K = static_cast<std::size_t>(k);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double* p = probs.data() + r * K;
        std::size_t best = 0;
        for (std::size_t c = 1; c < K; ++c)
            if (p[c] > p[best]) best = c;
        const auto y = static_cast<std::size_t>(labels[rows[r]]);
        const double w = weights ? (*weights)[y] : 1.0;
        correct += best == y ? w : 0.0;
        loss -= w * portable::log(std::max(p[y], MIN_PROB));
        total += w;
    }
    return {correct / total, loss / total};
}

// One inner split's multinomial model along the C path (choose_c.hpp), scored by the held-out
// log loss with the split's class weights.
class MultinomialPath : public PathFit {
public:
    MultinomialPath(const Design& design, const std::int32_t* labels, const std::vector<std::uint32_t>& train,
                    const std::vector<std::uint32_t>& valid, int k, const CrossValOptions& options,
                    const std::function<bool()>& keep_going)
        : train_(train),
          valid_(valid),
          pb_{&design,
              labels,
              train_.data(),
              train_.size(),
              k,
              1.0,
              class_weights(labels, train_, k, options.balanced_class_weight)},
          theta_(initial_theta(pb_)),
          probs_(valid.size() * static_cast<std::size_t>(k)),
          iterations_(std::min(options.max_iterations, PATH_ITERATIONS)),
          tolerance_(options.tolerance),
          keep_going_(keep_going) {}

    HeldOut fit_and_score(double c) override {
        pb_.c = c;
        fit_logistic(pb_, theta_, iterations_, tolerance_, keep_going_);
        logistic_predict(*pb_.x, pb_.k, theta_.data(), valid_.data(), valid_.size(), probs_.data());
        const auto K = static_cast<std::size_t>(pb_.k);
        HeldOut held;
        held.row_loss.resize(valid_.size());
        for (std::size_t r = 0; r < valid_.size(); ++r) {
            const auto y = static_cast<std::size_t>(pb_.labels[valid_[r]]);
            const double w = pb_.class_weight[y];
            held.row_loss[r] = -w * portable::log(std::max(probs_[r * K + y], MIN_PROB));
            held.loss += held.row_loss[r];
            held.count += w;
        }
        return held;
    }

private:
    std::vector<std::uint32_t> train_, valid_;
    LogisticProblem pb_;
    std::vector<double> theta_, probs_;
    int iterations_;
    double tolerance_;
    std::function<bool()> keep_going_;
};

// Checks labels and returns the number of folds to use (lowered to the smallest class count).
int checked_folds(const std::int32_t* labels, std::size_t n, int num_classes, int folds,
                  std::vector<std::string>& notes) {
    std::vector<std::size_t> count(static_cast<std::size_t>(num_classes), 0);
    std::vector<std::size_t> first(static_cast<std::size_t>(num_classes), 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t y = labels[i];
        if (y < 0 || y >= num_classes)
            throw LabelScopeError(ErrorCode::label_out_of_range,
                                  "row " + std::to_string(i + 1) + ": label " + std::to_string(y) +
                                      " is not one of the " + std::to_string(num_classes) + " classes.",
                                  static_cast<std::int64_t>(i), y);
        if (count[static_cast<std::size_t>(y)]++ == 0) first[static_cast<std::size_t>(y)] = i;
    }
    std::size_t present = 0, smallest = n;
    for (int c = 0; c < num_classes; ++c) {
        const std::size_t m = count[static_cast<std::size_t>(c)];
        if (m == 0) {
            notes.push_back("Class " + std::to_string(c) + " has no examples: its probabilities are near 0.");
            continue;
        }
        ++present;
        if (m == 1)
            throw LabelScopeError(ErrorCode::too_few_examples,
                                  "Class " + std::to_string(c) + " has a single example (row " +
                                      std::to_string(first[static_cast<std::size_t>(c)] + 1) +
                                      "): cross-validation needs at least 2 examples of every class to hold one out. "
                                      "Add examples of it or remove that row.",
                                  static_cast<std::int64_t>(first[static_cast<std::size_t>(c)]), c);
        smallest = std::min(smallest, m);
    }
    if (present < 2)
        throw LabelScopeError(ErrorCode::single_label_class,
                              "Every example has the same label: a classifier needs at least 2 classes.");
    if (smallest < static_cast<std::size_t>(folds)) {
        notes.push_back("The smallest class has " + std::to_string(smallest) + " examples, fewer than the " +
                        std::to_string(folds) + " folds asked for: used " + std::to_string(smallest) + " folds.");
        return static_cast<int>(smallest);
    }
    return folds;
}

}  // namespace

CrossValResult cross_val_probs(const Features& features, const std::int32_t* labels, std::size_t n, int num_classes,
                               const CrossValOptions& options, const Progress& progress) {
    check_cross_val_options(options);
    if (n == 0) throw LabelScopeError(ErrorCode::empty_input, "No examples: nothing to cross-validate.");
    if (n != features.rows())
        throw LabelScopeError(ErrorCode::length_mismatch, "There are " + std::to_string(n) + " labels but " +
                                                              std::to_string(features.rows()) +
                                                              " feature rows: they must match row for row.");
    if (num_classes < 2)
        throw LabelScopeError(ErrorCode::too_few_classes,
                              "A classifier needs at least 2 classes; got " + std::to_string(num_classes) + ".");
    if (n >= (std::size_t{1} << 31))
        throw LabelScopeError(ErrorCode::too_many_examples, "At most 2^31 - 1 examples can be cross-validated.");
    CrossValResult result;
    result.rows = n;
    result.num_classes = static_cast<std::size_t>(num_classes);
    const int folds = checked_folds(labels, n, num_classes, options.folds, result.notes);
    result.folds_used = folds;

    std::vector<std::uint32_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<std::uint32_t>(i);
    const std::vector<int> fold_of = stratified_folds(labels, all, num_classes, folds, options.seed);
    auto split = [&](const std::vector<std::uint32_t>& items, const std::vector<int>& assignment, int f,
                     std::vector<std::uint32_t>& train, std::vector<std::uint32_t>& test) {
        train.clear();
        test.clear();
        for (std::size_t i = 0; i < items.size(); ++i) (assignment[i] == f ? test : train).push_back(items[i]);
    };
    int folds_done = 0;
    const std::function<bool()> keep_going = [&]() {
        if (progress && !progress(folds_done, folds))
            throw LabelScopeError(ErrorCode::cancelled, "Cross-validation cancelled.");
        return true;
    };

    const Features::Data& data = features.data();
    std::vector<std::uint32_t> train, test;
    const auto K = static_cast<std::size_t>(num_classes);

    // Automatic C (choose_c.hpp): inner splits of the first fold's training rows, by the same
    // stratified fold builder with a seed derived from the main one.
    if (options.c) {
        result.c_used = *options.c;
    } else {
        split(all, fold_of, 0, train, test);
        const std::vector<int> inner =
            stratified_folds(labels, train, num_classes, folds, options.seed ^ 0x5eedc0ffeeULL);
        const MakePathFit make = [&](const Design& design, const std::vector<std::uint32_t>& inner_train,
                                     const std::vector<std::uint32_t>& inner_valid) {
            return std::unique_ptr<PathFit>(
                new MultinomialPath(design, labels, inner_train, inner_valid, num_classes, options, keep_going));
        };
        const ChosenC chosen = choose_c(data, train, inner, folds, static_cast<double>(num_classes), make);
        result.c_used = chosen.c;
        result.notes.push_back("C = " + format_c(chosen.c) + " chosen by held-out log loss on " +
                               std::to_string(chosen.splits) + " inner split" + (chosen.splits > 1 ? "s" : "") +
                               " of the first fold's training rows (tried " + chosen.tried + lowest_note(chosen) +
                               ").");
    }

    // The folds are independent: each is one piece for run_pieces (core/parallel.hpp), on helper
    // threads where the build has them, with its own design and its own output rows, so the bits
    // do not depend on which thread ran which fold. Only the calling thread calls `progress` (a JS
    // callback must stay on its thread); a cancel reaches the other threads through a flag.
    result.probs.assign(n * K, 0.0);
    result.folds.assign(static_cast<std::size_t>(folds), FoldResult{});
    std::vector<char> converged(static_cast<std::size_t>(folds), 1);
    std::atomic<int> finished{0};
    std::atomic<bool> stop{false};
    const std::thread::id caller = std::this_thread::get_id();
    int reported = 0;  // folds reported done to `progress` (calling thread only)
    const auto cancelled = [] { return LabelScopeError(ErrorCode::cancelled, "Cross-validation cancelled."); };
    // Between optimiser iterations and after each fold. On the calling thread every fold finished
    // since its last report is reported, one at a time (progress sees 0, 1, ..., folds).
    const std::function<bool()> check = [&]() {
        if (stop.load()) throw cancelled();
        if (!progress || std::this_thread::get_id() != caller) return true;
        const int now = finished.load();
        do {
            if (reported < now) ++reported;
            if (!progress(reported, folds)) {
                stop.store(true);
                throw cancelled();
            }
        } while (reported < now);
        return true;
    };
    const std::function<void(std::size_t)> fit_fold = [&](std::size_t piece) {
        check();
        std::vector<std::uint32_t> fold_train, fold_test;
        split(all, fold_of, static_cast<int>(piece), fold_train, fold_test);
        Design fold_design;
        build_design(data, fold_train, fold_design);
        LogisticProblem pb{&fold_design,
                           labels,
                           fold_train.data(),
                           fold_train.size(),
                           num_classes,
                           result.c_used,
                           class_weights(labels, fold_train, num_classes, options.balanced_class_weight)};
        std::vector<double> theta = initial_theta(pb);
        const LbfgsResult fitted = fit_logistic(pb, theta, options.max_iterations, options.tolerance, check);
        converged[piece] = fitted.converged ? 1 : 0;
        std::vector<double> probs(fold_test.size() * K, 0.0);
        logistic_predict(fold_design, num_classes, theta.data(), fold_test.data(), fold_test.size(), probs.data());
        for (std::size_t r = 0; r < fold_test.size(); ++r)
            std::copy(probs.begin() + static_cast<std::ptrdiff_t>(r * K),
                      probs.begin() + static_cast<std::ptrdiff_t>((r + 1) * K),
                      result.probs.begin() + static_cast<std::ptrdiff_t>(fold_test[r] * K));
        const Scores s = score(probs, labels, fold_test, num_classes, nullptr);
        result.folds[piece] = {fold_train.size(), fold_test.size(), s.accuracy, s.log_loss, fitted.iterations};
        finished.fetch_add(1);
        check();
    };
    // Small data stays on the calling thread: a helper (in WebAssembly a worker loading its own copy
    // of the module) would cost more than the fold it takes.
    const std::size_t work = n * (data.dense_cols + 1) + data.text_col.size();
    if (work >= PARALLEL_MIN_WORK) {
        run_pieces(static_cast<std::size_t>(folds), fit_fold);
    } else {
        for (int f = 0; f < folds; ++f) fit_fold(static_cast<std::size_t>(f));
    }
    // Folds that ended on helper threads after the calling thread's last report.
    while (progress && reported < folds)
        if (!progress(++reported, folds)) throw cancelled();
    std::vector<int> capped;
    for (int f = 0; f < folds; ++f)
        if (!converged[static_cast<std::size_t>(f)]) capped.push_back(f + 1);
    if (!capped.empty()) {
        std::string list;
        for (const int f : capped) list += (list.empty() ? "" : ", ") + std::to_string(f);
        result.notes.push_back("Fold" + std::string(capped.size() > 1 ? "s " : " ") + list + " stopped at the " +
                               std::to_string(options.max_iterations) +
                               "-iteration cap before meeting the convergence tolerance.");
    }
    return result;
}

}  // namespace labelscope::learn
