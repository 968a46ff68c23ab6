#include "label_probabilities.hpp"

#include "parallel.hpp"

namespace labelscope {

template <class T>
LabelProbabilities label_probabilities(LabelsView labels, ProbsView<T> probs,
                                       const std::vector<std::int32_t>& suggested_label) {
    LabelProbabilities r;
    // Appended rather than resized and then written: no zero-fill first (a memset, slow in WebAssembly).
    const std::size_t n = probs.rows;
    r.given.reserve(n);
    r.suggested.reserve(n);
    // Pieces only where they run one after another on this thread (tiered_pieces, src/core/parallel.hpp).
    const std::size_t pieces = tiered_pieces(1, n, n * probs.cols);
    run_pieces(pieces, [&](std::size_t p) {
        for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i) {
            r.given.push_back(probs(i, static_cast<std::size_t>(labels[i])));
            r.suggested.push_back(probs(i, static_cast<std::size_t>(suggested_label[i])));
        }
    });
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
