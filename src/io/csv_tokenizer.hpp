// Streaming RFC 4180 tokenizer: bytes arrive in chunks of any size (File.stream() pieces), cells
// come out one by one. Handles a UTF-8 BOM, CRLF/LF, quoted fields with "" escapes and line
// breaks, and detects the delimiter (comma, tab or semicolon) from the first line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace labelscope::io {

class CellSink {
public:
    virtual ~CellSink() = default;
    // `row` and `column` are 1-based, as a person counts them (row 1 = first line of the file).
    virtual void cell(std::string_view text, std::int64_t row, std::int64_t column) = 0;
    virtual void end_row(std::int64_t row, std::int64_t num_cells) = 0;
};

class CsvTokenizer {
public:
    CsvTokenizer(CellSink& sink, std::string file_name);

    void feed(const char* data, std::size_t size);
    void finish();

    char delimiter() const { return delimiter_; }

private:
    static constexpr std::size_t SNIFF_BYTES = 1024;  // a NUL among the first bytes: a binary file

    void start();  // the first line (and SNIFF_BYTES) held back in head_ have arrived
    void detect_delimiter(std::string_view first_line);
    void tokenize(const char* data, std::size_t size);
    void emit_cell(std::string_view text);
    void emit_row();

    CellSink& sink_;
    std::string file_;
    char delimiter_ = 0;       // 0 until the first line has been seen
    std::string head_;         // bytes held back until the first line is complete
    std::string partial_;      // a cell split across chunks
    bool in_quotes_ = false;
    bool after_quote_ = false; // just read the closing quote of a quoted cell
    bool cell_quoted_ = false;
    bool pending_cr_ = false;
    bool any_in_row_ = false;  // the current row has at least one byte
    std::int64_t row_ = 1;
    std::int64_t column_ = 1;
    std::int64_t quote_start_row_ = 0;
    bool started_ = false;
};

}  // namespace labelscope::io
