#include "io/sniff.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "io/csv_tokenizer.hpp"
#include "io/dataset_reader.hpp"
#include "io/label_column.hpp"
#include "io/number_parse.hpp"

namespace labelscope::io {
namespace {

constexpr std::size_t ROWS_LOOKED_AT = 6;

// The first rows of a CSV/TSV head, cell by cell.
class FirstRows final : public CellSink {
public:
    std::vector<std::vector<std::string>> rows;
    void cell(std::string_view text, std::int64_t, std::int64_t) override {
        if (rows.size() < ROWS_LOOKED_AT) current_.emplace_back(text);
    }
    std::int64_t first_row = 0;  // file row of rows[0]
    void end_row(std::int64_t row, std::int64_t) override {
        if (rows.size() < ROWS_LOOKED_AT && !(current_.size() == 1 && current_[0].empty())) {
            if (rows.empty()) first_row = row;
            rows.push_back(std::move(current_));
        }
        current_.clear();
    }
    // Cells of the row being read (before an error in it).
    std::size_t cells_so_far() const { return current_.size(); }

private:
    std::vector<std::string> current_;
};

// A semicolon-separated file writes decimal commas (1,5), as the table reader reads it: set by
// sniff_file for the file it looks at (the helpers below are also passed as predicates).
thread_local bool decimal_comma = false;

bool is_number(const std::string& cell) { return !trim(cell).empty() && parse_double(cell, decimal_comma).has_value(); }
bool is_fraction(const std::string& cell) {
    const auto v = parse_double(cell, decimal_comma);
    return !trim(cell).empty() && v && *v != std::trunc(*v);
}
std::string lower_file_name(const std::string& name) {
    std::string n = name;
    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return n;
}
bool ends_with(const std::string& s, const char* tail) {
    const std::size_t n = std::strlen(tail);
    return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
}

bool probabilities_by_name(const std::string& file_name) {
    const std::string name = lower_file_name(file_name);
    return name.find("pred") != name.npos || name.find("prob") != name.npos;
}

// What the reader calls a file's contents in its messages, guessed from the name.
std::string role_by_name(const std::string& file_name) {
    if (probabilities_by_name(file_name)) return "predicted probabilities";
    return lower_file_name(file_name).find("label") != std::string::npos ? "labels" : "data";
}

// An N x D (or N x H x W) array of features rather than probabilities: whole numbers (pixels,
// also as N x H x W images), or floating-point N x D rows in the head that do not sum to 1.
bool npy_holds_features(const Sniffed& s, const std::uint8_t* head, std::size_t size) {
    if ((s.shape.size() != 2 && s.shape.size() != 3) || s.descr.size() < 2) return false;
    const char kind = s.descr[s.descr.size() - 2];
    if (kind == 'u' || kind == 'i' || kind == 'b') return true;  // pixels (N x D, or N x H x W images)
    if (s.shape.size() == 3) return false;  // floats in 3-D: probabilities saved in the wrong shape
    const bool f4 = s.descr == "<f4", f8 = s.descr == "<f8";
    if (!(f4 || f8) || size < 10) return false;
    const std::size_t start = 10 + (static_cast<std::size_t>(head[8]) | static_cast<std::size_t>(head[9]) << 8);
    const std::size_t width = s.shape[1], item = f4 ? 4 : 8;
    std::size_t checked = 0, summing = 0;
    for (std::size_t at = start; at + width * item <= size && checked < 64; at += width * item, ++checked) {
        double sum = 0;
        for (std::size_t j = 0; j < width; ++j) {
            if (f4) {
                float v;
                std::memcpy(&v, head + at + j * 4, 4);
                sum += v;
            } else {
                double v;
                std::memcpy(&v, head + at + j * 8, 8);
                sum += v;
            }
        }
        if (std::fabs(sum - 1.0) <= 1e-3) ++summing;
    }
    return checked > 0 && 2 * summing < checked;
}

void sniff_npy(Sniffed& s, const std::string& name, const std::uint8_t* head, std::size_t size) {
    s.format = "npy";
    const std::string header(reinterpret_cast<const char*>(head) + std::min<std::size_t>(size, 8),
                             size > 8 ? std::min<std::size_t>(size - 8, 4096) : 0);
    const auto descr_at = header.find("'descr'");
    if (descr_at != std::string::npos) {
        const auto open = header.find('\'', header.find(':', descr_at));
        const auto close = open == std::string::npos ? open : header.find('\'', open + 1);
        if (close != std::string::npos) s.descr = header.substr(open + 1, close - open - 1);
    }
    const auto shape_at = header.find("'shape'");
    const auto open = shape_at == std::string::npos ? shape_at : header.find('(', shape_at);
    const auto close = open == std::string::npos ? open : header.find(')', open);
    if (close != std::string::npos) {
        std::string dims = header.substr(open + 1, close - open - 1);
        std::size_t at = 0;
        while (at < dims.size()) {
            const auto comma = dims.find(',', at);
            const std::string part(
                trim(std::string_view(dims).substr(at, comma == std::string::npos ? dims.npos : comma - at)));
            if (!part.empty())
                if (const auto v = parse_integer(part)) s.shape.push_back(static_cast<std::size_t>(*v));
            if (comma == std::string::npos) break;
            at = comma + 1;
        }
    }
    const bool one_column = s.shape.size() == 1 || (s.shape.size() == 2 && s.shape[1] == 1);
    s.role = one_column ? "labels" : "predProbs";
    std::string dims;
    for (std::size_t d : s.shape) dims += (dims.empty() ? "" : " x ") + std::to_string(d);
    s.reason = ".npy array " + dims + (one_column ? " (labels)" : "");
    s.named_as_probabilities = !one_column && probabilities_by_name(name);
    // A file named as probabilities (pred_probs.npy) keeps that role: the reader says what is wrong.
    if (!one_column && !probabilities_by_name(name) && npy_holds_features(s, head, size)) {
        s.role = "features";
        s.looks_like_features = true;
        s.reason =
            ".npy array " + dims + (s.shape.size() == 3 ? " (images: features)" : " (features, not probabilities)");
    }
}

// A table with a label column: probabilities beside it, or features? Rows of probabilities sum to 1.
bool rows_sum_to_one(const std::vector<std::vector<std::string>>& rows, const std::vector<std::size_t>& numeric) {
    std::size_t checked = 0, summing = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        double sum = 0;
        bool all = true;
        for (std::size_t c : numeric) {
            const auto v = c < rows[r].size() ? parse_double(rows[r][c], decimal_comma) : std::nullopt;
            if (!v) {
                all = false;
                break;
            }
            sum += *v;
        }
        if (!all) continue;
        ++checked;
        if (std::fabs(sum - 1.0) <= 1e-3) ++summing;
    }
    return checked == 0 || 2 * summing >= checked;
}

// A string column a model could learn from, by the head's data rows (rows[0] is the header): most
// cells hold several words (free text), or its values repeat (categories). Not an id, a file name
// (distinct single tokens), known truth, an export's own column, or a column named after the
// labels (`label_name` spells the label out: a model would learn it back).
bool could_be_text_feature(const std::vector<std::vector<std::string>>& rows, std::size_t column,
                           const std::string& lowered) {
    const bool id_like = is_id_name(lowered) && lowered != "text" && lowered != "name";  // numbers' list
    if (id_like || is_true_label_name(lowered) || is_known_error_name(lowered) || is_export_column_name(lowered) ||
        lowered.find("label") != std::string::npos || lowered.find("class") != std::string::npos)
        return false;
    std::vector<std::string> cells;
    std::size_t with_words = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (column >= rows[r].size()) continue;
        const std::string_view cell = trim(rows[r][column]);
        if (cell.empty() || is_number(std::string(cell))) return false;
        if (cell.find(' ') != std::string_view::npos) ++with_words;
        cells.emplace_back(cell);
    }
    if (cells.size() < 2) return false;
    std::sort(cells.begin(), cells.end());
    const bool repeats = std::adjacent_find(cells.begin(), cells.end()) != cells.end();
    return 2 * with_words > cells.size() || repeats;
}

