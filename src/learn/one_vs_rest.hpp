// One-vs-rest out-of-sample probabilities for multi-label data (docs/ALGORITHMS.md §13): one
// binary L2 logistic regression per class, every class fitted on the same folds, so row i's K
// probabilities all come from models that never saw row i. The K probabilities of a row are
// independent (they need not sum to 1), as the multi-label core expects.
//
// Folds: stratified by each row's rarest class (the empty set is a stratum of its own), so the
// positives of every class, rare ones first, are spread over the folds. Each fold's design
// (standardisation, TF-IDF) is built once from its training rows and shared by the K fits.
// C: the given one, or one C for every class chosen by the summed held-out binary log loss on
// inner splits of the first fold's training rows (the single-label grid and rule, choose_c.hpp).
#pragma once

#include "core/multilabel.hpp"
#include "learn/learn.hpp"

namespace labelscope::learn {

// result.probs: rows x num_classes, P(class in the set), out-of-sample. result.folds[f]: accuracy =
// share of the fold's (row, class) decisions right at 0.5, log_loss = mean binary log loss over
// them. progress(fold_done, folds) is called after every class's fit and optimiser iteration.
// Throws LabelScopeError: invalid_option, empty_input, length_mismatch, too_few_classes,
// label_out_of_range, too_few_examples (fewer rows than folds), cancelled.
CrossValResult one_vs_rest_probs(const Features& features, const MultiLabelsView& labels, int num_classes,
                                 const CrossValOptions& options, const Progress& progress = {});

// The fold (0..folds-1) of every row: stratified by the rarest class of its set (exposed for tests).
std::vector<int> multi_label_folds(const MultiLabelsView& labels, int num_classes,
                                   const std::vector<std::uint32_t>& rows, int folds, std::uint64_t seed);

}  // namespace labelscope::learn
