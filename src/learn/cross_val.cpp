// Stratified k-fold out-of-sample probabilities (learn.hpp): input checks, the automatic choice
// of C, one fit per fold, per-fold accuracy and log loss.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <sstream>
#include <thread>

#include "core/parallel.hpp"
#include "core/portable_math.hpp"
#include "learn/design.hpp"
#include "learn/folds.hpp"
#include "learn/lbfgs.hpp"
#include "learn/logistic.hpp"

namespace labelscope::learn {

namespace {

// Candidate C values for the automatic choice, fitted in this order with warm starts (strongest
// penalty first, so each fit starts near its solution).
constexpr double C_GRID[] = {0.001, 0.01, 0.1, 1.0, 10.0, 100.0};
// The optimiser also stops when 10 iterations lowered the objective by less than this (lbfgs.hpp).
constexpr double WINDOW_DECREASE = 1e-3;
// Iterations per C value while choosing C (each fit starts from the previous C's solution).
constexpr int PATH_ITERATIONS = 50;
// Feature values (rows x columns, plus text entries) from which the folds run on helper threads.
constexpr std::size_t PARALLEL_MIN_WORK = std::size_t{1} << 18;
// Log loss of a probability clipped here, so a confident mistake costs a finite amount.
constexpr double MIN_PROB = 1e-15;

std::string format_c(double c) {
    std::ostringstream out;
    out << c;
    return out.str();
}

std::vector<double> class_weights(const std::int32_t* labels, const std::vector<std::uint32_t>& rows, int k,
                                  bool balanced) {
    std::vector<double> w(static_cast<std::size_t>(k), 1.0);
    if (!balanced) return w;
    std::vector<double> count(static_cast<std::size_t>(k), 0.0);
    for (const std::uint32_t i : rows) count[static_cast<std::size_t>(labels[i])] += 1.0;
    std::size_t present = 0;
    for (const double c : count) present += c > 0 ? 1 : 0;
    // scikit-learn's "balanced": n / (classes * count), over the classes present in the fit.
    for (std::size_t c = 0; c < w.size(); ++c)
        if (count[c] > 0) w[c] = static_cast<double>(rows.size()) / (static_cast<double>(present) * count[c]);
    return w;
}

// Zero weights and log-prior intercepts: the best model that ignores the features.
std::vector<double> initial_theta(const LogisticProblem& pb) {
    std::vector<double> theta(pb.params(), 0.0);
    std::vector<double> mass(static_cast<std::size_t>(pb.k), 0.0);
    double total = 0;
    for (std::size_t r = 0; r < pb.n; ++r) {
        const auto y = static_cast<std::size_t>(pb.labels[pb.rows[r]]);
        mass[y] += pb.class_weight[y];
        total += pb.class_weight[y];
    }
    double* bias = theta.data() + theta.size() - static_cast<std::size_t>(pb.k);
    for (std::size_t c = 0; c < mass.size(); ++c) bias[c] = mass[c] > 0 ? portable::log(mass[c] / total) : -20.0;
    return theta;
}

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

LbfgsResult fit(const LogisticProblem& pb, std::vector<double>& theta, int max_iterations, double tolerance,
                const std::function<bool()>& after_iteration) {
    auto objective = [&pb](const double* t, double* g) { return logistic_loss_grad(pb, t, g); };
    return lbfgs_minimize(objective, theta, max_iterations, tolerance, after_iteration, WINDOW_DECREASE);
}

void check_options(const CrossValOptions& options) {
    if (options.folds < 2)
        throw LabelScopeError(ErrorCode::invalid_option,
                              "folds must be at least 2; got " + std::to_string(options.folds) + ".");
    if (options.max_iterations < 1)
        throw LabelScopeError(ErrorCode::invalid_option, "max_iterations must be at least 1.");
    if (!(options.tolerance >= 0) || !std::isfinite(options.tolerance))
        throw LabelScopeError(ErrorCode::invalid_option, "tolerance must be a finite number >= 0.");
    if (options.c && !(*options.c > 0 && std::isfinite(*options.c)))
        throw LabelScopeError(ErrorCode::invalid_option,
                              "C must be a finite number > 0; got " + format_c(*options.c) + ".");
}

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
    check_options(options);
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
    Design design;
    std::vector<std::uint32_t> train, test;
    const auto K = static_cast<std::size_t>(num_classes);

    // Automatic C: one inner stratified split of the first fold's training rows (its 1/folds held
    // out), C_GRID fitted in order with warm starts (at most PATH_ITERATIONS each), the lowest
    // held-out log loss wins; the path stops at the first value that scores worse than the best.
    if (options.c) {
        result.c_used = *options.c;
    } else {
        split(all, fold_of, 0, train, test);
        const std::vector<int> inner =
            stratified_folds(labels, train, num_classes, folds, options.seed ^ 0x5eedc0ffeeULL);
        std::vector<std::uint32_t> inner_train, inner_valid;
        split(train, inner, 0, inner_train, inner_valid);
        build_design(data, inner_train, design);
        LogisticProblem pb{&design,
                           labels,
                           inner_train.data(),
                           inner_train.size(),
                           num_classes,
                           1.0,
                           class_weights(labels, inner_train, num_classes, options.balanced_class_weight)};
        std::vector<double> theta = initial_theta(pb), probs(inner_valid.size() * K);
        double best_loss = 0;
        std::string tried;
        for (const double c : C_GRID) {
            pb.c = c;
            fit(pb, theta, std::min(options.max_iterations, PATH_ITERATIONS), options.tolerance, keep_going);
            logistic_predict(design, num_classes, theta.data(), inner_valid.data(), inner_valid.size(), probs.data());
            const double loss = score(probs, labels, inner_valid, num_classes, &pb.class_weight).log_loss;
            tried += (tried.empty() ? "" : ", ") + format_c(c);
            if (result.c_used == 0 || loss < best_loss) {
                best_loss = loss;
                result.c_used = c;
            } else {
                break;
            }
        }
        result.notes.push_back("C = " + format_c(result.c_used) + " chosen by held-out log loss on an inner split of " +
                               "the first fold's training rows (tried " + tried + ").");
    }

    // The folds are independent: each is one piece for run_pieces (core/parallel.hpp), on helper
    // threads where the build has them, with its own design and its own output rows, so the bits
    // do not depend on which thread ran which fold. Only the calling thread calls `progress` (a JS
    // callback must stay on its thread); a cancel reaches the other threads through a flag.
    std::vector<float>().swap(design.dense);  // the inner split's design is no longer needed
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
        const LbfgsResult fitted = fit(pb, theta, options.max_iterations, options.tolerance, check);
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
