#include "io/table_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "io/label_column.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {

const char* to_string(ColumnUse use) {
    switch (use) {
        case ColumnUse::label: return "label";
        case ColumnUse::numeric: return "numeric";
        case ColumnUse::categorical: return "categorical";
        case ColumnUse::text: return "text";
        case ColumnUse::id: return "id";
        case ColumnUse::truth: return "truth";
        case ColumnUse::probability: return "probability";
        case ColumnUse::ignored: return "ignored";
    }
    return "ignored";
}

namespace {

// "data row 3, line 4 of the file" (the line only for a CSV).
std::string where(std::int64_t data_row, std::int64_t first_line) {
    if (first_line <= 0) return "data row " + std::to_string(data_row);
    return "data row " + std::to_string(data_row) + ", line " + std::to_string(data_row + first_line - 1) +
           " of the file";
}

// Decides and builds: the label column first, then a use for every other column.
class TableBuilder {
public:
    TableBuilder(const TableOptions& options, const std::string& file, TableColumnStore& store)
        : options_(options), file_(file), store_(store), n_(store.columns.empty() ? 0 : store.columns[0].size()) {}

    FeatureTable build() {
        table_.file = file_;
        table_.num_examples = n_;
        if (store_.columns.empty() || n_ == 0)
            throw ReadError(ReadErrorCode::no_data_rows, "The table has no rows. Add one row per example.", file_);
        std::vector<std::string> lowered;
        for (const auto& c : store_.columns) lowered.push_back(lower_name(c.name));
        const std::size_t label = find_label(lowered);
        read_labels(store_.columns[label]);
        table_.columns.resize(store_.columns.size());
        for (std::size_t c = 0; c < store_.columns.size(); ++c) {
            table_.columns[c].name = store_.columns[c].name;
            table_.columns[c].column = store_.columns[c].file_column;
            table_.columns[c].missing = store_.columns[c].missing;
        }
        choose(table_.columns[label], ColumnUse::label, label_reason(lowered, label));
        const std::set<std::string> listed = listed_features(lowered);
        check_roles(lowered, label);
        if (listed.count(lowered[label]))
            throw not_a_feature(store_.columns[label], "is the label column: it cannot also be a feature");
        const std::string text_wanted = lower_name(options_.text_column);
        if (!text_wanted.empty() && std::find(lowered.begin(), lowered.end(), text_wanted) == lowered.end())
            throw no_column(options_.text_column, "the text column");
        std::vector<std::size_t> text_candidates;
        for (std::size_t c = 0; c < store_.columns.size(); ++c) {
            if (c == label) continue;
            auto& choice = table_.columns[c];
            const auto& col = store_.columns[c];
            const std::string& name = lowered[c];
            const ColumnUse* role = chosen_role(name);
            if (is_true_label_name(name) || is_known_error_name(name)) {
                if (listed.count(name) || (role && *role != ColumnUse::ignored))
                    throw not_a_feature(col, "holds known truth (the correct labels), never a feature");
                choose(choice, ColumnUse::truth, "known truth: never a feature");
            } else if (is_export_column_name(name)) {
                if (listed.count(name) || (role && *role != ColumnUse::ignored))
                    throw not_a_feature(col,
                                        "was added by a labelscope export (the label before correction, "
                                        "a score): never a feature");
                choose(choice, ColumnUse::ignored, "added by a labelscope export: never a feature");
            } else if (role && name != text_wanted) {
                choose_role(c, *role, choice);
            } else if (name == text_wanted) {
                choose(choice, ColumnUse::text, "chosen as the text column");
                text_candidates.insert(text_candidates.begin(), c);
            } else if (!listed.empty() && !listed.count(name)) {
                choose_unlisted(c, name, choice);
            } else if (!listed.empty()) {
                choose_listed(c, choice);
            } else {
                choose_automatically(c, name, choice, text_candidates);
            }
        }
        pick_text(text_candidates, !text_wanted.empty());
        exclude_probabilities(lowered);
        check_missing();
        build_features();
        return std::move(table_);
    }

private:
    std::size_t find_label(const std::vector<std::string>& lowered) const {
        const std::string wanted = lower_name(options_.label_column);
        std::ptrdiff_t label = -1;
        if (wanted.empty()) {
            label = find_label_column(lowered);
        } else {
            const auto it = std::find(lowered.begin(), lowered.end(), wanted);
            if (it != lowered.end()) label = it - lowered.begin();
        }
        if (label >= 0) return static_cast<std::size_t>(label);
        std::string list;
        for (const auto& c : store_.columns) list += (list.empty() ? "" : ", ") + quoted(c.name);
        throw ReadError(ReadErrorCode::missing_column,
                        (wanted.empty() ? std::string("No label column found")
                                        : "No column named " + quoted(options_.label_column)) +
                            ". The columns are: " + list + ". Name the label column one of " +
                            label_column_names_text() + ", or choose it (--label-column).",
                        file_, header_line(), 0);
    }

