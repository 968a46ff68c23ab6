// The trainer's check of its labels before k-fold cross-validation, with messages naming the class
// and saying what to do. Here, not in src/learn: it speaks in ReadErrors about the labels file.
#pragma once

#include "io/feature_table.hpp"

namespace labelscope::io {

// Checks labels for k-fold cross-validation: at least two classes, and every class with at least
// `folds` examples (else an error naming the class and saying how many folds would do).
void check_cross_val_labels(const LabelSet& labels, int folds);

}  // namespace labelscope::io