// Cells of a label column that hold sets of classes: 'a;b', 'a|b' or a list '["a","b"]'.
bool holds_label_sets(const std::vector<std::vector<std::string>>& rows, std::size_t column) {
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (column >= rows[r].size()) continue;
        const std::string_view cell = trim(rows[r][column]);
        if (cell.find_first_of(";|") != std::string_view::npos || (!cell.empty() && cell.front() == '[')) return true;
    }
    return false;
}

// The other columns that could be the label of a table whose label column was found by its name, counted in the
// rows looked at (label_column.hpp), as a reason's words; "" when there are none.
std::string other_candidates(const std::vector<std::string>& names, const std::vector<std::string>& lower,
                             std::size_t label, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> distinct(names.size(), 0);
    for (std::size_t c : {std::size_t{0}, names.size() - 1}) {
        std::set<std::string> seen;
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (c < rows[r].size() && !trim(rows[r][c]).empty()) seen.insert(std::string(trim(rows[r][c])));
        // Few rows look like few values: a count is one only when values repeat.
        if (seen.size() * 2 <= rows.size() - 1) distinct[c] = seen.size();
    }
    return other_label_candidates_text(names, other_label_candidates(lower, label, distinct), distinct);
}

void guess_table_role(Sniffed& s, const std::string& file_name, const std::vector<std::vector<std::string>>& rows) {
    const std::vector<std::string>& first = rows.front();
    const bool header = std::any_of(first.begin(), first.end(), [](const std::string& c) { return !is_number(c); }) &&
                        (rows.size() > 1 || first.size() > 1 || is_label_name(lower_name(first[0])));
    if (header)
        for (const auto& c : first) s.columns.emplace_back(trim(c));
    if (rows.size() > (header ? 1u : 0u)) s.first_row = rows[header ? 1 : 0];
    const std::string name = lower_file_name(file_name);
    const std::size_t width = first.size();
    std::vector<std::string> lower;
    for (const auto& c : s.columns) lower.push_back(lower_name(c));
    const auto has = [&](bool (*pred)(const std::string&)) { return std::any_of(lower.begin(), lower.end(), pred); };

    if (width <= 1 && (ends_with(name, ".txt") || ends_with(name, ".names") || name.find("class") != name.npos)) {
        s.role = "classNames";
        s.reason = "one class name per line";
        return;
    }
    const bool index_column = std::find(lower.begin(), lower.end(), "index") != lower.end();
    if (has(is_known_error_name) && index_column && !std::any_of(s.first_row.begin(), s.first_row.end(), is_fraction)) {
        s.role = "truth";
        s.reason = "index and is_error columns";
        return;
    }
    if (width <= 1) {
        const bool probs_name = probabilities_by_name(file_name);
        s.role = probs_name ? "predProbs" : "labels";
        s.reason = probs_name ? "file name" : "one column";
        s.named_as_probabilities = probs_name;
        return;
    }
    const std::ptrdiff_t label = find_label_column(lower);
    std::vector<std::size_t> numeric;
    for (std::size_t c = 0; c < lower.size(); ++c)
        if (static_cast<std::ptrdiff_t>(c) != label && c < s.first_row.size() && is_number(s.first_row[c]) &&
            !is_id_name(lower[c]) && !is_true_label_name(lower[c]) && !is_known_error_name(lower[c]) &&
            !is_export_column_name(lower[c]))
            numeric.push_back(c);
    if (label >= 0) {
        const std::string& label_name = s.columns[static_cast<std::size_t>(label)];
        s.label_column = label_name;
        const std::string others = other_candidates(s.columns, lower, static_cast<std::size_t>(label), rows);
        const std::string and_others = others.empty() ? std::string() : "; " + others;
        if (numeric.empty()) {
            // A label column beside free text or categories (id,text,label): a table to learn from,
            // which can still take a probabilities file beside it. File names and ids are not.
            // Label sets (a;b) are read as multi-label labels, which the page pairs with probabilities.
            const bool text_features =
                !holds_label_sets(rows, static_cast<std::size_t>(label)) &&
                std::any_of(lower.begin(), lower.end(), [&](const std::string& n) {
                    const std::size_t c = static_cast<std::size_t>(&n - lower.data());
                    return static_cast<std::ptrdiff_t>(c) != label && could_be_text_feature(rows, c, n);
                });
            s.role = text_features ? "combined" : "labels";
            s.looks_like_features = text_features;
            s.reason = (text_features ? "a '" + label_name + "' column next to text that looks like features"
                                      : "a '" + label_name + "' column") +
                       and_others;
            return;
        }
        s.role = "combined";
        s.looks_like_features = !rows_sum_to_one(rows, numeric);
        s.reason = (s.looks_like_features ? "a '" + label_name + "' column next to numbers that look like features"
                                          : "a '" + label_name + "' column next to numbers") +
                   and_others;
        return;
    }
    if (std::any_of(s.first_row.begin(), s.first_row.end(), [](const std::string& c) { return !is_number(c); })) {
        s.role = "combined";
        s.reason = "text and number columns (choose the label column)";
        // Numbers that do not sum to 1, even without one whole-number column (class indices under an
        // unknown name): features, whichever column the person picks as the label.
        bool summing = numeric.empty() || rows_sum_to_one(rows, numeric);
        for (std::size_t skip = 0; skip < numeric.size() && !summing; ++skip) {
            if (is_fraction(s.first_row[numeric[skip]])) continue;
            std::vector<std::size_t> rest(numeric);
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(skip));
            summing = !rest.empty() && rows_sum_to_one(rows, rest);
        }
        if (!summing) {
            s.looks_like_features = true;
            s.reason = "text and number columns that look like features (choose the label column)";
        }
        return;
    }
    s.role = "predProbs";
    s.reason = std::to_string(width) + " numeric columns";
    s.named_as_probabilities = probabilities_by_name(name);
    // Numbers only, rows that do not sum to 1: features (pixels, embeddings) for labels beside them.
    std::vector<std::size_t> all(width);
    for (std::size_t c = 0; c < width; ++c) all[c] = c;
    std::vector<std::vector<std::string>> data(rows);
    if (!header) data.insert(data.begin(), std::vector<std::string>());  // rows_sum_to_one skips a header
    if (!probabilities_by_name(name) && !rows_sum_to_one(data, all)) {
        s.role = "features";
        s.looks_like_features = true;
        s.reason = std::to_string(width) + " numeric columns whose rows do not sum to 1 (features)";
    }
}

