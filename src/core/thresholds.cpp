#include "thresholds.hpp"

#include <algorithm>

#include "numeric.hpp"
#include "prefetch.hpp"

namespace labelscope {

template <class T>
std::vector<double> confident_thresholds(LabelsView labels, ProbsView<T> probs) {
    const std::size_t n = labels.size, k = probs.cols;
    // numpy's pairwise mean depends on where each value sits in its class (docs/ALGORITHMS.md §2.4), so the
    // self-confidences are gathered in index order: one flat buffer, class after class.
    std::vector<std::size_t> start(k + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++start[static_cast<std::size_t>(labels[i]) + 1];
    for (std::size_t c = 0; c < k; ++c) start[c + 1] += start[c];
    std::vector<double> self_confidence(n);
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        prefetch_label_value_ahead(labels, probs, i);
        const auto label = static_cast<std::size_t>(labels[i]);
        self_confidence[next[label]++] = probs(i, label);
    }
    std::vector<double> thresholds(k);
    for (std::size_t c = 0; c < k; ++c) {
        const std::size_t count = start[c + 1] - start[c];
        const double* values = self_confidence.data() + start[c];
        const double t = count == 0 ? T_MISSING : pairwise_sum(values, count) / static_cast<double>(count);
        thresholds[c] = std::max(t, T_FLOOR);
    }
    return thresholds;
}

template std::vector<double> confident_thresholds<double>(LabelsView, ProbsView<double>);
template std::vector<double> confident_thresholds<float>(LabelsView, ProbsView<float>);

}  // namespace labelscope
