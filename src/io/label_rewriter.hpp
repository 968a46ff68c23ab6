// Corrected labels, written back into the file they came from: every row and every cell as read,
// the label cell replaced by the corrected class name (or index), and an original_label column
// added when the file has a header. The delimiter is the one the reader found; cells are written
// exactly (RFC 4180 quoting only where a cell needs it; no spreadsheet guard: this file is data for
// the next training run, not something to open and click).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/csv_tokenizer.hpp"

namespace labelscope::io {

struct RewriteOptions {
    std::int64_t label_column = 1;  // 1-based, as Dataset::source.labels_column
    bool has_header = true;         // the first row is a header (Dataset::source.labels_first_row == 2)
    bool add_original = true;       // append original_label (only with a header)
};

class LabelRewriter final : private CellSink {
public:
    // labels[i]: the text to write as data row i's label (its class name, or index for files of indices).
    LabelRewriter(std::string file_name, std::vector<std::string> labels, RewriteOptions options);
    // Feeds the next bytes of the original file; returns the output for the rows completed so far.
    std::string feed(const std::uint8_t* data, std::size_t size);
    // Ends the file; returns the rest. Throws ReadError if the file no longer has the rows it had.
    std::string finish();

private:
    void cell(std::string_view text, std::int64_t row, std::int64_t column) override;
    void end_row(std::int64_t row, std::int64_t num_cells) override;
    void write_cell(std::string_view text, bool first);

    std::string file_;
    std::vector<std::string> labels_;
    RewriteOptions options_;
    CsvTokenizer tokenizer_;
    std::string out_;
    std::string original_;  // the label cell of the current row
    std::vector<std::string> row_cells_;
    std::size_t data_rows_ = 0;  // data rows written
    bool header_done_ = false;
};

}  // namespace labelscope::io
