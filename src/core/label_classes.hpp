// The requirement of find_label_issues and the health functions that the labels hold at least two
// classes (label quality scores do without), on its own so a caller that has validated the values
// already (io::validate_dataset) checks only this.
#pragma once

#include "types.hpp"

namespace labelscope {

// Throws LabelScopeError(single_label_class) unless the labels hold two different classes.
void require_two_label_classes(LabelsView labels);

}  // namespace labelscope
