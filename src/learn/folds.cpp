#include "learn/folds.hpp"

#include <utility>

namespace labelscope::learn {

std::vector<int> stratified_folds(const std::int32_t* labels, const std::vector<std::uint32_t>& items, int num_classes,
                                  int folds, std::uint64_t seed) {
    std::vector<std::vector<std::size_t>> by_class(static_cast<std::size_t>(num_classes));
    for (std::size_t i = 0; i < items.size(); ++i) by_class[static_cast<std::size_t>(labels[items[i]])].push_back(i);
    SplitMix64 rng(seed);
    std::vector<int> fold(items.size(), 0);
    int next_fold = 0;
    for (auto& members : by_class) {
        for (std::size_t i = members.size(); i > 1; --i) std::swap(members[i - 1], members[rng.below(i)]);
        for (const std::size_t m : members) {
            fold[m] = next_fold;
            next_fold = next_fold + 1 == folds ? 0 : next_fold + 1;
        }
    }
    return fold;
}

}  // namespace labelscope::learn
