#include "csv_tokenizer.hpp"

#include <algorithm>
#include <cstdint>
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

// Text that is not UTF-8 is refused rather than guessed at: decoding it as Windows-1252 would be
// a guess, and passing it on garbled class names (docs/ARCHITECTURE.md, "Text encoding").
ReadError not_utf8(const std::string& file, std::int64_t row, std::int64_t column, std::uint8_t byte) {
    static const char* const hex = "0123456789ABCDEF";
    const std::string shown = std::string("0x") + hex[byte >> 4] + hex[byte & 15];
    return ReadError(ReadErrorCode::not_utf8,
                     "The file is not UTF-8 text (byte " + shown +
                         " here is not part of a UTF-8 character; accented letters saved as Windows-1252 or "
                         "Latin-1 by an older spreadsheet look like this). Save the file as UTF-8 "
                         "(\"CSV UTF-8\" in spreadsheet programs) and read it again.",
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

void CsvTokenizer::check_utf16(const char* data) const {
    const auto b0 = static_cast<unsigned char>(data[0]), b1 = static_cast<unsigned char>(data[1]);
    if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || (b0 != 0 && b1 == 0) || (b0 == 0 && b1 != 0))
        throw ReadError(ReadErrorCode::utf16,
                        "The file looks like UTF-16 text. Save it as UTF-8 (\"CSV UTF-8\" in spreadsheet "
                        "programs) and try again.",
                        file_, 1, 1);
}

void CsvTokenizer::feed(const char* data, std::size_t size) {
    if (size == 0) return;
    if (delimiter_ != 0) return tokenize(data, size);
    // Hold bytes back until the first line is complete, to choose the delimiter, and until the
    // first SNIFF_BYTES have arrived, to tell a binary file from text whatever the chunk sizes.
    // The usual first chunk holds both: it is read where it is, without a copy.
    if (head_.empty() && size >= SNIFF_BYTES &&
        std::string_view(data, size).find_first_of("\r\n") != std::string_view::npos) {
        check_utf16(data);
        started_ = true;
        return start(data, size);
    }
    const std::size_t searched = head_.size();
    head_.append(data, size);
    // Only the new bytes are searched for the end of the first line: a long first line fed in
    // small pieces must not be scanned again for every piece.
    if (!head_has_line_end_) head_has_line_end_ = head_.find_first_of("\r\n", searched) != std::string::npos;
    if (!started_ && head_.size() >= 2) {
        check_utf16(head_.data());
        started_ = true;
    }
    if (head_.size() < SNIFF_BYTES || !head_has_line_end_) return;
    start_from_head();
}

void CsvTokenizer::start_from_head() {
    std::string held;
    held.swap(head_);
    start(held.data(), held.size());
}

void CsvTokenizer::start(const char* data, std::size_t size) {
    const std::string_view head(data, size);
    if (std::memchr(data, '\0', std::min(size, SNIFF_BYTES)) != nullptr) throw not_text(file_, 1, 1);
    const std::size_t skip = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // UTF-8 BOM
    const std::size_t newline = head.find_first_of("\r\n", skip);              // npos: a single line
    detect_delimiter(head.substr(skip, newline == std::string_view::npos ? newline : newline - skip));
    offset_ = skip;
    row_end_offset_ = skip;
    tokenize(data + skip, size - skip);
}

void CsvTokenizer::finish() {
    if (delimiter_ == 0) start_from_head();
    if (utf8_.incomplete()) throw not_utf8(file_, row_, column_, utf8_.bad_byte());
    if (in_quotes_)
        throw ReadError(ReadErrorCode::unterminated_quote,
                        "A quoted field that starts here is never closed: a \" is missing. Close the quote or "
                        "remove the stray quotation mark.",
                        file_, quote_start_row_, column_);
    if (after_quote_ || !partial_.empty() || any_in_row_) {
        emit_cell(partial_);
        partial_.clear();
        after_quote_ = false;
        emit_row(offset_);
    }
}

void CsvTokenizer::emit_cell(std::string_view text) {
    sink_.cell(text, row_, column_);
    ++column_;
    cell_quoted_ = false;
}

void CsvTokenizer::emit_row(std::uint64_t end_offset) {
    row_end_offset_ = end_offset;
    sink_.end_row(row_, column_ - 1);
    ++row_;
    column_ = 1;
    any_in_row_ = false;
}

void CsvTokenizer::tokenize(const char* data, std::size_t size) {
    const std::size_t bad = utf8_.scan(data, size);
    if (bad != Utf8Check::npos) {
        // The rows and cells before the bad byte, so row_ and column_ are its own (bad == 0: the
        // broken character began in the bytes held back, which are not text).
        if (bad > 0) {
            tokenize_held_utf8();
            tokenize_utf8(data, bad);
        }
        throw not_utf8(file_, row_, column_, utf8_.bad_byte());
    }
    // A chunk that ends inside a character holds its bytes back until the character is complete:
    // tokenized now, a broken character could raise another error first, and which error a file
    // gives must not depend on where its chunks end.
    const std::size_t keep = std::min(size, utf8_.partial_bytes());
    if (keep < size) {
        tokenize_held_utf8();
        tokenize_utf8(data, size - keep);
    }
    held_utf8_.append(data + size - keep, keep);
}

void CsvTokenizer::tokenize_held_utf8() {
    if (held_utf8_.empty()) return;
    std::string held;
    held.swap(held_utf8_);
    tokenize_utf8(held.data(), held.size());
}

void CsvTokenizer::tokenize_utf8(const char* data, std::size_t size) {
    // Rows may go to the sink's own loop up to the chunk's last line feed (found once per chunk,
    // when first needed): every row there ends inside the chunk.
    std::size_t rows_end = SIZE_MAX;
    std::size_t i = 0;
    while (i < size) {
        if (pending_cr_) {  // the '\n' of a "\r\n" that ended the last row
            pending_cr_ = false;
            if (data[i] == '\n') {
                ++i;
                row_end_offset_ = offset_ + i;
                continue;
            }
        }
        if (rows_enabled_ && at_row_start()) {
            if (rows_end == SIZE_MAX) {
                const char* last = data + size;
                while (last != data && last[-1] != '\n') --last;
                rows_end = static_cast<std::size_t>(last - data);
            }
            if (i < rows_end) {
                std::int64_t rows = 0;
                const std::size_t used = sink_.rows(data + i, data + rows_end, row_, offset_ + i, rows);
                if (rows > 0) {
                    i += used;
                    row_ += rows;
                    row_end_offset_ = offset_ + i;
                    if (i == size) break;
                }
            }
        }
        i = tokenize_row(data, size, i);
    }
    offset_ += size;
}

std::size_t CsvTokenizer::tokenize_row(const char* data, std::size_t size, std::size_t i) {
    const char delim = delimiter_;
    std::size_t start = i;
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
    // A NUL byte is reported when this loop reaches it, so the text before it has been tokenized
    // and the error names the NUL's own row and column (CellSink::rows never takes a row with a
    // NUL; the first SNIFF_BYTES were checked in start()).
    while (i < size) {  // (a pending CR was dealt with by tokenize())
        const char c = data[i];
        if (in_quotes_) {
            const void* q = std::memchr(data + i, '"', size - i);
            const std::size_t at = q == nullptr ? size : static_cast<std::size_t>(static_cast<const char*>(q) - data);
            if (std::memchr(data + i, '\0', at - i) != nullptr) throw not_text(file_, row_, column_);
            partial_.append(data + i, at - i);
            if (q == nullptr) return size;
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
                start = ++i;
                if (c != delim) {
                    pending_cr_ = c == '\r';
                    emit_row(offset_ + i);
                    return i;
                }
                continue;
            }
            if (c == '\0') throw not_text(file_, row_, column_);
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
            pending_cr_ = c == '\r';
            ++i;
            emit_row(offset_ + i);
            return i;
        } else if (c == '"' && i == start && partial_.empty()) {
            in_quotes_ = true;
            cell_quoted_ = true;
            any_in_row_ = true;
            quote_start_row_ = row_;
            start = ++i;
        } else {
            if (c == '\0') throw not_text(file_, row_, column_);
            any_in_row_ = true;
            ++i;
        }
    }
    if (!in_quotes_ && !after_quote_ && start < size) partial_.append(data + start, size - start);
    return size;
}

}  // namespace labelscope::io
