#include "label_probabilities.hpp"

namespace labelscope {

template <class T>
LabelProbabilities label_probabilities(LabelsView labels, ProbsView<T> probs,
                                       const std::vector<std::int32_t>& suggested_label) {
    LabelProbabilities r;
    // Appended rather than resized and then written: no zero-fill first (a memset, slow in WebAssembly).
    r.given.reserve(probs.rows);
    r.suggested.reserve(probs.rows);
    for (std::size_t i = 0; i < probs.rows; ++i) {
        r.given.push_back(probs(i, static_cast<std::size_t>(labels[i])));
        r.suggested.push_back(probs(i, static_cast<std::size_t>(suggested_label[i])));
    }
    return r;
}

template <class T>
LabelProbabilities label_probabilities(LabelsView labels, ProbsView<T> probs,
                                       const std::vector<std::int32_t>& suggested_label, const IndexList& indices) {
    LabelProbabilities r;
    r.given.reserve(indices.size());
    r.suggested.reserve(indices.size());
    for (const std::int32_t index : indices) {
        const auto i = static_cast<std::size_t>(index);
        r.given.push_back(probs(i, static_cast<std::size_t>(labels[i])));
        r.suggested.push_back(probs(i, static_cast<std::size_t>(suggested_label[i])));
    }
    return r;
}

template LabelProbabilities label_probabilities(LabelsView, ProbsView<double>, const std::vector<std::int32_t>&);
template LabelProbabilities label_probabilities(LabelsView, ProbsView<float>, const std::vector<std::int32_t>&);
template LabelProbabilities label_probabilities(LabelsView, ProbsView<double>, const std::vector<std::int32_t>&,
                                                const IndexList&);
template LabelProbabilities label_probabilities(LabelsView, ProbsView<float>, const std::vector<std::int32_t>&,
                                                const IndexList&);

}  // namespace labelscope
