// Whether the "probabilities" read look like probabilities at all. A table of features scaled to
// [0, 1] passes every value check, and analysing it gives a confident, wrong all-clear; so when
// most rows do not sum to 1 the reader refuses, unless the caller says the values are meant as
// they are (cleanlab itself accepts such rows with a warning).
#pragma once

#include "core/errors.hpp"
#include "io/dataset.hpp"

namespace labelscope::io {

// Throws ReadError implausible_probabilities when more than half of the rows do not sum to 1
// (the core's rows_not_normalized warning, among `warnings`), naming the file, the first such row,
// the columns, and what to do instead.
void check_probabilities_plausible(const Dataset& dataset, const Warnings& warnings);

}  // namespace labelscope::io
