// Internal to the table reader: turns the columns as read into a FeatureTable. The label column
// first (by name, or the one chosen), then a use for every other column (numeric, categorical,
// free text, id, known truth, probability or ignored), each with its reason; the person's choices
// (TableOptions) over the automatic ones.
#pragma once

#include <string>

#include "io/feature_table.hpp"
#include "io/table_columns.hpp"
#include "io/table_reader.hpp"

namespace labelscope::io {

// Throws ReadError naming the file, data row and column. Moves the values out of `store`.
FeatureTable build_feature_table(const TableOptions& options, const std::string& file, TableColumnStore& store);

}  // namespace labelscope::io
