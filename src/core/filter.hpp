// find_label_issues and its seven filter_by methods (docs/ALGORITHMS.md §10).
#pragma once

#include <optional>

#include "confident_joint.hpp"
#include "errors.hpp"
#include "options.hpp"
#include "types.hpp"

namespace labelscope {

// Mask of flagged examples. Validated; throws invalid_option for options that make no sense
// for the method (e.g. num_to_remove_per_class with confident_learning).
template <class T>
Mask find_label_issues(LabelsView labels, ProbsView<T> probs, const FindIssuesOptions& options = {});

// Flagged indices sorted by ascending label quality score (return_indices_ranked_by).
template <class T>
IndexList find_label_issues_ranked(LabelsView labels, ProbsView<T> probs, const FindIssuesOptions& options,
                                   ScoreOptions rank_by);

// Core of find_label_issues on precomputed shared steps (used by audit). No validation.
// `cj` must hold the confident joint computed from `thresholds`.
template <class T>
Mask find_label_issues_from(LabelsView labels, ProbsView<T> probs, const FindIssuesOptions& options,
                            const std::vector<std::int64_t>& label_counts, const ConfidentJoint& cj);

// Throws invalid_option for options that do not fit the method or the number of classes k.
void validate_find_options(const FindIssuesOptions& options, std::size_t k);

// Warnings about the method and data: classes too small for the prune methods, options the
// method ignores (cleanlab warns about both). Errors are thrown by validate_find_options instead.
Warnings find_issues_warnings(const std::vector<std::int64_t>& label_counts, const FindIssuesOptions& options);

// Indices of a mask, in index order.
IndexList mask_to_indices(const Mask& mask);

}  // namespace labelscope
