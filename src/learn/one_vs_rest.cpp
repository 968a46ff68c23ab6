// One-vs-rest cross-validation (one_vs_rest.hpp): input checks, multi-label folds, the shared C,
// K binary fits per fold on one design.
#include "learn/one_vs_rest.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/portable_math.hpp"
#include "learn/design.hpp"
#include "learn/folds.hpp"
#include "learn/lbfgs.hpp"
#include "learn/logistic.hpp"

namespace labelscope::learn {

namespace {

// The single-label trainer's grid, window and path length (cross_val.cpp), so C means the same.
constexpr double C_GRID[] = {0.001, 0.01, 0.1, 1.0, 10.0, 100.0};
constexpr double WINDOW_DECREASE = 1e-3;
constexpr int PATH_ITERATIONS = 50;
constexpr double MIN_PROB = 1e-15;

std::string format_c(double c) {
    std::ostringstream out;
    out << c;
    return out.str();
}

// Column c of the label sets as 0/1 labels.
std::vector<std::int32_t> binary_labels(const MultiLabelsView& labels, int c) {
    std::vector<std::int32_t> y(labels.size, 0);
    for (std::size_t i = 0; i < labels.size; ++i)
        for (const std::int32_t* p = labels.set_begin(i); p != labels.set_end(i); ++p)
            if (*p == c) y[i] = 1;
    return y;
}

std::vector<double> binary_weights(const std::vector<std::int32_t>& y, const std::vector<std::uint32_t>& rows,
                                   bool balanced) {
    std::vector<double> w(2, 1.0);
    if (!balanced) return w;
    double count[2] = {0, 0};
    for (const std::uint32_t i : rows) count[y[i]] += 1;
    const double present = (count[0] > 0 ? 1 : 0) + (count[1] > 0 ? 1 : 0);
    // scikit-learn's "balanced": n / (classes * count), over the classes present in the fit.
    for (int c = 0; c < 2; ++c)
        if (count[c] > 0) w[static_cast<std::size_t>(c)] = static_cast<double>(rows.size()) / (present * count[c]);
    return w;
}

// Zero weights and log-prior intercepts (a class absent from the fit gets -20).
std::vector<double> initial_theta(const LogisticProblem& pb) {
    std::vector<double> theta(pb.params(), 0.0);
    double mass[2] = {0, 0};
    for (std::size_t r = 0; r < pb.n; ++r) {
        const auto y = static_cast<std::size_t>(pb.labels[pb.rows[r]]);
        mass[y] += pb.class_weight[y];
    }
    const double total = mass[0] + mass[1];
    double* bias = theta.data() + theta.size() - 2;
    for (int c = 0; c < 2; ++c) bias[c] = mass[c] > 0 ? portable::log(mass[c] / total) : -20.0;
    return theta;
}

LbfgsResult fit(const LogisticProblem& pb, std::vector<double>& theta, int max_iterations, double tolerance,
                const std::function<bool()>& after_iteration) {
    auto objective = [&pb](const double* t, double* g) { return logistic_loss_grad(pb, t, g); };
    return lbfgs_minimize(objective, theta, max_iterations, tolerance, after_iteration, WINDOW_DECREASE);
}

struct Tally {
    double correct = 0, loss = 0, count = 0;
    // probs: rows.size() x 2 (absent, present).
    void add(const std::vector<double>& probs, const std::vector<std::int32_t>& y,
             const std::vector<std::uint32_t>& rows) {
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const double p = probs[r * 2 + 1];
            const bool present = y[rows[r]] == 1;
            correct += (p >= 0.5) == present ? 1.0 : 0.0;
            loss -= portable::log(std::max(present ? p : probs[r * 2], MIN_PROB));
            count += 1;
        }
    }
};

void check_input(const Features& features, const MultiLabelsView& labels, int num_classes,
                 const CrossValOptions& options) {
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
    const std::size_t n = labels.size;
    if (n == 0) throw LabelScopeError(ErrorCode::empty_input, "No examples: nothing to cross-validate.");
    if (n != features.rows())
        throw LabelScopeError(ErrorCode::length_mismatch, "There are " + std::to_string(n) + " label sets but " +
                                                              std::to_string(features.rows()) +
                                                              " feature rows: they must match row for row.");
    if (num_classes < 1)
        throw LabelScopeError(ErrorCode::too_few_classes,
                              "Multi-label data needs at least 1 class; got " + std::to_string(num_classes) + ".");
    if (n >= (std::size_t{1} << 31))
        throw LabelScopeError(ErrorCode::too_many_examples, "At most 2^31 - 1 examples can be cross-validated.");
    if (n < static_cast<std::size_t>(options.folds))
        throw LabelScopeError(ErrorCode::too_few_examples,
                              "There are " + std::to_string(n) + " examples, fewer than the " +
                                  std::to_string(options.folds) + " folds: lower the folds or add examples.");
    for (std::size_t i = 0; i < n; ++i)
        for (const std::int32_t* p = labels.set_begin(i); p != labels.set_end(i); ++p)
            if (*p < 0 || *p >= num_classes)
                throw LabelScopeError(ErrorCode::label_out_of_range,
                                      "row " + std::to_string(i + 1) + ": class " + std::to_string(*p) +
                                          " is not one of the " + std::to_string(num_classes) + " classes.",
                                      static_cast<std::int64_t>(i), *p);
}

void split(const std::vector<std::uint32_t>& items, const std::vector<int>& assignment, int f,
           std::vector<std::uint32_t>& train, std::vector<std::uint32_t>& test) {
    train.clear();
    test.clear();
    for (std::size_t i = 0; i < items.size(); ++i) (assignment[i] == f ? test : train).push_back(items[i]);
}

}  // namespace

