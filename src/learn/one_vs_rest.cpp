// One-vs-rest cross-validation (one_vs_rest.hpp): input checks, multi-label folds, the shared C
// (choose_c.hpp), K binary fits per fold on one design.
#include "learn/one_vs_rest.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/portable_math.hpp"
#include "learn/choose_c.hpp"
#include "learn/design.hpp"
#include "learn/fit.hpp"
#include "learn/folds.hpp"
#include "learn/logistic.hpp"

namespace labelscope::learn {

namespace {

// Column c of the label sets as 0/1 labels.
std::vector<std::int32_t> binary_labels(const MultiLabelsView& labels, int c) {
    std::vector<std::int32_t> y(labels.size, 0);
    for (std::size_t i = 0; i < labels.size; ++i)
        for (const std::int32_t* p = labels.set_begin(i); p != labels.set_end(i); ++p)
            if (*p == c) y[i] = 1;
    return y;
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

// One inner split's K binary models along the C path (choose_c.hpp), all on the split's design,
// scored by the held-out binary log loss summed over the classes.
class BinaryPaths : public PathFit {
public:
    BinaryPaths(const Design& design, const std::vector<std::vector<std::int32_t>>& y,
                const std::vector<std::uint32_t>& train, const std::vector<std::uint32_t>& valid,
                const CrossValOptions& options, const std::function<bool()>& keep_going)
        : y_(y),
          train_(train),
          valid_(valid),
          probs_(valid.size() * 2, 0.0),
          iterations_(std::min(options.max_iterations, PATH_ITERATIONS)),
          tolerance_(options.tolerance),
          keep_going_(keep_going) {
        for (const auto& yc : y_) {
            pb_.push_back(LogisticProblem{&design, yc.data(), train_.data(), train_.size(), 2, 1.0,
                                          class_weights(yc.data(), train_, 2, options.balanced_class_weight)});
            theta_.push_back(initial_theta(pb_.back()));
        }
    }

    HeldOut fit_and_score(double c) override {
        Tally tally;
        HeldOut held;
        held.row_loss.assign(valid_.size(), 0.0);
        for (std::size_t k = 0; k < pb_.size(); ++k) {
            pb_[k].c = c;
            fit_logistic(pb_[k], theta_[k], iterations_, tolerance_, keep_going_);
            logistic_predict(*pb_[k].x, 2, theta_[k].data(), valid_.data(), valid_.size(), probs_.data());
            tally.add(probs_, y_[k], valid_);
            for (std::size_t r = 0; r < valid_.size(); ++r) {
                const bool present = y_[k][valid_[r]] == 1;
                held.row_loss[r] -= portable::log(std::max(probs_[r * 2 + (present ? 1 : 0)], MIN_PROB));
            }
        }
        held.loss = tally.loss;
        held.count = tally.count;
        return held;
    }

private:
    const std::vector<std::vector<std::int32_t>>& y_;
    std::vector<std::uint32_t> train_, valid_;
    std::vector<LogisticProblem> pb_;
    std::vector<std::vector<double>> theta_;
    std::vector<double> probs_;
    int iterations_;
    double tolerance_;
    std::function<bool()> keep_going_;
};

void check_input(const Features& features, const MultiLabelsView& labels, int num_classes,
                 const CrossValOptions& options) {
    check_cross_val_options(options);
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

    // Automatic C (choose_c.hpp), one for every class: inner splits of the first fold's training
    // rows by the multi-label fold builder with a seed derived from the main one.
    if (options.c) {
        result.c_used = *options.c;
    } else {
        split(all, fold_of, 0, train, test);
        const std::vector<int> inner =
            multi_label_folds(labels, num_classes, train, folds, options.seed ^ 0x5eedc0ffeeULL);
        const MakePathFit make = [&](const Design& inner_design, const std::vector<std::uint32_t>& inner_train,
                                     const std::vector<std::uint32_t>& inner_valid) {
            return std::unique_ptr<PathFit>(
                new BinaryPaths(inner_design, y, inner_train, inner_valid, options, keep_going));
        };
        const ChosenC chosen = choose_c(data, train, inner, folds, 2.0 * static_cast<double>(K), make);
        result.c_used = chosen.c;
        result.notes.push_back(
            "C = " + format_c(chosen.c) + " chosen for every class by the summed held-out log loss on " +
            std::to_string(chosen.splits) + " inner split" + (chosen.splits > 1 ? "s" : "") +
            " of the first fold's training rows (tried " + chosen.tried + lowest_note(chosen) + ").");
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
                               class_weights(y[c].data(), train, 2, options.balanced_class_weight)};
            std::vector<double> theta = initial_theta(pb);
            const LbfgsResult fitted = fit_logistic(pb, theta, options.max_iterations, options.tolerance, keep_going);
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
