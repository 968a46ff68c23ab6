// A small RFC 4180 CSV reader for the demo only (the project's real reader comes later).
// Handles quoted fields, "" inside quotes, commas and line breaks inside quotes, LF or CRLF
// line ends, a UTF-8 byte order mark and a missing final line break. Blank lines are skipped.
#pragma once

#include <istream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace demo {

using CsvRow = std::vector<std::string>;

// Throws std::runtime_error naming the line for malformed quoting.
inline std::vector<CsvRow> read_csv(std::istream& in) {
    const std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    std::size_t i = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    std::size_t line = 1;
    bool row_has_data = false;  // so a blank line is not read as a row with one empty field
    auto fail = [&](const char* what) {
        throw std::runtime_error("CSV line " + std::to_string(line) + ": " + what);
    };
    auto end_field = [&] { row.push_back(std::move(field)); field.clear(); };
    auto end_row = [&] {
        if (row_has_data) { end_field(); rows.push_back(std::move(row)); }
        row.clear();
        row_has_data = false;
    };
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            if (!field.empty()) fail("quote inside an unquoted field");
            row_has_data = true;
            for (++i;; ++i) {  // quoted field: runs to the closing quote
                if (i >= s.size()) fail("unterminated quoted field");
                if (s[i] == '"') {
                    if (i + 1 < s.size() && s[i + 1] == '"') { field += '"'; ++i; continue; }
                    break;
                }
                if (s[i] == '\n') ++line;
                field += s[i];
            }
            ++i;  // past the closing quote; only a delimiter or line end may follow
            if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') fail("text after a closing quote");
            continue;
        }
        if (c == ',') { row_has_data = true; end_field(); ++i; continue; }
        if (c == '\r' || c == '\n') {
            end_row();
            i += (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
            ++line;
            continue;
        }
        row_has_data = true;
        field += c;
        ++i;
    }
    end_row();
    return rows;
}

}  // namespace demo