std::vector<int> multi_label_folds(const MultiLabelsView& labels, int num_classes,
                                   const std::vector<std::uint32_t>& rows, int folds, std::uint64_t seed) {
    std::vector<std::size_t> count(static_cast<std::size_t>(num_classes), 0);
    for (std::size_t i = 0; i < labels.size; ++i) {
        // A class listed twice in one set counts once (it is one example of that class).
        for (const std::int32_t* p = labels.set_begin(i); p != labels.set_end(i); ++p)
            if (std::find(labels.set_begin(i), p, *p) == p) ++count[static_cast<std::size_t>(*p)];
    }
    // Stratum of a row: its rarest class (lowest index among equals), num_classes for the empty set.
    std::vector<std::int32_t> stratum(labels.size, num_classes);
    for (std::size_t i = 0; i < labels.size; ++i)
        for (const std::int32_t* p = labels.set_begin(i); p != labels.set_end(i); ++p) {
            const std::int32_t s = stratum[i];
            const auto cp = count[static_cast<std::size_t>(*p)];
            if (s == num_classes || cp < count[static_cast<std::size_t>(s)] ||
                (cp == count[static_cast<std::size_t>(s)] && *p < s))
                stratum[i] = *p;
        }
    return stratified_folds(stratum.data(), rows, num_classes + 1, folds, seed);
}

