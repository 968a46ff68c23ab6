// Input validation (docs/ALGORITHMS.md §3.2: stricter than cleanlab): errors are thrown, warnings returned.
#pragma once

#include "errors.hpp"
#include "types.hpp"

namespace labelscope {

struct ValidationOptions {
    // find_label_issues, num_label_issues and the health functions need labels of >= 2 classes;
    // label quality scores do not (docs/ALGORITHMS.md §3).
    bool require_two_label_classes = true;
};

// Throws LabelScopeError for: N = 0, K < 2, length mismatch, NaN/inf, values more than
// RANGE_TOLERANCE outside [0, 1], labels outside 0..K-1, a single label class (if required).
// Returns warnings for rows not summing to 1 (|sum - 1| > 1e-3... see .cpp) and values
// slightly outside [0, 1].
template <class T>
Warnings validate_inputs(LabelsView labels, ProbsView<T> probs, ValidationOptions options = {});

// Probabilities only (OOD scores without labels).
template <class T>
Warnings validate_probs(ProbsView<T> probs);

// Number of examples per class, length K.
std::vector<std::int64_t> label_counts(LabelsView labels, std::size_t num_classes);

}  // namespace labelscope
