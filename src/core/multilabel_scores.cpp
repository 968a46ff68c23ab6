// Multi-label label quality scores (docs/ALGORITHMS.md §13.4): each class's binary score, then one score per
// example from an aggregator.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "multilabel.hpp"
#include "multilabel_internal.hpp"
#include "numeric.hpp"
#include "portable_math.hpp"
#include "scores.hpp"
#include "thresholds.hpp"

namespace labelscope {
namespace {

const std::pair<const char*, AggregatorMethod> aggregator_names[] = {
    {"exponential_moving_average", AggregatorMethod::exponential_moving_average},
    {"softmin", AggregatorMethod::softmin},
    {"min", AggregatorMethod::min},
    {"max", AggregatorMethod::max},
    {"mean", AggregatorMethod::mean},
};

// EMA: scores sorted descending, e = v1, then e = alpha * v_t + (1 - alpha) * e: the lowest
// score gets the largest weight.
double exponential_moving_average(const double* row, std::size_t k, double alpha, double* sorted) {
    std::copy(row, row + k, sorted);
    std::sort(sorted, sorted + k, std::greater<double>());
    double e = sorted[0];
    for (std::size_t t = 1; t < k; ++t) e = alpha * sorted[t] + (1.0 - alpha) * e;
    return e;
}

// softmin: weights softmax((1 - c) / T) with the maximum subtracted first, score = sum c * w.
double softmin(const double* row, std::size_t k, double temperature, double* w) {
    const double t = std::max(temperature, 1e-6);
    double top = -INFINITY;
    for (std::size_t j = 0; j < k; ++j) {
        w[j] = (1.0 - row[j]) / t;
        top = std::max(top, w[j]);
    }
    for (std::size_t j = 0; j < k; ++j) w[j] = portable::exp(w[j] - top);
    const double total = pairwise_sum(w, k);
    double score = 0;
    for (std::size_t j = 0; j < k; ++j) score += row[j] * (w[j] / total);
    return score;
}

}  // namespace

AggregatorMethod parse_aggregator(std::string_view name) {
    for (const auto& entry : aggregator_names)
        if (name == entry.first) return entry.second;
    std::string accepted;
    for (const auto& entry : aggregator_names) accepted += (accepted.empty() ? "" : ", ") + std::string(entry.first);
    throw LabelScopeError(ErrorCode::invalid_option,
                          "Unknown aggregator '" + std::string(name) + "'. Use one of: " + accepted + ".");
}

const char* to_string(AggregatorMethod method) {
    for (const auto& entry : aggregator_names)
        if (entry.second == method) return entry.first;
    return "unknown";
}

void validate_aggregator(const AggregatorOptions& aggregator) {
    if (aggregator.alpha && !(*aggregator.alpha >= 0.0 && *aggregator.alpha <= 1.0))
        throw LabelScopeError(ErrorCode::invalid_option, "alpha of exponential_moving_average must be in [0, 1]; got " +
                                                             format_number(*aggregator.alpha) + ".");
    if (!(aggregator.temperature > 0.0) || !std::isfinite(aggregator.temperature))
        throw LabelScopeError(ErrorCode::invalid_option, "temperature of softmin must be a positive number; got " +
                                                             format_number(aggregator.temperature) + ".");
}

double aggregate_scores(const double* row, std::size_t k, const AggregatorOptions& aggregator, double* scratch) {
    for (std::size_t j = 0; j < k; ++j)
        if (std::isnan(row[j])) return NAN;  // numpy propagates NaN through every aggregator
    switch (aggregator.method) {
        case AggregatorMethod::exponential_moving_average:
            return exponential_moving_average(row, k, aggregator.alpha.value_or(2.0 / (static_cast<double>(k) + 1.0)),
                                              scratch);
        case AggregatorMethod::softmin: return softmin(row, k, aggregator.temperature, scratch);
        case AggregatorMethod::min: return *std::min_element(row, row + k);
        case AggregatorMethod::max: return *std::max_element(row, row + k);
        case AggregatorMethod::mean: return pairwise_sum(row, k) / static_cast<double>(k);
    }
    return NAN;
}

template <class T>
RealMatrix per_class_scores(const OneVsRest<T>& ovr, ScoreOptions options) {
    const std::size_t n = ovr.num_examples(), k = ovr.num_classes();
    RealMatrix out(n, k);
    BinaryProblem bp;
    std::vector<double> thresholds;
    for (std::size_t c = 0; c < k; ++c) {
        ovr.fill(c, bp);
        // adjust_pred_probs uses the sub-problem's own thresholds (docs/ALGORITHMS.md §13.4 step 1).
        if (options.adjust_pred_probs) thresholds = confident_thresholds(bp.labels_view(), bp.probs_view());
        const std::vector<double> s = label_quality_scores(bp.labels_view(), bp.probs_view(), options, thresholds);
        for (std::size_t i = 0; i < n; ++i) out(i, c) = s[i];
    }
    return out;
}

template <class T>
std::vector<double> aggregated_scores(const OneVsRest<T>& ovr, ScoreOptions options,
                                      const AggregatorOptions& aggregator) {
    const RealMatrix per_class = per_class_scores(ovr, options);
    const std::size_t n = per_class.rows, k = per_class.cols;
    std::vector<double> out(n), scratch(k);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = aggregate_scores(&per_class.values[i * k], k, aggregator, scratch.data());
    return out;
}

template <class T>
RealMatrix multilabel_label_quality_scores_per_class(MultiLabelsView labels, ProbsView<T> probs, ScoreOptions options) {
    validate_multilabel_inputs(labels, probs, false);
    validate_score_options(options);
    return per_class_scores(OneVsRest<T>(labels, probs), options);
}

template <class T>
std::vector<double> multilabel_label_quality_scores(MultiLabelsView labels, ProbsView<T> probs, ScoreOptions options,
                                                    const AggregatorOptions& aggregator) {
    validate_multilabel_inputs(labels, probs, false);
    validate_score_options(options);
    validate_aggregator(aggregator);
    return aggregated_scores(OneVsRest<T>(labels, probs), options, aggregator);
}

#define LABELSCOPE_INSTANTIATE(T)                                                                                   \
    template RealMatrix per_class_scores<T>(const OneVsRest<T>&, ScoreOptions);                                     \
    template std::vector<double> aggregated_scores<T>(const OneVsRest<T>&, ScoreOptions, const AggregatorOptions&); \
    template RealMatrix multilabel_label_quality_scores_per_class<T>(MultiLabelsView, ProbsView<T>, ScoreOptions);  \
    template std::vector<double> multilabel_label_quality_scores<T>(MultiLabelsView, ProbsView<T>, ScoreOptions,    \
                                                                    const AggregatorOptions&);
LABELSCOPE_INSTANTIATE(double)
LABELSCOPE_INSTANTIATE(float)
#undef LABELSCOPE_INSTANTIATE

}  // namespace labelscope
