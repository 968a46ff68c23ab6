// Label quality scores (docs/ALGORITHMS.md §9) and ordering by score (§11). Lower = more likely wrong.
#pragma once

#include <vector>

#include "options.hpp"
#include "types.hpp"

namespace labelscope {

// Scores for every example. `thresholds` is used only when options.adjust_pred_probs is set
// (pass confident_thresholds(labels, probs)). No validation.
template <class T>
std::vector<double> label_quality_scores(LabelsView labels, ProbsView<T> probs, ScoreOptions options,
                                         const std::vector<double>& thresholds);

// Throws invalid_option for CWE with adjust_pred_probs (not supported, as in cleanlab).
void validate_score_options(ScoreOptions options);

// Validated public entry (rank.get_label_quality_scores). CWE with adjust_pred_probs throws
// invalid_option as in cleanlab.
template <class T>
std::vector<double> get_label_quality_scores(LabelsView labels, ProbsView<T> probs, ScoreOptions options = {});

// Sorts `indices` by ascending score, ties by lower index, NaN last (stable rule of docs/ALGORITHMS.md §11).
void sort_by_score(IndexList& indices, const std::vector<double>& scores);

// The `m` indices of [0, scores.size()) with the lowest scores (same order rule), in index order.
IndexList lowest_scores(const std::vector<double>& scores, std::size_t m);

}  // namespace labelscope
