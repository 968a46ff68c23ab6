// Multi-label label cells: a set of classes written as `a;b`, `a|b` or a JSON array
// (`["a","b"]`, `[0, 2]`), an empty cell or `[]` for the empty set. One notation per file;
// a single class (`a`) and `[]` fit every notation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/label_column.hpp"

namespace labelscope::io {

enum class SetNotation { none, semicolon, pipe, json, columns, npy };

const char* to_string(SetNotation notation);  // "none", "semicolon", "pipe", "json", "columns", "npy"

// The notation a cell is written in (`none` for a single class or an empty cell).
SetNotation notation_of(std::string_view cell);

// True if the cell holds more than one class in one of the notations (the single-label readers'
// "looks multi-label" test).
bool looks_like_label_set(std::string_view cell);

// Splits one cell into its class tokens (trimmed; JSON strings unescaped). Returns false with
// `error` set (a sentence saying what is wrong) for a malformed JSON array or an empty item.
bool split_label_set(std::string_view cell, SetNotation notation, std::vector<std::string>& items, std::string& error);

// A column of label sets as read: the class tokens go through a LabelColumn (so names and
// indices resolve exactly as single labels do), the set boundaries are kept as CSR offsets.
class LabelSetColumn {
public:
    // Adds one cell. Throws ReadError (bad_label) naming file/row/column for a malformed cell or
    // a notation different from the one the file started with.
    void add_cell(std::string_view cell, const std::string& file, std::int64_t row, std::int64_t column);
    // Adds a set given directly: class names (one 0/1 column per class) or indices (.npy).
    void add_names(const std::vector<std::string>& names, std::int64_t row);
    void add_indices(const std::vector<std::int32_t>& classes);

    std::size_t size() const { return offsets_.size() - 1; }
    // The notation of the sets; a file whose only brackets are [] is in JSON notation.
    SetNotation notation() const {
        return notation_ == SetNotation::none && empty_array_ ? SetNotation::json : notation_;
    }
    void set_notation(SetNotation n) { notation_ = n; }
    std::int64_t rows_with_several() const { return rows_with_several_; }
    std::int64_t first_row_with_several() const { return first_several_row_; }  // file row, 0 = none
    void drop_last(std::size_t count);  // trailing blank lines that were not examples
    // The class tokens as read (names, or whole numbers in index mode): for a reader that names the
    // classes after the tokens themselves (one-vs-rest from a labels file).
    const LabelColumn& tokens() const { return tokens_; }

    // Class index of every token; empty `unknown` = all resolved.
    bool resolve(const std::vector<std::string>& class_names, std::vector<std::int32_t>& offsets,
                 std::vector<std::int32_t>& classes, std::string* unknown, std::int64_t* unknown_row) const;

private:
    LabelColumn tokens_;
    std::vector<std::int32_t> offsets_{0};
    SetNotation notation_ = SetNotation::none;
    bool empty_array_ = false;  // a [] was read: the empty set in every notation
    std::int64_t notation_row_ = 0;
    std::int64_t rows_with_several_ = 0;
    std::int64_t first_several_row_ = 0;
    std::vector<std::string> items_;  // scratch
};

}  // namespace labelscope::io
