// Streaming RFC 4180 tokenizer: bytes arrive in chunks of any size (File.stream() pieces), cells
// come out one by one. Handles a UTF-8 BOM, CRLF/LF, quoted fields with "" escapes and line
// breaks, and detects the delimiter (comma, tab or semicolon) from the first line.
//
// Whole rows can also bypass the cell-by-cell path: at the start of a row the tokenizer offers the
// sink the bytes up to the last line feed of the chunk (CellSink::rows), and the sink reads as many
// plain rows there as it can in its own loop (numbers parsed in place, no call per cell). A row it
// does not take (quotes, blanks, an error to report, a row cut by the chunk's end) comes cell by
// cell as usual, so the sink never has to reproduce the tokenizer's rules or its error messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "utf8_check.hpp"

namespace labelscope::io {

class CellSink {
public:
    virtual ~CellSink() = default;
    // `row` and `column` are 1-based, as a person counts them (row 1 = first line of the file).
    virtual void cell(std::string_view text, std::int64_t row, std::int64_t column) = 0;
    virtual void end_row(std::int64_t row, std::int64_t num_cells) = 0;
    // Offered only after enable_rows(true): [begin, end) starts a row and ends with '\n'; the
    // tokenizer's delimiter is known, `row` is the row at `begin` and `offset` its byte offset in
    // the file. Reads whole rows (each ending at an unquoted '\n', "\r\n" or '\r' before `end`)
    // exactly as cell()/end_row() would take them, and returns the bytes of the rows read
    // (0 = none), setting `rows_read`.
    virtual std::size_t rows(const char* begin, const char* end, std::int64_t row, std::uint64_t offset,
                             std::int64_t& rows_read) {
        (void)begin, (void)end, (void)row, (void)offset;
        rows_read = 0;
        return 0;
    }
};

class CsvTokenizer {
public:
    CsvTokenizer(CellSink& sink, std::string file_name);

    void feed(const char* data, std::size_t size);
    void finish();

    char delimiter() const { return delimiter_; }
    // Whether to offer rows to CellSink::rows (off by default).
    void enable_rows(bool on) { rows_enabled_ = on; }
    // Byte offset in the file just past the last row ended (its line break included): while the
    // sink handles end_row, the end of that row.
    std::uint64_t row_end_offset() const { return row_end_offset_; }

private:
    static constexpr std::size_t SNIFF_BYTES = 1024;  // a NUL among the first bytes: a binary file

    // The first line (and SNIFF_BYTES) have arrived, in data (held back in head_, or a first chunk).
    void start(const char* data, std::size_t size);
    void start_from_head();
    void check_utf16(const char* first_two_bytes) const;
    void detect_delimiter(std::string_view first_line);
    // Checks the bytes are UTF-8 (the cells before a bad byte are tokenized first, so the error
    // names the bad byte's own row and column), then tokenizes them.
    void tokenize(const char* data, std::size_t size);
    void tokenize_utf8(const char* data, std::size_t size);
    void tokenize_held_utf8();
    // Cell by cell from data[i] to the end of the current row (returns the index after its line
    // break) or of the data (returns size).
    std::size_t tokenize_row(const char* data, std::size_t size, std::size_t i);
    bool at_row_start() const {
        return !in_quotes_ && !after_quote_ && !pending_cr_ && !any_in_row_ && column_ == 1 && partial_.empty();
    }
    void emit_cell(std::string_view text);
    void emit_row(std::uint64_t end_offset);

    CellSink& sink_;
    std::string file_;
    char delimiter_ = 0;  // 0 until the first line has been seen
    std::string head_;    // bytes held back until the first line is complete
    bool head_has_line_end_ = false;
    std::string partial_;  // a cell split across chunks
    bool in_quotes_ = false;
    bool after_quote_ = false;  // just read the closing quote of a quoted cell
    bool cell_quoted_ = false;
    bool pending_cr_ = false;
    bool any_in_row_ = false;  // the current row has at least one byte
    bool rows_enabled_ = false;
    std::int64_t row_ = 1;
    std::int64_t column_ = 1;
    std::int64_t quote_start_row_ = 0;
    bool started_ = false;
    std::uint64_t offset_ = 0;  // file offset of the data passed to tokenize()
    std::uint64_t row_end_offset_ = 0;
    Utf8Check utf8_;
    std::string held_utf8_;  // the start of a character the last chunk ended in
};

}  // namespace labelscope::io
