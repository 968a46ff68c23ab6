#include "io/cross_val_labels.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include "io/read_error.hpp"

namespace labelscope::io {

void check_cross_val_labels(const LabelSet& labels, int folds) {
    const auto n = labels.labels.size();
    const auto k = labels.class_names.size();
    std::vector<std::size_t> counts(k, 0);
    for (auto y : labels.labels)
        if (y >= 0 && static_cast<std::size_t>(y) < k) ++counts[static_cast<std::size_t>(y)];
    std::size_t present = 0;
    for (auto c : counts) present += c > 0;
    if (present < 2)
        throw ReadError("single_label_class",
                        "Every example has the same label" + (k > 0 ? " (" + quoted(labels.class_names[0]) + ")" : "") +
                            ": there is nothing to learn. Cross-validation needs at least two classes.",
                        labels.file, 0, 0);
    if (n < static_cast<std::size_t>(folds))
        throw ReadError("too_few_examples",
                        "There are " + std::to_string(n) + " examples, fewer than the " + std::to_string(folds) +
                            " folds. Use fewer folds (at least 2), or more examples.",
                        labels.file, 0, 0);
    for (std::size_t c = 0; c < k; ++c)
        if (counts[c] < static_cast<std::size_t>(folds))
            throw ReadError("too_few_examples",
                            "Class " + quoted(labels.class_names[c]) + " has " + std::to_string(counts[c]) +
                                " example" + (counts[c] == 1 ? "" : "s") + ", fewer than the " + std::to_string(folds) +
                                " folds: every fold needs one of each class. " +
                                (counts[c] >= 2 ? "Use " + std::to_string(counts[c]) + " folds or fewer, or add "
                                                : std::string("Add ")) +
                                "examples of it, or remove the class.",
                            labels.file, 0, 0);
}

}  // namespace labelscope::io