CrossValResult one_vs_rest_probs(const Features& features, const MultiLabelsView& labels, int num_classes,
                                 const CrossValOptions& options, const Progress& progress) {
    check_input(features, labels, num_classes, options);
    const std::size_t n = labels.size;
    const auto K = static_cast<std::size_t>(num_classes);
    const int folds = options.folds;
    CrossValResult result;
    result.rows = n;
    result.num_classes = K;
    result.folds_used = folds;

    std::vector<std::vector<std::int32_t>> y(K);
    for (int c = 0; c < num_classes; ++c) {
        y[static_cast<std::size_t>(c)] = binary_labels(labels, c);
        std::size_t positives = 0;
        for (const std::int32_t v : y[static_cast<std::size_t>(c)]) positives += static_cast<std::size_t>(v);
        if (positives == 0)
            result.notes.push_back("Class " + std::to_string(c) + " is in no set: its probabilities are near 0.");
        else if (positives == n)
            result.notes.push_back("Class " + std::to_string(c) + " is in every set: its probabilities are near 1.");
        else if (positives < static_cast<std::size_t>(folds))
            result.notes.push_back("Class " + std::to_string(c) + " is in " + std::to_string(positives) +
                                   " sets, fewer than the " + std::to_string(folds) +
                                   " folds: some folds learn it from no example.");
    }

    std::vector<std::uint32_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<std::uint32_t>(i);
    const std::vector<int> fold_of = multi_label_folds(labels, num_classes, all, folds, options.seed);
    int folds_done = 0;
    const std::function<bool()> keep_going = [&]() {
        if (progress && !progress(folds_done, folds))
            throw LabelScopeError(ErrorCode::cancelled, "Cross-validation cancelled.");
        return true;
    };

    const Features::Data& data = features.data();
    Design design;
    std::vector<std::uint32_t> train, test;
    std::vector<double> probs;

    if (options.c) {
        result.c_used = *options.c;
    } else {
        // One C for every class: each class's path over C_GRID with warm starts (at most
        // PATH_ITERATIONS per value); the summed held-out log loss picks, and the path stops at the
        // first value that scores worse than the best.
        split(all, fold_of, 0, train, test);
        const std::vector<int> inner =
            multi_label_folds(labels, num_classes, train, folds, options.seed ^ 0x5eedc0ffeeULL);
        std::vector<std::uint32_t> inner_train, inner_valid;
        split(train, inner, 0, inner_train, inner_valid);
        build_design(data, inner_train, design);
        std::vector<std::vector<double>> theta(K);
        std::vector<LogisticProblem> pb(K);
        for (std::size_t c = 0; c < K; ++c) {
            pb[c] = LogisticProblem{&design,
                                    y[c].data(),
                                    inner_train.data(),
                                    inner_train.size(),
                                    2,
                                    1.0,
                                    binary_weights(y[c], inner_train, options.balanced_class_weight)};
            theta[c] = initial_theta(pb[c]);
        }
        double best_loss = 0;
        std::string tried;
        probs.assign(inner_valid.size() * 2, 0.0);
        for (const double cv : C_GRID) {
            Tally tally;
            for (std::size_t c = 0; c < K; ++c) {
                pb[c].c = cv;
                fit(pb[c], theta[c], std::min(options.max_iterations, PATH_ITERATIONS), options.tolerance, keep_going);
                logistic_predict(design, 2, theta[c].data(), inner_valid.data(), inner_valid.size(), probs.data());
                tally.add(probs, y[c], inner_valid);
            }
            const double loss = tally.loss / std::max(tally.count, 1.0);
            tried += (tried.empty() ? "" : ", ") + format_c(cv);
            if (result.c_used == 0 || loss < best_loss) {
                best_loss = loss;
                result.c_used = cv;
            } else {
                break;
            }
        }
        result.notes.push_back("C = " + format_c(result.c_used) +
                               " chosen for every class by the summed held-out log loss on an inner split of " +
                               "the first fold's training rows (tried " + tried + ").");
    }

    result.probs.assign(n * K, 0.0);
    std::vector<int> capped;
    for (int f = 0; f < folds; ++f) {
        split(all, fold_of, f, train, test);
        build_design(data, train, design);
        Tally tally;
        int iterations = 0;
        bool fold_capped = false;
        probs.assign(test.size() * 2, 0.0);
        for (std::size_t c = 0; c < K; ++c) {
            LogisticProblem pb{&design,
                               y[c].data(),
                               train.data(),
                               train.size(),
                               2,
                               result.c_used,
                               binary_weights(y[c], train, options.balanced_class_weight)};
            std::vector<double> theta = initial_theta(pb);
            const LbfgsResult fitted = fit(pb, theta, options.max_iterations, options.tolerance, keep_going);
            fold_capped = fold_capped || !fitted.converged;
            iterations = std::max(iterations, fitted.iterations);
            logistic_predict(design, 2, theta.data(), test.data(), test.size(), probs.data());
            for (std::size_t r = 0; r < test.size(); ++r) result.probs[test[r] * K + c] = probs[r * 2 + 1];
            tally.add(probs, y[c], test);
        }
        if (fold_capped) capped.push_back(f + 1);
        const double count = std::max(tally.count, 1.0);
        result.folds.push_back({train.size(), test.size(), tally.correct / count, tally.loss / count, iterations});
        folds_done = f + 1;
        if (progress && !progress(folds_done, folds))
            throw LabelScopeError(ErrorCode::cancelled, "Cross-validation cancelled.");
    }
    if (!capped.empty()) {
        std::string list;
        for (const int f : capped) list += (list.empty() ? "" : ", ") + std::to_string(f);
        result.notes.push_back("Fold" + std::string(capped.size() > 1 ? "s " : " ") + list +
                               " had a class stop at the " + std::to_string(options.max_iterations) +
                               "-iteration cap before meeting the convergence tolerance.");
    }
    return result;
}

}  // namespace labelscope::learn
