#include "ood.hpp"

#include <algorithm>
#include <cmath>

#include "errors.hpp"
#include "numeric.hpp"
#include "portable_math.hpp"
#include "row_math.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {
namespace {

constexpr std::size_t GEN_TOP = 100;  // M in the GEN score
constexpr double GEN_GAMMA = 0.1;

double gen_score(std::vector<double>& row) {
    // Softmax of the (adjusted) probabilities treated as logits, max-shifted for stability.
    const double top = *std::max_element(row.begin(), row.end());
    for (double& v : row) v = portable::exp(v - top);
    const double sum = pairwise_sum(row);
    for (double& v : row) v /= sum;
    const std::size_t m = std::min(GEN_TOP, row.size());
    std::partial_sort(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(m), row.end(), std::greater<double>());
    double acc = 0;
    for (std::size_t j = 0; j < m; ++j)
        acc += portable::pow_nonnegative(row[j], GEN_GAMMA) * portable::pow_nonnegative(1.0 - row[j], GEN_GAMMA);
    return 1.0 - acc / static_cast<double>(m);
}

}  // namespace

template <class T>
std::vector<double> ood_scores_with_thresholds(ProbsView<T> probs, OodOptions options,
                                               const std::vector<double>& thresholds) {
    const std::size_t n = probs.rows, k = probs.cols;
    std::vector<double> scores(n), row(k), terms(k);
    const double max_threshold =
        options.adjust_pred_probs ? *std::max_element(thresholds.begin(), thresholds.end()) : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const T* src = probs.row(i);
        for (std::size_t j = 0; j < k; ++j) row[j] = static_cast<double>(src[j]);
        if (options.adjust_pred_probs) adjust_row(row.data(), k, thresholds, max_threshold);
        switch (options.method) {
            case OodMethod::entropy: scores[i] = 1.0 - normalized_entropy(row.data(), k, terms.data()); break;
            case OodMethod::least_confidence: scores[i] = *std::max_element(row.begin(), row.end()); break;
            case OodMethod::gen: scores[i] = gen_score(row); break;
        }
    }
    return scores;
}

template <class T>
std::vector<double> out_of_distribution_scores(ProbsView<T> probs, const LabelsView* labels, OodOptions options) {
    std::vector<double> thresholds;
    if (options.adjust_pred_probs) {
        if (labels == nullptr)
            throw LabelScopeError(ErrorCode::invalid_option,
                                  "Cannot adjust pred_probs for out-of-distribution scores without labels. "
                                  "Provide the labels or set adjust_pred_probs to false.");
        validate_inputs(*labels, probs, ValidationOptions{false});
        thresholds = confident_thresholds(*labels, probs);
    } else if (labels != nullptr) {
        validate_inputs(*labels, probs, ValidationOptions{false});
    } else {
        validate_probs(probs);
    }
    return ood_scores_with_thresholds(probs, options, thresholds);
}

template std::vector<double> ood_scores_with_thresholds<double>(ProbsView<double>, OodOptions,
                                                                const std::vector<double>&);
template std::vector<double> ood_scores_with_thresholds<float>(ProbsView<float>, OodOptions,
                                                               const std::vector<double>&);
template std::vector<double> out_of_distribution_scores<double>(ProbsView<double>, const LabelsView*, OodOptions);
template std::vector<double> out_of_distribution_scores<float>(ProbsView<float>, const LabelsView*, OodOptions);

}  // namespace labelscope
