// Many "m smallest keys within one class" selections at once, for the prune methods
// (docs/ALGORITHMS.md §10.4–10.5): a sample and then one pass over the data serve all of them.
#pragma once

#include <cstdint>
#include <vector>

#include "types.hpp"

namespace labelscope {

// Among the examples labelled `label`, the `keep` (1 <= keep < n_label) with the smallest key,
// ties by lower index (docs/ALGORITHMS.md §11). The key is P[i][label] when other == label (lowest
// self-confidence first), else -(P[i][other] - P[i][label]) (largest margin first).
struct ClassSelection {
    std::size_t label;
    std::size_t other;
    std::size_t keep;
    std::uint8_t mark;  // OR-ed into marks[i] of every selected example
};

// Runs `selections`, which must be ordered by label. `label_counts` = label_counts(labels, K).
template <class T>
void select_in_classes(LabelsView labels, ProbsView<T> probs, const std::vector<std::int64_t>& label_counts,
                       const std::vector<ClassSelection>& selections, Mask& marks);

}  // namespace labelscope
