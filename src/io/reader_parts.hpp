// Internal to the readers: what each file contributed, before DatasetReader::finish combines it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/dataset.hpp"
#include "io/dataset_reader.hpp"
#include "io/label_column.hpp"

namespace labelscope::io {

struct ParsedProbs {
    std::string file;
    std::int64_t first_row = 1;
    std::vector<std::int64_t> columns;  // 1-based file column per class (0 for .npy)
    std::vector<std::string> header;    // empty when the file had no header
    std::size_t k = 0;
    std::size_t rows = 0;
    std::vector<double> values;  // one of these two is used (ReadOptions::float32)
    std::vector<float> values_f32;

    // Where the values written so far end (the page warmer stops short of it).
    const void* values_end(bool float32) const {
        return float32 ? static_cast<const void*>(values_f32.data() + values_f32.size())
                       : static_cast<const void*>(values.data() + values.size());
    }
};

struct ParsedLabels {
    std::string file;
    std::int64_t first_row = 1;
    std::int64_t column = 1;
    LabelColumn values;
};

struct ReaderParts {
    std::optional<ParsedLabels> labels;
    std::optional<ParsedProbs> probs;
    std::optional<LabelColumn> true_labels;  // combined CSV `true_label` column
    std::int64_t true_labels_column = 0;     // its 1-based file column
    std::vector<std::int8_t> known_errors;   // combined CSV `is_error` column
    bool has_known_errors = false;
    std::vector<TextColumn> extra_columns;
    std::vector<std::string> notes;
    // The file being read and the file row of its first data row, set as soon as its header is
    // decided (0 = not yet, or no header): its errors are in data rows before any output exists.
    std::string reading_file;
    std::int64_t reading_first_row = 0;
};

class FileParser {
public:
    virtual ~FileParser() = default;
    virtual void feed(const std::uint8_t* data, std::size_t size) = 0;
    virtual void finish() = 0;
};

std::unique_ptr<FileParser> make_csv_parser(FileRole role, const std::string& name, const ReadOptions& options,
                                            ReaderParts& parts, std::uint64_t total_bytes);
std::unique_ptr<FileParser> make_npy_parser(FileRole role, const std::string& name, const ReadOptions& options,
                                            ReaderParts& parts, std::uint64_t total_bytes);

}  // namespace labelscope::io
