// Rows of probabilities only (a pred_probs CSV), the hot loop of a big file: whole rows parsed where
// they lie, a big run of them split at line feeds into pieces for the helper threads
// (src/core/parallel.hpp). Also the cell helpers the CSV parser's other fast loops share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "io/number_parse.hpp"

namespace labelscope::io {

// After the last cell of a row: the position after its line break, or nullptr.
inline const char* csv_row_end(const char* p) {
    if (*p == '\n') return p + 1;
    if (*p == '\r') return p[1] == '\n' ? p + 2 : p + 1;  // a '\r' is never end[-1]
    return nullptr;
}

inline bool csv_ends_cell(char c, char delimiter) { return c == delimiter || c == '\n' || c == '\r'; }

// The end of the unquoted cell at p (the delimiter or line break after it), or nullptr when the
// tokenizer must read it: a quoted cell, or a NUL byte (reported where it is).
inline const char* csv_cell_end(const char* p, char delimiter) {
    if (*p == '"') return nullptr;
    for (;; ++p) {
        const char c = *p;
        if (c == delimiter || c == '\n' || c == '\r') return p;
        if (c == '\0') return nullptr;
    }
}

// A probability cell the short-decimal path does not read (blanks, nan, 17 digits, ...):
// parse_double decides. Returns the cell's end, or nullptr for the tokenizer to read it.
const char* csv_other_number(const char* p, char delimiter, bool decimal_comma, double& v);

// How the cells of a probabilities file are written.
struct ProbCells {
    std::size_t k;  // values per row
    char delimiter;
    bool decimal_comma;
};

// One row's k values, each handed to store(v) in order; returns the position after the row, or
// nullptr (a cell too many or too few, or one to give back: the values stored so far are not used).
template <class Store>
LABELSCOPE_ALWAYS_INLINE const char* csv_prob_row(const char* p, const char* end, const ProbCells& cells,
                                                  Store&& store) {
    for (std::size_t c = 1;; ++c) {
        double v = 0;
        const char* q = parse_short_decimal_terminated(p, end, cells.decimal_comma, v);
        char t = q != nullptr ? *q : '\0';
        if (t != cells.delimiter && t != '\n' && t != '\r') {  // not a short decimal alone in its cell
            q = csv_other_number(p, cells.delimiter, cells.decimal_comma, v);
            if (q == nullptr) return nullptr;
            t = *q;
        }
        store(v);
        if (t == cells.delimiter) {
            if (c == cells.k) return nullptr;  // a cell too many
            p = q + 1;
        } else {
            return c == cells.k ? csv_row_end(q) : nullptr;  // a cell too few
        }
    }
}

// Reads runs of probability rows, keeping the helper threads' buffers from run to run (their memory
// is fresh only once).
class ProbRows {
public:
    // Makes room for `need` more values in `values`, `consumed` bytes into the file.
    template <class Value>
    using Grow = std::function<void(std::vector<Value>& values, std::size_t need, std::uint64_t consumed)>;

    // Rows from [begin, end) (which ends with a line feed), `offset` bytes into a file of
    // `total_bytes` (0 = unknown), appended to `values`: exactly the rows one pass would take, so
    // it stops before the first row it cannot take (the tokenizer reads that one, and reports its
    // error, the first in the file as always). Returns where it stopped; `rows` = rows taken.
    template <class Value>
    const char* read(const char* begin, const char* end, std::uint64_t offset, std::uint64_t total_bytes,
                     const ProbCells& cells, std::vector<Value>& values, const Grow<Value>& grow, std::size_t& rows);

private:
    template <class Value>
    const char* first_piece(const char* begin, const char* end, std::uint64_t offset, const ProbCells& cells,
                            std::vector<Value>& values, const Grow<Value>& grow, std::size_t& rows) const;
    template <class Value>
    const char* piece(const char* p, const char* end, const ProbCells& cells, std::vector<Value>& out,
                      std::size_t& rows) const;

    std::vector<std::vector<double>>& buffers(const std::vector<double>&) { return pieces_f64_; }
    std::vector<std::vector<float>>& buffers(const std::vector<float>&) { return pieces_f32_; }

    std::vector<std::vector<double>> pieces_f64_;  // values of the pieces after the first
    std::vector<std::vector<float>> pieces_f32_;
};

}  // namespace labelscope::io
