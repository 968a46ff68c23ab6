// Reads a multi-label dataset from files that arrive in chunks (or one combined CSV holding both):
// a labels file whose cells hold
// sets (`a;b`, `a|b`, `["a","b"]`; empty = no class), or one 0/1 column per class named
// `label_<class>`, or a .npy N x K array of 0/1; and a pred_probs file (CSV, TSV or .npy) read
// by the single-label parsers. Probabilities are independent per class: rows need not sum to 1.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/multilabel.hpp"
#include "io/dataset.hpp"
#include "io/dataset_reader.hpp"
#include "io/label_sets.hpp"

namespace labelscope::io {

struct MultiLabelDataset {
    std::size_t num_examples = 0;
    std::size_t num_classes = 0;
    std::vector<std::int32_t> offsets;  // CSR label sets (core/multilabel.hpp)
    std::vector<std::int32_t> classes;
    std::vector<double> probs;  // row-major N x K; exactly one of the two is filled
    std::vector<float> probs_f32;
    std::vector<std::string> class_names;
    SetNotation notation = SetNotation::none;  // how the labels file wrote its sets
    std::int64_t rows_with_several = 0;        // examples with more than one class
    std::vector<TextColumn> extra_columns;     // other columns of the labels file (id, text, ...)
    SourceMap source;                          // labels_column: the set column (first class column)
    std::vector<std::string> notes;
    std::string fingerprint;

    bool is_float32() const { return !probs_f32.empty(); }
    MultiLabelsView labels_view() const { return {offsets.data(), classes.data(), num_examples}; }
    ProbsView<double> probs_view() const { return {probs.data(), num_examples, num_classes}; }
    ProbsView<float> probs_view_f32() const { return {probs_f32.data(), num_examples, num_classes}; }
};

class MultiLabelReader {
public:
    explicit MultiLabelReader(ReadOptions options = {});
    ~MultiLabelReader();
    MultiLabelReader(const MultiLabelReader&) = delete;
    MultiLabelReader& operator=(const MultiLabelReader&) = delete;

    // Roles: labels and pred_probs, or one combined CSV (a set column or label_<class> columns, and
    // one probability column per class).
    void begin_file(FileRole role, const std::string& name, std::uint64_t total_bytes = 0);
    void feed(const std::uint8_t* data, std::size_t size);
    void end_file();
    // Throws ReadError naming the file, row and column.
    MultiLabelDataset finish();
    // Examples read so far whose set holds more than one class (the "looks multi-label" count).
    std::int64_t labels_with_several() const;
    // The labels file row (1-based, header counted) of the first such example and its column.
    std::int64_t first_row_with_several() const;
    std::int64_t labels_column() const;
    // File row of the first data row of `file` (0 = not known yet): errors and rows are reported
    // to people as data rows (row N = the N-th data row, header not counted).
    std::int64_t first_data_row(const std::string& file) const;

    struct State;

private:
    std::unique_ptr<State> state_;
};

// Checks the values with the core (class indices, NaN, range, a class in every set) and returns
// its warnings, or throws a ReadError naming the file, row and column.
Warnings validate_multilabel_dataset(const MultiLabelDataset& dataset, bool require_absent_somewhere = true);

}  // namespace labelscope::io
