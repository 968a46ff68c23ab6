#include "thresholds.hpp"

#include <algorithm>

#include "numeric.hpp"

namespace labelscope {

template <class T>
std::vector<double> confident_thresholds(LabelsView labels, ProbsView<T> probs) {
    const std::size_t k = probs.cols;
    // Gather each class's self-confidences in index order, then sum them as numpy would.
    std::vector<std::vector<double>> self_confidence(k);
    for (std::size_t i = 0; i < labels.size; ++i) {
        const auto label = static_cast<std::size_t>(labels[i]);
        self_confidence[label].push_back(probs(i, label));
    }
    std::vector<double> thresholds(k);
    for (std::size_t c = 0; c < k; ++c) {
        const auto& values = self_confidence[c];
        const double t = values.empty() ? T_MISSING : pairwise_sum(values) / static_cast<double>(values.size());
        thresholds[c] = std::max(t, T_FLOOR);
    }
    return thresholds;
}

template std::vector<double> confident_thresholds<double>(LabelsView, ProbsView<double>);
template std::vector<double> confident_thresholds<float>(LabelsView, ProbsView<float>);

}  // namespace labelscope
