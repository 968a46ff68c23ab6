#include "csv_tokenizer.hpp"

#include <algorithm>
#include <cstring>

#include "read_error.hpp"

namespace labelscope::io {
namespace {

ReadError not_text(const std::string& file, std::int64_t row, std::int64_t column) {
    return ReadError(ReadErrorCode::not_text,
                     "The file contains binary data (NUL bytes), so it is not a CSV text file. Choose the CSV, "
                     "TSV or .npy file that holds the labels or probabilities.",
                     file, row, column);
}

}  // namespace

CsvTokenizer::CsvTokenizer(CellSink& sink, std::string file_name) : sink_(sink), file_(std::move(file_name)) {}

void CsvTokenizer::detect_delimiter(std::string_view line) {
    // Presence decides, in this order: a tab-separated or semicolon-separated file may still hold
    // commas (text, decimal commas); a comma file rarely holds bare tabs or semicolons in its header.
    std::size_t tabs = 0, semicolons = 0;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        tabs += c == '\t';
        semicolons += c == ';';
    }
    delimiter_ = tabs > 0 ? '\t' : semicolons > 0 ? ';' : ',';
}

void CsvTokenizer::feed(const char* data, std::size_t size) {
    if (size == 0) return;
    if (delimiter_ == 0) {
        // Hold bytes back until the first line is complete, to choose the delimiter, and until the
        // first SNIFF_BYTES have arrived, to tell a binary file from text whatever the chunk sizes.
        head_.append(data, size);
        if (!started_ && head_.size() >= 2) {
            const auto b0 = static_cast<unsigned char>(head_[0]), b1 = static_cast<unsigned char>(head_[1]);
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || (b0 != 0 && b1 == 0) ||
                (b0 == 0 && b1 != 0))
                throw ReadError(ReadErrorCode::utf16,
                                "The file looks like UTF-16 text. Save it as UTF-8 (\"CSV UTF-8\" in spreadsheet "
                                "programs) and try again.",
                                file_, 1, 1);
            started_ = true;
        }
        if (head_.size() < SNIFF_BYTES || head_.find_first_of("\r\n") == std::string::npos) return;
        start();
        return;
    }
    tokenize(data, size);
}

void CsvTokenizer::start() {
    if (std::memchr(head_.data(), '\0', std::min(head_.size(), SNIFF_BYTES)) != nullptr) throw not_text(file_, 1, 1);
    const std::size_t skip = head_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // UTF-8 BOM
    const std::size_t newline = head_.find_first_of("\r\n", skip);  // npos: a single line
    detect_delimiter(std::string_view(head_).substr(skip, newline == std::string::npos ? newline : newline - skip));
    std::string held;
    held.swap(head_);
    tokenize(held.data() + skip, held.size() - skip);
}

void CsvTokenizer::finish() {
    if (delimiter_ == 0) start();
    if (in_quotes_)
        throw ReadError(ReadErrorCode::unterminated_quote,
                        "A quoted field that starts here is never closed: a \" is missing. Close the quote or "
                        "remove the stray quotation mark.",
                        file_, quote_start_row_, column_);
    if (after_quote_ || !partial_.empty() || any_in_row_) {
        emit_cell(partial_);
        partial_.clear();
        after_quote_ = false;
        emit_row();
    }
}

void CsvTokenizer::emit_cell(std::string_view text) {
    sink_.cell(text, row_, column_);
    ++column_;
    cell_quoted_ = false;
}

void CsvTokenizer::emit_row() {
    sink_.end_row(row_, column_ - 1);
    ++row_;
    column_ = 1;
    any_in_row_ = false;
}

void CsvTokenizer::tokenize(const char* data, std::size_t size) {
    if (const void* nul = std::memchr(data, '\0', size)) {
        // Tokenize the text before it first, so that the error names the NUL's own row and column.
        tokenize(data, static_cast<std::size_t>(static_cast<const char*>(nul) - data));
        throw not_text(file_, row_, column_);
    }
    const char delim = delimiter_;
    std::size_t i = 0, start = 0;
    // Emits the unquoted cell [start, end), joined to a piece carried over from the last chunk.
    auto emit_unquoted = [&](std::size_t end) {
        if (partial_.empty()) {
            emit_cell(std::string_view(data + start, end - start));
        } else {
            partial_.append(data + start, end - start);
            emit_cell(partial_);
            partial_.clear();
        }
    };
    while (i < size) {
        const char c = data[i];
        if (pending_cr_) {
            pending_cr_ = false;
            if (c == '\n') {
                start = ++i;
                continue;
            }
        }
        if (in_quotes_) {
            const void* q = std::memchr(data + i, '"', size - i);
            if (q == nullptr) {
                partial_.append(data + i, size - i);
                return;
            }
            const auto at = static_cast<std::size_t>(static_cast<const char*>(q) - data);
            partial_.append(data + i, at - i);
            i = at + 1;
            in_quotes_ = false;
            after_quote_ = true;
            continue;
        }
        if (after_quote_) {
            after_quote_ = false;
            if (c == '"') {  // "" inside a quoted field
                partial_.push_back('"');
                in_quotes_ = true;
                ++i;
                continue;
            }
            if (c == delim || c == '\n' || c == '\r') {
                emit_cell(partial_);
                partial_.clear();
                if (c != delim) {
                    emit_row();
                    pending_cr_ = c == '\r';
                }
                start = ++i;
                continue;
            }
            throw ReadError(ReadErrorCode::bad_quote,
                            "Unexpected text after a closing quote. Inside a quoted field write a quotation mark "
                            "as \"\" (two of them).",
                            file_, row_, column_);
        }
        if (c == delim) {
            emit_unquoted(i);
            start = ++i;
            any_in_row_ = true;
        } else if (c == '\n' || c == '\r') {
            emit_unquoted(i);
            emit_row();
            pending_cr_ = c == '\r';
            start = ++i;
        } else if (c == '"' && i == start && partial_.empty()) {
            in_quotes_ = true;
            cell_quoted_ = true;
            any_in_row_ = true;
            quote_start_row_ = row_;
            start = ++i;
        } else {
            any_in_row_ = true;
            ++i;
        }
    }
    if (!in_quotes_ && !after_quote_ && start < size) partial_.append(data + start, size - start);
}

}  // namespace labelscope::io