    // "label column", and when it was guessed by its name the other columns that could be the label.
    std::string label_reason(const std::vector<std::string>& lowered, std::size_t label) const {
        if (!lower_name(options_.label_column).empty()) return "label column";
        std::vector<std::size_t> distinct(store_.columns.size(), 0);
        for (std::size_t c : {std::size_t{0}, store_.columns.size() - 1}) {
            const auto& col = store_.columns[c];
            if (col.numeric) {
                std::set<double> seen;
                for (std::size_t i = 0; i < col.numbers.size() && seen.size() <= 10; ++i)
                    if (!std::isnan(col.numbers[i])) seen.insert(col.numbers[i]);
                distinct[c] = seen.size();
            } else {
                distinct[c] = distinct_strings(col, 10);
            }
            if (distinct[c] * 2 > n_) distinct[c] = 0;  // values that hardly repeat are no classes
        }
        std::vector<std::string> names;
        for (const auto& c : store_.columns) names.push_back(c.name);
        const std::string others =
            other_label_candidates_text(names, other_label_candidates(lowered, label, distinct), distinct);
        return others.empty() ? "label column" : "label column, " + others;
    }

    // Errors about a whole column name no row (rows are data rows here; the header is none of them).
    static std::int64_t header_line() { return 0; }
    // Errors give the data row (1-based, header excluded); the message adds the file's line.
    static std::int64_t line_of(std::int64_t data_row) { return data_row; }

    ReadError located(const std::string& code, const std::string& message, const StoredColumn& col,
                      std::int64_t data_row) const {
        return ReadError(code,
                         message + " (" + where(data_row, store_.first_line) + ", column " + quoted(col.name) + ")",
                         file_, line_of(data_row), col.file_column);
    }

    ReadError no_column(const std::string& name, const std::string& what) const {
        std::string list;
        for (const auto& c : store_.columns) list += (list.empty() ? "" : ", ") + quoted(c.name);
        return ReadError(ReadErrorCode::missing_column,
                         "No column named " + quoted(name) + " for " + what + ". The columns are: " + list + ".", file_,
                         header_line(), 0);
    }

    ReadError not_a_feature(const StoredColumn& col, const std::string& why) const {
        return ReadError(ReadErrorCode::missing_column, "Column " + quoted(col.name) + " " + why + ".", file_,
                         header_line(), col.file_column);
    }

    // The person's role for a column (TableOptions::roles), or null for the automatic choice.
    const ColumnUse* chosen_role(const std::string& lowered) const {
        for (const auto& r : options_.roles)
            if (lower_name(r.first) == lowered) return &r.second;
        return nullptr;
    }

    void check_roles(const std::vector<std::string>& lowered, std::size_t label) const {
        for (const auto& r : options_.roles) {
            const std::string l = lower_name(r.first);
            const auto it = std::find(lowered.begin(), lowered.end(), l);
            if (it == lowered.end()) throw no_column(r.first, "a column role");
            if (r.second != ColumnUse::numeric && r.second != ColumnUse::categorical && r.second != ColumnUse::ignored)
                throw ReadError(ReadErrorCode::missing_column,
                                "Column " + quoted(r.first) +
                                    ": a column's role can be numeric, categorical or "
                                    "ignored here; choose the label and text columns by their own options.",
                                file_, header_line(),
                                store_.columns[static_cast<std::size_t>(it - lowered.begin())].file_column);
            if (static_cast<std::size_t>(it - lowered.begin()) == label && r.second != ColumnUse::ignored)
                throw not_a_feature(store_.columns[label], "is the label column: it cannot also be a feature");
        }
    }

