#include "label_classes.hpp"

#include <string>

#include "errors.hpp"

namespace labelscope {

void require_two_label_classes(LabelsView labels) {
    bool two = false;
    for (std::size_t i = 1; i < labels.size && !two; ++i) two = labels[i] != labels[0];
    if (!two && labels.size == 1)
        throw LabelScopeError(ErrorCode::single_label_class,
                              "There is only 1 example (labelled class " + std::to_string(labels[0]) +
                                  "). Finding label issues needs examples of at least 2 classes, and many "
                                  "examples per class to be useful; add the rest of the dataset.",
                              -1, labels[0]);
    if (!two)
        throw LabelScopeError(ErrorCode::single_label_class,
                              "Every example is labelled class " + std::to_string(labels[0]) +
                                  ". Finding label issues needs examples of at least 2 classes; check that the "
                                  "right label column was chosen.",
                              -1, labels[0]);
}

}  // namespace labelscope
