// Out-of-distribution scores from predicted probabilities (docs/ALGORITHMS.md §14). Higher = more typical.
#pragma once

#include <vector>

#include "options.hpp"
#include "types.hpp"

namespace labelscope {

struct OodOptions {
    OodMethod method = OodMethod::entropy;
    bool adjust_pred_probs = true;  // needs labels (or fitted thresholds)
};

// `thresholds` (from confident_thresholds on the fit data) is required when adjusting, ignored otherwise.
template <class T>
std::vector<double> ood_scores_with_thresholds(ProbsView<T> probs, OodOptions options,
                                               const std::vector<double>& thresholds);

// fit_score(pred_probs, labels): validated; labels may be null only when adjust_pred_probs is false.
template <class T>
std::vector<double> out_of_distribution_scores(ProbsView<T> probs, const LabelsView* labels, OodOptions options = {});

}  // namespace labelscope