    void choose_role(std::size_t c, ColumnUse role, ColumnChoice& choice) {
        const auto& col = store_.columns[c];
        if (role == ColumnUse::ignored) return choose(choice, ColumnUse::ignored, "not used (chosen)");
        if (role == ColumnUse::numeric) {
            if (col.numeric) return choose(choice, ColumnUse::numeric, "numbers (chosen)");
            if (col.other_cells == 0)
                throw not_a_feature(col, "holds text, not numbers: choose it as categories or leave it out");
            throw located("bad_number",
                          quoted(col.first_other_text) +
                              " is not a number, and the column was chosen as numbers. "
                              "Choose it as categories or leave it out, or fix the cell",
                          col, col.first_other_row);
        }
        const std::size_t distinct = col.numeric ? distinct_numbers(col) : distinct_strings(col, options_.max_levels);
        choice.distinct = distinct;
        if (distinct > options_.max_levels)
            throw not_a_feature(col, "was chosen as categories but has more than " +
                                         std::to_string(options_.max_levels) +
                                         " distinct values. Use it as numbers, as the text column, or leave it out");
        choose(choice, ColumnUse::categorical, std::to_string(distinct) + " categories (chosen)");
    }

    std::size_t distinct_numbers(const StoredColumn& col) const {
        std::set<double> seen;
        for (const double v : col.numbers) {
            if (std::isnan(v)) continue;
            seen.insert(v);
            if (seen.size() > options_.max_levels) break;
        }
        return seen.size();
    }

    std::set<std::string> listed_features(const std::vector<std::string>& lowered) const {
        std::set<std::string> listed;
        if (options_.features.size() == 1 && lower_name(options_.features[0]) == "all") return listed;
        for (const auto& f : options_.features) {
            const std::string l = lower_name(f);
            if (l.empty()) continue;
            if (std::find(lowered.begin(), lowered.end(), l) == lowered.end()) throw no_column(f, "a feature");
            listed.insert(l);
        }
        return listed;
    }

    static void choose(ColumnChoice& choice, ColumnUse use, std::string reason) {
        choice.use = use;
        choice.reason = std::move(reason);
    }

