// Internal to MultiLabelReader (multilabel_reader.cpp): the parsers of its labels files, one file
// each, every one filling a LabelSetColumn: label sets in a CSV (multilabel_sets_csv.cpp), one
// combined CSV with the probabilities too (multilabel_combined_csv.cpp), a 0/1 .npy
// (multilabel_npy.cpp); and what they share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/dataset.hpp"
#include "io/dataset_reader.hpp"
#include "io/label_sets.hpp"
#include "io/reader_parts.hpp"

namespace labelscope::io {

// One 0/1 column per class is named label_<class>.
inline const std::string CLASS_COLUMN_PREFIX = "label_";
bool is_class_column_name(const std::string& lowered);
// A trimmed cell of a 0/1 column: 1 (1, 1.0, true), 0 (0, 0.0, empty, false), else -1.
int zero_one(std::string_view v);
bool starts_npy(const std::uint8_t* data, std::size_t size);

// Labels CSV/TSV: a set column, label_<class> columns, or no header. Sets the labels file's first
// data row and its (first) label column, the class columns' names and the trailing blank lines.
std::unique_ptr<FileParser> make_label_sets_csv(std::string name, LabelSetColumn& sets, std::vector<TextColumn>& extra,
                                                std::int64_t& first_row, std::int64_t& column,
                                                std::vector<std::string>& class_columns, std::size_t& trailing_blanks);
// One CSV with the label sets and one probability column per class (into parts.probs).
std::unique_ptr<FileParser> make_combined_label_sets_csv(std::string name, LabelSetColumn& sets, ReaderParts& parts,
                                                         const ReadOptions& options, std::int64_t& first_row,
                                                         std::int64_t& column, std::vector<std::string>& class_columns);
// Labels .npy, N x K of 0/1; sets `k`.
std::unique_ptr<FileParser> make_label_matrix_npy(std::string name, LabelSetColumn& sets, std::size_t& k);

}  // namespace labelscope::io
