// What a file is, from its first bytes, as soon as it is dropped: its format, the role it most
// likely plays (labels, predicted probabilities, one combined table, known truth, class names),
// its header, and — when the reader would refuse it anyway (empty, binary, UTF-16, ...) — that
// error at once, so a bad file never waits for a second one to be reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/read_error.hpp"

namespace labelscope::io {

struct Sniffed {
    std::string format;                  // "csv", "tsv", "npy", or "" when unknown
    std::string role;                    // labels, predProbs, combined, truth, classNames, features
    std::string reason;                  // why that role, in a few words for people
    std::string label_column;            // the header name of the label column found, or "" when none
    std::vector<std::string> columns;    // header names (empty: no header)
    std::vector<std::string> first_row;  // cells of the first data row
    std::vector<std::size_t> shape;      // .npy shape
    std::string descr;                   // .npy dtype, e.g. "<i8"
    // A label column beside numbers whose rows do not sum to 1, or (role features) an N x D block of
    // features: images, whole numbers, or rows in the head that do not sum to 1.
    bool looks_like_features = false;
    // The role is predProbs because the file's name says so (pred_probs.npy): what the values look
    // like (0/1, whole numbers) must not move it to another role; the reader says what is wrong.
    bool named_as_probabilities = false;
    std::optional<ReadError> problem;  // the reader's error, when the file cannot be read at all
};

// `head`: the file's first bytes (e.g. 64 KB); `complete`: they are the whole file.
Sniffed sniff_file(const std::string& name, const std::uint8_t* head, std::size_t size, bool complete);

}  // namespace labelscope::io
