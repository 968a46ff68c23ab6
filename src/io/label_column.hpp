// A column of class labels as read: integer indices, or names resolved to classes at the end
// (the probability header that names the classes may arrive after the labels).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace labelscope::io {

// Column names, compared in lower case with surrounding blanks trimmed. The one list of label
// column names (combined files, labels headers, feature tables), in order of preference.
const std::vector<std::string>& label_column_names();
std::string label_column_names_text();  // "label, labels, given_label, ..." for messages
bool is_label_name(const std::string& lowered);
// Index of the preferred label column among `lowered` names (the list's order, not the file's), or -1.
std::ptrdiff_t find_label_column(const std::vector<std::string>& lowered);
// A label column found by its name is a guess: the other columns that could be the label, in file order. Other
// names from the list, and, beside a label column in the middle named by a word such as 'class' (not 'label'), the
// first and last columns when they hold 2 to 10 distinct values (`distinct`, one count per column, 0 when unknown):
// a label is often first or last ('survived').
std::vector<std::size_t> other_label_candidates(const std::vector<std::string>& lowered, std::size_t label,
                                                const std::vector<std::size_t>& distinct);
// "a guess by its name: 'survived' (the first column, 2 values) could be the label too; if it is, choose it as the
// label column": what a reason adds about those candidates (`names` as written), or "" when there are none.
std::string other_label_candidates_text(const std::vector<std::string>& names, const std::vector<std::size_t>& others,
                                        const std::vector<std::size_t>& distinct);
bool is_true_label_name(const std::string& lowered);  // known truth: never probabilities or features
bool is_known_error_name(const std::string& lowered);
bool is_id_name(const std::string& lowered);  // numbers that are never probabilities or features
std::string lower_name(std::string_view name);
// Columns labelscope's own exports add (rank, suggested_label, label_quality, ...): never classes,
// so an export reads back as the dataset it came from.
bool is_export_column_name(const std::string& lowered);
// Length of a probability prefix ("p_" or "prob_", any case) that `name` starts with, else 0:
// p_cat is the probability of class "cat".
std::size_t probability_prefix_length(std::string_view name);

class LabelColumn {
public:
    // Adds one cell. Returns false if the cell is not a usable label (blank, or a non-integer number
    // such as 2.5); the caller reports it with its position.
    bool add(std::string_view text, std::int64_t row);
    void add_index(std::int32_t class_index);  // from a binary (.npy) labels array
    void add_unknown();                        // a blank truth cell: no known label (-1)

    std::size_t size() const { return values_.size(); }
    std::size_t capacity() const { return values_.capacity(); }
    void reserve(std::size_t n) { values_.reserve(n); }
    // Drops the entries from `n` on (a row the CSV fast path gave back to the tokenizer). Names it
    // interned stay known: the same cells are added again, so nothing else changes.
    void truncate(std::size_t n) {
        if (n < values_.size()) values_.resize(n);
    }
    // A plain class index in index mode (no names yet); false in names mode, where the caller
    // uses add() so that the digits become a name.
    bool add_index_if_indices(std::int32_t class_index) {
        if (by_name_) return false;
        values_.push_back(class_index);
        return true;
    }
    bool by_name() const { return by_name_; }

    // Class index of every entry: integers as given, names looked up in `class_names` (exact, then
    // ignoring case and surrounding blanks). Unknown name -> `unknown_name` is set, result empty.
    std::vector<std::int32_t> resolve(const std::vector<std::string>& class_names, std::string* unknown_name,
                                      std::int64_t* unknown_row) const&;
    // The same, handing over this column's storage instead of copying it (a million labels: 4 MB
    // of fresh memory not touched again). The column is spent afterwards, unless a name is unknown.
    std::vector<std::int32_t> resolve(const std::vector<std::string>& class_names, std::string* unknown_name,
                                      std::int64_t* unknown_row) &&;

    // Distinct names in order of first appearance (names mode only).
    const std::vector<std::string>& names() const { return names_; }

private:
    std::int32_t intern(std::string_view name, std::int64_t row);
    // Integer labels that all name classes with numeric names ("10,20,30"): their classes; else empty.
    std::vector<std::int32_t> class_of_numeric_name(const std::vector<std::string>& class_names) const;
    bool classes_of_names(const std::vector<std::string>& class_names, std::vector<std::int32_t>& class_of_name,
                          std::string* unknown_name, std::int64_t* unknown_row) const;

    bool by_name_ = false;
    std::vector<std::int32_t> values_;  // class index, or name id in names mode; -1 unknown
    std::vector<std::string> names_;
    std::vector<std::int64_t> first_row_;
    std::unordered_map<std::string, std::int32_t> ids_;
};

}  // namespace labelscope::io
