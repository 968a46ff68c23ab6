// The three prune methods of find_label_issues (docs/ALGORITHMS.md §10.2–10.7): how many examples to take from
// each class, and which ones.
#pragma once

#include <cstdint>
#include <vector>

#include "options.hpp"
#include "types.hpp"

namespace labelscope {

// Prune-count matrix M (docs/ALGORITHMS.md §10.2–10.3): M[j][k] examples given k that truly belong to j.
RealMatrix prune_counts(const CountMatrix& joint, const FindIssuesOptions& options,
                        const std::vector<std::int64_t>& label_counts);

// Flags of prune_by_class, prune_by_noise_rate or both (`method`), before the reduce step:
// for each class, the examples with the smallest P[i][k] (by class) or the largest margins
// P[i][j] - P[i][k] (by noise rate), ties by lower index. `label_counts` must be
// label_counts(labels, K).
template <class T>
Mask prune_flags(LabelsView labels, ProbsView<T> probs, const RealMatrix& m,
                 const std::vector<std::int64_t>& label_counts, FilterBy method, std::int64_t min_examples_per_class);

// The same flags for options.filter_by, with M = prune_counts(joint, options, label_counts) taken one
// column at a time (no K x K matrix) unless options.num_to_remove_per_class needs it whole.
template <class T>
Mask prune_flags(LabelsView labels, ProbsView<T> probs, const CountMatrix& joint, const FindIssuesOptions& options,
                 const std::vector<std::int64_t>& label_counts);

}  // namespace labelscope