// The error as the reader says it (io::in_data_rows): data rows, an error in the header line named
// by its line. In the first row: the header of a probabilities or combined file, or of a row of
// several cells (as the CSV reader decides); a problem of the whole file there names no place.
ReadError sniff_problem(const ReadError& e, const std::string& name, const FirstRows& sink) {
    if (e.row() <= 0) return e;
    if (sink.rows.empty()) {
        if (e.code() == "utf16" || e.code() == "not_text") return ReadError(e.code(), e.what(), e.file(), 0, 0);
        const bool header = role_by_name(name) != "labels" || sink.cells_so_far() > 0;
        return header ? in_data_rows(e, e.row() + 1) : e;
    }
    Sniffed layout;
    guess_table_role(layout, name, sink.rows);
    return in_data_rows(e, layout.columns.empty() ? sink.first_row : sink.first_row + 1);
}

}  // namespace

Sniffed sniff_file(const std::string& name, const std::uint8_t* head, std::size_t size, bool complete) {
    Sniffed s;
    decimal_comma = false;
    if (size >= 6 && std::memcmp(head, "\x93NUMPY", 6) == 0) {
        sniff_npy(s, name, head, size);
        return s;
    }
    FirstRows sink;
    CsvTokenizer tokenizer(sink, name);
    try {
        tokenizer.feed(reinterpret_cast<const char*>(head), size);
        if (complete) tokenizer.finish();
        if (complete && sink.rows.empty())
            throw ReadError(ReadErrorCode::empty_file,
                            "The file is empty. Choose the file that holds the " + role_by_name(name) + ".", name);
    } catch (const ReadError& e) {
        // Only what makes the whole file unreadable is a problem now; a bad cell further down is
        // for the reader to report with the rest of the data.
        if (e.code() == "empty_file" || e.code() == "not_text" || e.code() == "utf16" || e.code() == "not_utf8" ||
            sink.rows.empty()) {
            s.problem = sniff_problem(e, name, sink);
            return s;
        }
    }
    s.format = tokenizer.delimiter() == '\t' ? "tsv" : "csv";
    decimal_comma = tokenizer.delimiter() == ';';
    if (sink.rows.empty()) {  // not even one line in the head (a first line over 64 KB): the name decides
        s.role = probabilities_by_name(name) ? "predProbs" : "labels";
        s.reason = "file name (a very long first line)";
        return s;
    }
    guess_table_role(s, name, sink.rows);
    return s;
}

}  // namespace labelscope::io
