// The model's probability of each example's given label and of its suggested label: the two
// probability columns of an audit's rows.
#pragma once

#include <cstdint>
#include <vector>

#include "types.hpp"

namespace labelscope {

struct LabelProbabilities {
    std::vector<double> given;      // probs(i, labels[i])
    std::vector<double> suggested;  // probs(i, suggested_label[i])
};

// For every example (suggested_label has one class per example, e.g. Report::suggested_label).
template <class T>
LabelProbabilities label_probabilities(LabelsView labels, ProbsView<T> probs,
                                       const std::vector<std::int32_t>& suggested_label);

// For the examples in `indices` only, in that order (a report's flagged examples).
template <class T>
LabelProbabilities label_probabilities(LabelsView labels, ProbsView<T> probs,
                                       const std::vector<std::int32_t>& suggested_label, const IndexList& indices);

}  // namespace labelscope
