#include "io/label_rewriter.hpp"

#include "io/read_error.hpp"

namespace labelscope::io {

LabelRewriter::LabelRewriter(std::string file_name, std::vector<std::string> labels, RewriteOptions options)
    : file_(file_name), labels_(std::move(labels)), options_(options), tokenizer_(*this, std::move(file_name)) {
    if (!options_.has_header) options_.add_original = false;
}

std::string LabelRewriter::feed(const std::uint8_t* data, std::size_t size) {
    tokenizer_.feed(reinterpret_cast<const char*>(data), size);
    return std::move(out_);
}

std::string LabelRewriter::finish() {
    tokenizer_.finish();
    if (data_rows_ != labels_.size())
        throw ReadError(ReadErrorCode::row_count_mismatch,
                        "The file now has " + std::to_string(data_rows_) + " data rows, but " +
                            std::to_string(labels_.size()) +
                            " labels were read from it. Was it changed since? Read it again.",
                        file_, 0, 0);
    return std::move(out_);
}

void LabelRewriter::cell(std::string_view text, std::int64_t, std::int64_t) { row_cells_.emplace_back(text); }

void LabelRewriter::write_cell(std::string_view text, bool first) {
    if (!first) out_ += tokenizer_.delimiter();
    const char delimiter = tokenizer_.delimiter();
    const bool quote = text.find_first_of(std::string{'"', '\r', '\n', delimiter}) != std::string_view::npos;
    if (!quote) {
        out_ += text;
        return;
    }
    out_ += '"';
    for (char c : text) {
        if (c == '"') out_ += '"';
        out_ += c;
    }
    out_ += '"';
}

void LabelRewriter::end_row(std::int64_t row, std::int64_t) {
    std::vector<std::string> cells = std::move(row_cells_);
    row_cells_.clear();
    if (cells.size() == 1 && cells[0].empty()) return;  // a trailing blank line
    const auto label = static_cast<std::size_t>(options_.label_column - 1);
    if (label >= cells.size())
        throw ReadError(ReadErrorCode::ragged_row,
                        "This row has no cell in the label column. Was the file changed since it was read?", file_, row,
                        options_.label_column);
    const bool header = options_.has_header && !header_done_;
    std::string original = cells[label];
    if (header) {
        header_done_ = true;
        // A file corrected before keeps its first original_label column.
        for (const auto& name : cells)
            if (name == "original_label") options_.add_original = false;
    } else {
        if (data_rows_ >= labels_.size())
            throw ReadError(ReadErrorCode::row_count_mismatch,
                            "The file has more data rows than labels were read from it. Was it changed since? "
                            "Read it again.",
                            file_, row, 0);
        cells[label] = labels_[data_rows_++];
    }
    for (std::size_t c = 0; c < cells.size(); ++c) write_cell(cells[c], c == 0);
    if (options_.add_original) write_cell(header ? "original_label" : original, false);
    out_ += '\n';
}

}  // namespace labelscope::io