    void read_labels(StoredColumn& col) {
        table_.label_column = col.name;
        table_.labels.file = file_;
        if (col.missing > 0 && !options_.label_sets)
            throw located("bad_label", "The label is empty. Every example needs its given label", col,
                          col.first_missing_row);
        // Sets: an empty cell is the empty set (as [] is), read below as the class "" that holds no
        // class; a word for a missing value is no set.
        if (col.missing_words > 0)
            throw located("bad_label",
                          quoted(col.first_missing_word) +
                              " reads as a missing value, not a set of labels. Leave the cell empty or write [] for "
                              "an example with no class",
                          col, col.first_missing_word_row);
        const auto whole = [&](std::size_t i) {
            const double v = col.numbers[i];
            if (v != std::trunc(v) || std::abs(v) > 2147483647.0)
                throw located("bad_label",
                              quoted(shortest_text(v)) + " is not a class: numeric labels must be whole numbers", col,
                              static_cast<std::int64_t>(i + 1));
        };
        if (col.numeric && col.missing > 0) {  // class indices and empty sets: the indices as text
            for (std::size_t i = 0; i < n_; ++i)
                if (!std::isnan(col.numbers[i])) whole(i);
            col.to_text();
        }
        auto& labels = table_.labels.labels;
        labels.resize(n_);
        if (col.numeric) {  // class indices or numeric codes: the distinct values, in increasing order
            std::vector<double> distinct(col.numbers);
            std::sort(distinct.begin(), distinct.end());
            distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
            for (std::size_t i = 0; i < n_; ++i) {
                const double v = col.numbers[i];
                whole(i);
                labels[i] =
                    static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin());
            }
            for (double v : distinct) table_.labels.class_names.push_back(shortest_text(v));
            return;
        }
        if (options_.fold_case && !options_.label_sets) fold_case(col.strings);
        std::vector<std::string> distinct(col.strings);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (std::size_t i = 0; i < n_; ++i)
            labels[i] = static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), col.strings[i]) -
                                                  distinct.begin());
        table_.labels.class_names = std::move(distinct);
    }

    // TableOptions::fold_case: every spelling of a class as its most common one, said in the notes.
    void fold_case(std::vector<std::string>& labels) {
        std::map<std::string, std::size_t> rows;  // spelling -> rows, in byte order
        for (const auto& s : labels) ++rows[s];
        std::map<std::string, std::pair<std::size_t, std::string>> best;  // folded -> (rows, spelling)
        std::map<std::string, std::vector<std::string>> spellings;
        for (const auto& [spelling, n] : rows) {
            const std::string key = case_folded(spelling);
            spellings[key].push_back(spelling);
            const auto it = best.find(key);
            if (it == best.end() || n > it->second.first) best[key] = {n, spelling};
        }
        if (best.size() == rows.size()) return;
        for (auto& s : labels) s = best[case_folded(s)].second;
        for (const auto& [key, list] : spellings) {
            if (list.size() < 2) continue;
            std::string words;
            for (const auto& s : list) words += (words.empty() ? "" : ", ") + quoted(s);
            table_.notes.push_back("classes " + words + " read as one, " + quoted(best[key].second) +
                                   " (they differ only in capitals or spacing)");
        }
    }

    // Lower case (ASCII), runs of blanks as one space: the form spellings of one class share.
    static std::string case_folded(const std::string& s) {
        std::string out;
        for (const char c : s) {
            if (c == ' ' || c == '\t') {
                if (!out.empty() && out.back() != ' ') out += ' ';
            } else {
                out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
        }
        if (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    }

    std::size_t distinct_strings(const StoredColumn& col, std::size_t stop_after) const {
        std::unordered_set<std::string_view> seen;
        for (std::size_t i = 0; i < col.strings.size(); ++i) {
            if (col.missing_flags[i]) continue;
            seen.insert(col.strings[i]);
            if (seen.size() > stop_after) break;
        }
        return seen.size();
    }

    // A column of numbers with some cells that are not: most cells numbers, so the others are
    // errors (a typo, a unit, a word for a missing value) rather than categories.
    bool mostly_numbers(const StoredColumn& col) const {
        return col.other_cells > 0 && col.number_cells > col.other_cells;
    }

    [[noreturn]] void bad_number(const StoredColumn& col) const {
        throw located("bad_number",
                      quoted(col.first_other_text) +
                          " is not a number, in a column of numbers. Fix the cell (a number "
                          "such as 2.5, decimal point, no units), or leave it empty for a missing value",
                      col, col.first_other_row);
    }

    bool consecutive_integers(const StoredColumn& col) const {
        if (n_ < 3 || col.missing > 0) return false;
        const double start = col.numbers[0];
        if (start != 0 && start != 1) return false;
        for (std::size_t i = 0; i < n_; ++i)
            if (col.numbers[i] != start + static_cast<double>(i)) return false;
        return true;
    }

    void choose_listed(std::size_t c, ColumnChoice& choice) {
        const auto& col = store_.columns[c];
        if (col.numeric) return choose(choice, ColumnUse::numeric, "numbers (in the features list)");
        if (mostly_numbers(col)) bad_number(col);
        const std::size_t distinct = distinct_strings(col, options_.max_levels);
        choice.distinct = distinct;
        if (distinct <= options_.max_levels)
            return choose(choice, ColumnUse::categorical, "categories (in the features list)");
        throw not_a_feature(col, "has more than " + std::to_string(options_.max_levels) +
                                     " distinct values: too many for categories. Use it as the text column "
                                     "(--text-column) or leave it out of the features");
    }

    // Not in the features list: never a feature, but an id column is still shown as one.
    void choose_unlisted(std::size_t c, const std::string& name, ColumnChoice& choice) {
        std::vector<std::size_t> texts;
        try {
            choose_automatically(c, name, choice, texts);
        } catch (const ReadError&) {
            choice.use = ColumnUse::ignored;
        }
        if (choice.use != ColumnUse::id) choose(choice, ColumnUse::ignored, "not in the features list");
    }

    void choose_automatically(std::size_t c, const std::string& name, ColumnChoice& choice,
                              std::vector<std::size_t>& text_candidates) {
        const auto& col = store_.columns[c];
        if (col.missing == n_) return choose(choice, ColumnUse::ignored, "empty on every row");
        if (col.numeric) {
            if (is_id_name(name)) return choose(choice, ColumnUse::id, "an id column by its name");
            if (consecutive_integers(col)) return choose(choice, ColumnUse::id, "row numbers (unique per row)");
            return choose(choice, ColumnUse::numeric, "numbers");
        }
        if (mostly_numbers(col) && !is_id_name(name)) bad_number(col);
        const std::size_t distinct = distinct_strings(col, n_);
        choice.distinct = distinct;
        if (distinct <= options_.max_levels && distinct * 2 < n_)
            return choose(choice, ColumnUse::categorical, std::to_string(distinct) + " categories");
        if (all_dates(col))
            return choose(choice, ColumnUse::ignored,
                          "dates: not used (a date is not a feature here; derive a number or a category from it, "
                          "such as the month, to use it)");
        std::size_t with_space = 0, length = 0, present = 0;
        for (std::size_t i = 0; i < col.strings.size(); ++i) {
            if (col.missing_flags[i]) continue;
            ++present;
            length += col.strings[i].size();
            with_space += col.strings[i].find(' ') != std::string::npos;
        }
        const bool texty = present > 0 && (with_space * 2 >= present || length >= 20 * present);
        if (texty) {
            choose(choice, ColumnUse::text, "free text");
            text_candidates.push_back(c);
            return;
        }
        if (distinct == present && present == n_) return choose(choice, ColumnUse::id, "unique per row (an id)");
        choose(choice, ColumnUse::ignored,
               std::to_string(distinct) + " distinct short values: too many for categories, too short for text");
    }

    // Every present cell a date: 2024-03-12, 2024/03/12 or 12/03/2024 (12.03.2024), a time after it allowed.
    static bool all_dates(const StoredColumn& col) {
        std::size_t present = 0;
        for (std::size_t i = 0; i < col.strings.size(); ++i) {
            if (col.missing_flags[i]) continue;
            if (!is_date(col.strings[i])) return false;
            ++present;
        }
        return present > 0;
    }

    static bool is_date(const std::string& s) {
        const auto digits = [&](std::size_t from, std::size_t count) {
            if (from + count > s.size()) return false;
            for (std::size_t i = from; i < from + count; ++i)
                if (s[i] < '0' || s[i] > '9') return false;
            return true;
        };
        const auto time_or_end = [&](std::size_t at) { return at == s.size() || s[at] == 'T' || s[at] == ' '; };
        // Year first: 2024-03-12, 2024/03/12.
        if (digits(0, 4) && s.size() >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] && digits(5, 2) &&
            digits(8, 2))
            return time_or_end(10);
        // Day or month first: 12/03/2024, 3/12/2024, 12.03.2024.
        std::size_t at = 0;
        for (int part = 0; part < 2; ++part) {
            const std::size_t start = at;
            while (at < s.size() && at - start < 2 && s[at] >= '0' && s[at] <= '9') ++at;
            if (at == start || at >= s.size() || (s[at] != '/' && s[at] != '.') || (part == 1 && s[at] != s[start - 1]))
                return false;
            ++at;
        }
        return digits(at, 4) && time_or_end(at + 4);
    }

    // The one text column: the one chosen, else the candidate with the longest texts.
    void pick_text(const std::vector<std::size_t>& candidates, bool chosen) {
        if (candidates.empty()) return;
        std::size_t best = candidates[0];
        if (!chosen) {
            double best_mean = -1;
            for (std::size_t c : candidates) {
                double total = 0;
                for (const auto& s : store_.columns[c].strings) total += static_cast<double>(s.size());
                const double mean = total / static_cast<double>(n_);
                if (mean > best_mean) best_mean = mean, best = c;
            }
        }
        for (std::size_t c : candidates)
            if (c != best)
                choose(table_.columns[c], ColumnUse::ignored,
                       "free text, but " + quoted(store_.columns[best].name) +
                           " is the text column (one is used; choose another with the text column option)");
    }

    // Columns named after the classes (p_<class>, prob_<class>, <class>) are probabilities, not features.
    void exclude_probabilities(const std::vector<std::string>& lowered) {
        const auto& classes = table_.labels.class_names;
        std::vector<std::size_t> matched_classes;
        for (std::size_t c = 0; c < lowered.size(); ++c) {
            auto& choice = table_.columns[c];
            if (choice.use != ColumnUse::numeric || !options_.features.empty() || chosen_role(lowered[c])) continue;
            for (std::size_t k = 0; k < classes.size(); ++k) {
                const std::string cls = lower_name(classes[k]);
                for (const char* prefix : {"", "p_", "prob_", "proba_", "pred_", "prob_class_"}) {
                    if (lowered[c] != prefix + cls) continue;
                    choose(choice, ColumnUse::probability,
                           "named after class " + quoted(classes[k]) + ": a probability, not a feature");
                    matched_classes.push_back(k);
                }
            }
        }
        std::sort(matched_classes.begin(), matched_classes.end());
        matched_classes.erase(std::unique(matched_classes.begin(), matched_classes.end()), matched_classes.end());
        if (classes.size() >= 2 && matched_classes.size() == classes.size())
            throw ReadError("not_features",
                            "These columns look like predicted probabilities (one per class), not features: this file "
                            "already has out-of-sample probabilities. Analyse it as it is (--data with find-issues or "
                            "audit), or name the feature columns (--features).",
                            file_, header_line(), 0);
    }

    void check_missing() const {
        // The first missing feature value in row order (then column order): where a person reading the file meets it.
        const StoredColumn* first = nullptr;
        for (std::size_t c = 0; c < store_.columns.size() && !options_.impute; ++c) {
            const auto use = table_.columns[c].use;
            const auto& col = store_.columns[c];
            if ((use == ColumnUse::numeric || use == ColumnUse::categorical) && col.missing > 0 &&
                (!first || col.first_missing_row < first->first_missing_row))
                first = &col;
        }
        if (first)
            throw located("missing_value",
                          "A value is missing. Fill it in, leave the column out of the features, or ask for "
                          "imputation (--impute), which replaces it by the training fold's mean",
                          *first, first->first_missing_row);
        for (std::size_t c = 0; c < store_.columns.size(); ++c) {
            const auto use = table_.columns[c].use;
            const auto& col = store_.columns[c];
            if (use == ColumnUse::text && col.missing == n_)
                throw ReadError("constant_features",
                                "The text column " + quoted(col.name) +
                                    " is empty on every row: there is no text to "
                                    "learn from. Choose another text column, or none.",
                                file_, header_line(), col.file_column);
        }
    }

    void build_features() {
        std::size_t used = 0;
        for (std::size_t c = 0; c < store_.columns.size(); ++c) {
            auto& col = store_.columns[c];
            switch (table_.columns[c].use) {
                case ColumnUse::numeric:
                    if (!col.numeric) col.numbers.clear();
                    table_.numeric.push_back({col.name, std::move(col.numbers)});
                    ++used;
                    break;
                case ColumnUse::categorical: {
                    if (col.numeric) col.to_text();
                    CategoricalFeature f{col.name, std::vector<std::int32_t>(n_, -1), {}};
                    std::unordered_map<std::string, std::int32_t> codes;
                    for (std::size_t i = 0; i < n_; ++i) {
                        if (col.missing_flags[i]) continue;
                        auto [it, added] = codes.emplace(col.strings[i], static_cast<std::int32_t>(f.levels.size()));
                        if (added) f.levels.push_back(col.strings[i]);
                        f.codes[i] = it->second;
                    }
                    table_.categorical.push_back(std::move(f));
                    ++used;
                    break;
                }
                case ColumnUse::text:
                    if (col.numeric) col.to_text();
                    table_.passthrough.push_back({col.name, col.strings});
                    table_.text.push_back({col.name, std::move(col.strings)});
                    ++used;
                    break;
                case ColumnUse::id:
                case ColumnUse::truth:
                    if (col.numeric) col.to_text();
                    table_.passthrough.push_back({col.name, std::move(col.strings)});
                    break;
                default: break;
            }
        }
        if (used == 0)
            throw ReadError("constant_features",
                            "No column can be used as a feature (every column other than the label is an id, known "
                            "truth, empty or ignored). Name the feature columns (--features) or a text column.",
                            file_, header_line(), 0);
        std::string classes;
        for (const auto& k : table_.labels.class_names) classes += (classes.empty() ? "" : ", ") + k;
        table_.notes.push_back(file_ + ": " + std::to_string(n_) + " rows, label column " +
                               quoted(table_.label_column) + " (" + std::to_string(table_.labels.class_names.size()) +
                               " classes: " + classes + ")");
        for (const auto& choice : table_.columns)
            table_.notes.push_back(quoted(choice.name) + ": " + io::to_string(choice.use) + " (" + choice.reason + ")");
    }

    const TableOptions& options_;
    const std::string& file_;
    TableColumnStore& store_;
    std::size_t n_;
    FeatureTable table_;
};

}  // namespace

FeatureTable build_feature_table(const TableOptions& options, const std::string& file, TableColumnStore& store) {
    return TableBuilder(options, file, store).build();
}

}  // namespace labelscope::io
