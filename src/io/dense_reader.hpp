// Reads features as an N x D block (pixels, embeddings) from a .npy array (uint8, float32 or
// float64; 2-D, or N x H x W images) or a numeric CSV with or without a header, and labels alone
// from a labels file (CSV/TSV or .npy), for cross-validation with the labels in a separate file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "io/feature_table.hpp"

namespace labelscope::io {

class DenseParser;  // internal to dense_reader.cpp

class DenseReader {
public:
    explicit DenseReader(bool impute = false);
    ~DenseReader();
    DenseReader(const DenseReader&) = delete;
    DenseReader& operator=(const DenseReader&) = delete;

    void begin_file(const std::string& name, std::uint64_t total_bytes = 0);
    void feed(const std::uint8_t* data, std::size_t size);
    void end_file();
    // Throws ReadError naming the file, data row (1-based, header excluded) and column.
    DenseFeatures finish();

private:
    bool impute_;
    std::unique_ptr<DenseParser> parser_;
};

struct LabelsParts;  // internal to dense_reader.cpp

class LabelsReader {
public:
    LabelsReader();
    ~LabelsReader();
    LabelsReader(const LabelsReader&) = delete;
    LabelsReader& operator=(const LabelsReader&) = delete;

    void begin_file(const std::string& name, std::uint64_t total_bytes = 0);
    void feed(const std::uint8_t* data, std::size_t size);
    void end_file();
    LabelSet finish();

private:
    std::unique_ptr<LabelsParts> parts_;
};

// Labels as read by the labels readers -> class indices and names (see LabelSet).
class LabelColumn;
LabelSet label_set(LabelColumn&& column, const std::string& file);

}  // namespace labelscope::io
