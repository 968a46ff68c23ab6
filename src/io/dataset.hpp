// What the readers produce: labels, probabilities and everything a person needs to see them in
// context (class names, passthrough columns, known truth, and where each value came from).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/types.hpp"

namespace labelscope::io {

// A column kept for display (id, text, file name, ...), one string per example.
struct TextColumn {
    std::string name;
    std::vector<std::string> values;
};

// Where the values came from, to turn "example i, class k" into "file, row, column".
struct SourceMap {
    std::string labels_file;
    std::int64_t labels_first_row = 1;  // 1-based file row of example 0
    std::int64_t labels_column = 1;     // 1-based; 0 for .npy
    std::string probs_file;
    std::int64_t probs_first_row = 1;
    std::vector<std::int64_t> probs_columns;  // 1-based file column of each class
};

struct Dataset {
    std::size_t num_examples = 0;
    std::size_t num_classes = 0;
    std::vector<std::int32_t> labels;
    // Row-major N x K. Exactly one of the two is filled (float32 storage halves memory).
    std::vector<double> probs;
    std::vector<float> probs_f32;
    std::vector<std::string> class_names;  // K names ("0".."K-1" when none were given)
    std::vector<TextColumn> extra_columns;
    // Known truth, when the input carries it: true class per example (-1 unknown) and/or a
    // known-error flag per example (-1 unknown, 0 correct, 1 wrong). Empty when absent.
    std::vector<std::int32_t> true_labels;
    std::vector<std::int8_t> known_errors;
    SourceMap source;
    std::vector<std::string> notes;  // what the reader decided (header found, delimiter, ...)
    // 16 hex digits over the bytes of the files read (and their roles), whatever their names.
    std::string fingerprint;

    bool is_float32() const { return !probs_f32.empty(); }
    LabelsView labels_view() const { return {labels.data(), labels.size()}; }
    ProbsView<double> probs_view() const { return {probs.data(), num_examples, num_classes}; }
    ProbsView<float> probs_view_f32() const { return {probs_f32.data(), num_examples, num_classes}; }
};

}  // namespace labelscope::io
