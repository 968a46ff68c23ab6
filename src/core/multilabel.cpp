// Multi-label validation, the one-vs-rest reduction, thresholds, confident joints and
// find_label_issues (docs/ALGORITHMS.md §13.1–§13.3, §13.5, §13.6). Each class runs the single-label code.
#include "multilabel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "confident_joint.hpp"
#include "filter.hpp"
#include "latent.hpp"
#include "multilabel_internal.hpp"
#include "numeric.hpp"
#include "scores.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {
namespace {

void check_shape(MultiLabelsView labels, std::size_t rows, std::size_t cols) {
    if (rows == 0)
        throw LabelScopeError(ErrorCode::empty_input,
                              "pred_probs has no rows: there are no examples to analyse. Provide at least one "
                              "example (one row of per-class probabilities per labelled example).");
    if (cols == 0)
        throw LabelScopeError(ErrorCode::too_few_classes,
                              "pred_probs has no columns; multi-label data needs one probability column per class.");
    if (rows > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        throw LabelScopeError(ErrorCode::too_many_examples,
                              "pred_probs has " + std::to_string(rows) +
                                  " rows; labelscope handles at most 2147483647 examples. Split the dataset.");
    if (labels.size != rows)
        throw LabelScopeError(ErrorCode::length_mismatch,
                              "labels has " + std::to_string(labels.size) + " label sets but pred_probs has " +
                                  std::to_string(rows) +
                                  " rows. Both must describe the same examples in the same order; check that "
                                  "neither file has extra or missing rows.");
    if (labels.offsets == nullptr || labels.offsets[0] != 0)
        throw LabelScopeError(ErrorCode::invalid_option, "label set offsets must start at 0.");
    for (std::size_t i = 0; i < labels.size; ++i)
        if (labels.offsets[i + 1] < labels.offsets[i])
            throw LabelScopeError(ErrorCode::invalid_option,
                                  "label set offsets must not decrease (example " + std::to_string(i) + ").",
                                  static_cast<std::int64_t>(i));
}

void check_classes(MultiLabelsView labels, std::size_t k) {
    for (std::size_t i = 0; i < labels.size; ++i)
        for (const std::int32_t* c = labels.set_begin(i); c != labels.set_end(i); ++c)
            if (*c < 0 || static_cast<std::size_t>(*c) >= k)
                throw LabelScopeError(ErrorCode::label_out_of_range,
                                      "Label set of example " + std::to_string(i) + " holds class " +
                                          std::to_string(*c) + ", which is not a class index: with " +
                                          std::to_string(k) + " pred_probs columns, classes must be 0.." +
                                          std::to_string(k - 1) +
                                          ". Check that the labels and pred_probs use the same classes.",
                                      static_cast<std::int64_t>(i), *c);
}

template <class T>
Warnings check_values(ProbsView<T> probs) {
    std::int64_t outside_rows = 0, first_outside = -1;
    double worst = 0;
    for (std::size_t i = 0; i < probs.rows; ++i) {
        const T* row = probs.row(i);
        bool outside = false;
        for (std::size_t j = 0; j < probs.cols; ++j) {
            const double v = static_cast<double>(row[j]);
            if (v >= 0.0 && v <= 1.0) continue;
            const auto ii = static_cast<std::int64_t>(i), jj = static_cast<std::int64_t>(j);
            const std::string where = "pred_probs[" + std::to_string(i) + "][" + std::to_string(j) + "] is " +
                                      format_number(v) + " (example " + std::to_string(i) + ", class " +
                                      std::to_string(j) + ")";
            if (!std::isfinite(v))
                throw LabelScopeError(ErrorCode::non_finite,
                                      where +
                                          ". Per-class probabilities must be finite numbers between 0 and 1; "
                                          "fix or drop this example's row in the model output.",
                                      ii, jj);
            if (v < -RANGE_TOLERANCE || v > 1.0 + RANGE_TOLERANCE)
                throw LabelScopeError(ErrorCode::out_of_range,
                                      where +
                                          ", outside [0, 1]. These look like scores or logits, not "
                                          "probabilities: apply a sigmoid to each class's output first.",
                                      ii, jj);
            if (!outside) {
                outside = true;
                ++outside_rows;
                if (first_outside < 0) first_outside = ii;
            }
            worst = std::max(worst, v < 0 ? -v : v - 1.0);
        }
    }
    Warnings w;
    if (outside_rows > 0)
        w.push_back({WarningCode::values_slightly_outside,
                     std::to_string(outside_rows) + " row(s) have probabilities slightly outside [0, 1] (by at most " +
                         format_number(worst) + "; first: example " + std::to_string(first_outside) +
                         "), likely float rounding. They are used as given.",
                     outside_rows, first_outside, -1});
    return w;
}

// Sub-problem options for class k: num_to_remove_per_class -> (r_k, 0), the class's 2 x 2 joint.
FindIssuesOptions binary_find_options(const MultiLabelFindOptions& options, std::size_t k) {
    FindIssuesOptions o = options.find;
    if (!options.find.num_to_remove_per_class.empty())
        o.num_to_remove_per_class = {options.find.num_to_remove_per_class[k], 0};
    o.confident_joint = options.confident_joint != nullptr ? &(*options.confident_joint)[k] : nullptr;
    return o;
}

}  // namespace

template <class T>
Warnings validate_multilabel_inputs(MultiLabelsView labels, ProbsView<T> probs, bool require_absent_somewhere) {
    check_shape(labels, probs.rows, probs.cols);
    check_classes(labels, probs.cols);
    if (require_absent_somewhere) {
        const auto counts = multilabel_label_counts(labels, probs.cols);
        for (std::size_t c = 0; c < counts.size(); ++c)
            if (counts[c] == static_cast<std::int64_t>(labels.size))
                throw LabelScopeError(
                    ErrorCode::single_label_class,
                    "Class " + std::to_string(c) +
                        " is in the label set of every example, so its "
                        "one-vs-rest problem has a single label. Finding label issues needs, for every "
                        "class, some examples without it; check that the right label column was chosen.",
                    -1, static_cast<std::int64_t>(c));
    }
    return check_values(probs);
}

std::vector<std::int64_t> multilabel_label_counts(MultiLabelsView labels, std::size_t num_classes) {
    std::vector<std::int64_t> counts(num_classes, 0);
    std::vector<std::size_t> seen(num_classes, static_cast<std::size_t>(-1));  // a repeated class counts once
    for (std::size_t i = 0; i < labels.size; ++i)
        for (const std::int32_t* c = labels.set_begin(i); c != labels.set_end(i); ++c) {
            const auto cls = static_cast<std::size_t>(*c);
            if (seen[cls] == i) continue;
            seen[cls] = i;
            ++counts[cls];
        }
    return counts;
}

template <class T>
OneVsRest<T>::OneVsRest(MultiLabelsView labels, ProbsView<T> probs)
    : labels_(labels), probs_(probs), member_(probs.rows * probs.cols, 0) {
    const std::size_t k = probs.cols;
    for (std::size_t i = 0; i < labels.size; ++i)
        for (const std::int32_t* c = labels.set_begin(i); c != labels.set_end(i); ++c)
            member_[i * k + static_cast<std::size_t>(*c)] = 1;
}

template <class T>
void OneVsRest<T>::fill(std::size_t k, BinaryProblem& out) const {
    const std::size_t n = probs_.rows, kk = probs_.cols;
    out.labels.resize(n);
    out.probs.resize(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        const double p = probs_(i, k);
        out.labels[i] = member_[i * kk + k];
        out.probs[2 * i] = 1.0 - p;
        out.probs[2 * i + 1] = p;
    }
}

template <class T>
ClassSteps OneVsRest<T>::steps(std::size_t k) const {
    ClassSteps s;
    fill(k, s.problem);
    const LabelsView lv = s.problem.labels_view();
    const ProbsView<double> pv = s.problem.probs_view();
    s.counts = label_counts(lv, 2);
    s.thresholds = confident_thresholds(lv, pv);
    s.joint = compute_confident_joint(lv, pv, s.thresholds);
    return s;
}

template <class T>
BinaryProblem binary_problem(MultiLabelsView labels, ProbsView<T> probs, std::size_t k) {
    BinaryProblem out;
    OneVsRest<T>(labels, probs).fill(k, out);
    return out;
}

template <class T>
RealMatrix multilabel_confident_thresholds(MultiLabelsView labels, ProbsView<T> probs) {
    validate_multilabel_inputs(labels, probs, false);
    const OneVsRest<T> ovr(labels, probs);
    RealMatrix out(probs.cols, 2);
    BinaryProblem bp;
    for (std::size_t k = 0; k < probs.cols; ++k) {
        ovr.fill(k, bp);
        const auto t = confident_thresholds(bp.labels_view(), bp.probs_view());
        out(k, 0) = t[0];
        out(k, 1) = t[1];
    }
    return out;
}

template <class T>
MultiLabelJoint multilabel_compute_confident_joint(MultiLabelsView labels, ProbsView<T> probs) {
    validate_multilabel_inputs(labels, probs, false);
    const OneVsRest<T> ovr(labels, probs);
    MultiLabelJoint out;
    for (std::size_t k = 0; k < probs.cols; ++k) {
        ClassSteps s = ovr.steps(k);
        out.calibrated.push_back(std::move(s.joint.calibrated));
        out.uncalibrated.push_back(std::move(s.joint.uncalibrated));
    }
    return out;
}

template <class T>
std::vector<RealMatrix> multilabel_estimate_joint(MultiLabelsView labels, ProbsView<T> probs) {
    validate_multilabel_inputs(labels, probs, false);
    const OneVsRest<T> ovr(labels, probs);
    std::vector<RealMatrix> out;
    for (std::size_t k = 0; k < probs.cols; ++k) {
        const ClassSteps s = ovr.steps(k);
        out.push_back(estimate_joint_from_confident_joint(s.joint.calibrated, s.counts));
    }
    return out;
}

void validate_multilabel_find_options(const MultiLabelFindOptions& options, std::size_t k) {
    if (options.find.confident_joint != nullptr)
        throw LabelScopeError(ErrorCode::invalid_option,
                              "Multi-label data takes one 2 x 2 confident joint per class, not a K x K one.");
    validate_find_options(options.find, k);
    if (options.confident_joint != nullptr) {
        const auto& cj = *options.confident_joint;
        bool ok = cj.size() == k;
        for (const auto& m : cj) ok = ok && m.rows == 2 && m.cols == 2;
        if (!ok)
            throw LabelScopeError(ErrorCode::invalid_option,
                                  "The multi-label confident_joint must be " + std::to_string(k) +
                                      " x 2 x 2 (one 2 x 2 matrix per class, [given][guess], 0 = absent).");
    }
}

template <class T>
Mask class_issue_flags(const ClassSteps& s, const MultiLabelFindOptions& options, std::size_t k) {
    (void)sizeof(T);
    return find_label_issues_from(s.problem.labels_view(), s.problem.probs_view(), binary_find_options(options, k),
                                  s.counts, s.joint);
}

template <class T>
std::vector<Mask> per_class_flags(const OneVsRest<T>& ovr, const MultiLabelFindOptions& options) {
    std::vector<Mask> out;
    for (std::size_t k = 0; k < ovr.num_classes(); ++k) out.push_back(class_issue_flags<T>(ovr.steps(k), options, k));
    return out;
}

template <class T>
std::vector<IndexList> find_multilabel_issues_per_class(MultiLabelsView labels, ProbsView<T> probs,
                                                        const MultiLabelFindOptions& options,
                                                        std::optional<ScoreOptions> rank_by) {
    validate_multilabel_inputs(labels, probs, true);
    validate_multilabel_find_options(options, probs.cols);
    if (rank_by) validate_score_options(*rank_by);
    const OneVsRest<T> ovr(labels, probs);
    std::vector<IndexList> out;
    for (std::size_t k = 0; k < probs.cols; ++k) {
        const ClassSteps s = ovr.steps(k);
        IndexList flagged = mask_to_indices(class_issue_flags<T>(s, options, k));
        if (rank_by)
            sort_by_score(
                flagged, label_quality_scores(s.problem.labels_view(), s.problem.probs_view(), *rank_by, s.thresholds));
        out.push_back(std::move(flagged));
    }
    return out;
}

template <class T>
Mask union_of_class_flags(const OneVsRest<T>& ovr, const MultiLabelFindOptions& options) {
    Mask any(ovr.num_examples(), 0);
    for (std::size_t k = 0; k < ovr.num_classes(); ++k) {
        const Mask m = class_issue_flags<T>(ovr.steps(k), options, k);
        for (std::size_t i = 0; i < any.size(); ++i) any[i] |= m[i];
    }
    return any;
}

template <class T>
std::int64_t count_multilabel_confident_learning(const OneVsRest<T>& ovr) {
    MultiLabelFindOptions cl;
    cl.find.filter_by = FilterBy::confident_learning;
    const Mask m = union_of_class_flags(ovr, cl);
    return static_cast<std::int64_t>(std::count(m.begin(), m.end(), std::uint8_t{1}));
}

template <class T>
Mask multilabel_flags(const OneVsRest<T>& ovr, const MultiLabelFindOptions& options) {
    const FilterBy f = options.find.filter_by;
    if (f != FilterBy::low_self_confidence && f != FilterBy::low_normalized_margin)
        return union_of_class_flags(ovr, options);
    // Both low_* methods: the m lowest default aggregated scores, m = confident_learning count.
    const auto m = static_cast<std::size_t>(count_multilabel_confident_learning(ovr));
    Mask flags(ovr.num_examples(), 0);
    for (std::int32_t i : lowest_scores(aggregated_scores(ovr, ScoreOptions{}, AggregatorOptions{}), m))
        flags[static_cast<std::size_t>(i)] = 1;
    return flags;
}

template <class T>
Mask find_multilabel_label_issues(MultiLabelsView labels, ProbsView<T> probs, const MultiLabelFindOptions& options) {
    validate_multilabel_inputs(labels, probs, true);
    validate_multilabel_find_options(options, probs.cols);
    return multilabel_flags(OneVsRest<T>(labels, probs), options);
}

// cleanlab's low_* ranking (docs/ALGORITHMS.md §13.5): the flagged examples in ascending default-score order,
// permuted by the stable argsort of `rank_by` scores computed on the flagged subset alone
// (taken in index order, so adjusted thresholds come from the subset too).
template <class T>
IndexList low_method_ranking(MultiLabelsView labels, ProbsView<T> probs, const Mask& flags, ScoreOptions rank_by,
                             const AggregatorOptions& aggregator, const std::vector<double>& default_scores) {
    IndexList in_score_order = mask_to_indices(flags);
    sort_by_score(in_score_order, default_scores);
    const IndexList in_index_order = mask_to_indices(flags);
    const std::size_t m = in_index_order.size(), k = probs.cols;
    MultiLabels subset;
    std::vector<double> subset_probs(m * k);
    for (std::size_t r = 0; r < m; ++r) {
        const auto i = static_cast<std::size_t>(in_index_order[r]);
        subset.add(labels.set_begin(i), labels.set_end(i));
        for (std::size_t j = 0; j < k; ++j) subset_probs[r * k + j] = probs(i, j);
    }
    IndexList order(m);
    for (std::size_t r = 0; r < m; ++r) order[r] = static_cast<std::int32_t>(r);
    if (m > 0) {
        const ProbsView<double> pv{subset_probs.data(), m, k};
        sort_by_score(order, aggregated_scores(OneVsRest<double>(subset.view(), pv), rank_by, aggregator));
    }
    IndexList out(m);
    for (std::size_t r = 0; r < m; ++r) out[r] = in_score_order[static_cast<std::size_t>(order[r])];
    return out;
}

template <class T>
IndexList rank_multilabel_flags(const OneVsRest<T>& ovr, MultiLabelsView labels, ProbsView<T> probs, const Mask& flags,
                                FilterBy method, ScoreOptions rank_by, const AggregatorOptions& aggregator,
                                std::vector<double>& scores) {
    scores = aggregated_scores(ovr, rank_by, aggregator);
    if (method == FilterBy::low_self_confidence || method == FilterBy::low_normalized_margin)
        return low_method_ranking(labels, probs, flags, rank_by, aggregator,
                                  aggregated_scores(ovr, ScoreOptions{}, AggregatorOptions{}));
    IndexList out = mask_to_indices(flags);
    sort_by_score(out, scores);
    return out;
}

template <class T>
IndexList find_multilabel_label_issues_ranked(MultiLabelsView labels, ProbsView<T> probs,
                                              const MultiLabelFindOptions& options, ScoreOptions rank_by,
                                              const AggregatorOptions& aggregator) {
    validate_multilabel_inputs(labels, probs, true);
    validate_multilabel_find_options(options, probs.cols);
    validate_score_options(rank_by);
    validate_aggregator(aggregator);
    const OneVsRest<T> ovr(labels, probs);
    std::vector<double> scores;
    return rank_multilabel_flags(ovr, labels, probs, multilabel_flags(ovr, options), options.find.filter_by, rank_by,
                                 aggregator, scores);
}

template <class T>
std::int64_t multilabel_num_label_issues(MultiLabelsView labels, ProbsView<T> probs) {
    validate_multilabel_inputs(labels, probs, true);
    return count_multilabel_confident_learning(OneVsRest<T>(labels, probs));
}

#define LABELSCOPE_INSTANTIATE(T)                                                                                \
    template class OneVsRest<T>;                                                                                 \
    template Warnings validate_multilabel_inputs<T>(MultiLabelsView, ProbsView<T>, bool);                        \
    template BinaryProblem binary_problem<T>(MultiLabelsView, ProbsView<T>, std::size_t);                        \
    template RealMatrix multilabel_confident_thresholds<T>(MultiLabelsView, ProbsView<T>);                       \
    template MultiLabelJoint multilabel_compute_confident_joint<T>(MultiLabelsView, ProbsView<T>);               \
    template std::vector<RealMatrix> multilabel_estimate_joint<T>(MultiLabelsView, ProbsView<T>);                \
    template Mask class_issue_flags<T>(const ClassSteps&, const MultiLabelFindOptions&, std::size_t);            \
    template std::vector<Mask> per_class_flags<T>(const OneVsRest<T>&, const MultiLabelFindOptions&);            \
    template Mask multilabel_flags<T>(const OneVsRest<T>&, const MultiLabelFindOptions&);                        \
    template IndexList rank_multilabel_flags<T>(const OneVsRest<T>&, MultiLabelsView, ProbsView<T>, const Mask&, \
                                                FilterBy, ScoreOptions, const AggregatorOptions&,                \
                                                std::vector<double>&);                                           \
    template std::int64_t count_multilabel_confident_learning<T>(const OneVsRest<T>&);                           \
    template std::vector<IndexList> find_multilabel_issues_per_class<T>(                                         \
        MultiLabelsView, ProbsView<T>, const MultiLabelFindOptions&, std::optional<ScoreOptions>);               \
    template Mask find_multilabel_label_issues<T>(MultiLabelsView, ProbsView<T>, const MultiLabelFindOptions&);  \
    template IndexList find_multilabel_label_issues_ranked<T>(                                                   \
        MultiLabelsView, ProbsView<T>, const MultiLabelFindOptions&, ScoreOptions, const AggregatorOptions&);    \
    template std::int64_t multilabel_num_label_issues<T>(MultiLabelsView, ProbsView<T>);
LABELSCOPE_INSTANTIATE(double)
LABELSCOPE_INSTANTIATE(float)
#undef LABELSCOPE_INSTANTIATE

}  // namespace labelscope
