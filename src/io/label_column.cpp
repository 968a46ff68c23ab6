#include "label_column.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <set>

#include "number_parse.hpp"

namespace labelscope::io {
namespace {

// "'=x" is how a spreadsheet-safe export writes the class "=x" (a leading ' keeps a spreadsheet from
// running it as a formula): the class name without the guard, else empty.
std::string unguarded(const std::string& name) {
    if (name.size() < 2 || name[0] != '\'') return {};
    const char c = name[1];
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? name.substr(1) : std::string();
}

std::string folded(std::string_view s) {
    s = trim(s);
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

const std::vector<std::string>& label_column_names() {
    static const std::vector<std::string> names = {"label",   "labels", "given_label", "y",
                                                   "species", "class",  "target",      "category"};
    return names;
}

std::string label_column_names_text() {
    std::string text;
    for (const auto& n : label_column_names()) text += (text.empty() ? "" : ", ") + n;
    return text;
}

bool is_label_name(const std::string& n) {
    const auto& names = label_column_names();
    return std::find(names.begin(), names.end(), n) != names.end();
}

std::ptrdiff_t find_label_column(const std::vector<std::string>& lowered) {
    for (const auto& wanted : label_column_names())
        for (std::size_t c = 0; c < lowered.size(); ++c)
            if (lowered[c] == wanted) return static_cast<std::ptrdiff_t>(c);
    return -1;
}

std::vector<std::size_t> other_label_candidates(const std::vector<std::string>& lowered, std::size_t label,
                                                const std::vector<std::size_t>& distinct) {
    std::vector<std::size_t> out;
    // 'label', 'labels', 'given_label' say what they hold; 'class' or 'category' may be a feature of that name.
    const std::string& found = lowered[label];
    const bool by_word = found != "label" && found != "labels" && found != "given_label";
    for (std::size_t c = 0; c < lowered.size(); ++c) {
        if (c == label) continue;
        const std::string& n = lowered[c];
        if (is_id_name(n) || is_true_label_name(n) || is_known_error_name(n) || is_export_column_name(n) ||
            probability_prefix_length(n) > 0)
            continue;
        const std::size_t d = c < distinct.size() ? distinct[c] : 0;
        // An edge column only beside a label column that is not at an edge itself (label,p_a,p_b is no puzzle).
        const bool edge = by_word && (c == 0 || c + 1 == lowered.size()) && label != 0 && label + 1 != lowered.size();
        if (is_label_name(n) || (edge && d >= 2 && d <= 10)) out.push_back(c);
    }
    return out;
}

std::string other_label_candidates_text(const std::vector<std::string>& names, const std::vector<std::size_t>& others,
                                        const std::vector<std::size_t>& distinct) {
    if (others.empty()) return {};
    std::string list;
    for (std::size_t i = 0; i < others.size(); ++i) {
        const std::size_t c = others[i];
        std::string what;
        if (c == 0) what = "the first column";
        if (c + 1 == names.size()) what = "the last column";
        const std::size_t d = c < distinct.size() ? distinct[c] : 0;
        if (d > 0) what += (what.empty() ? "" : ", ") + std::to_string(d) + " values";
        list += std::string(i == 0                   ? ""
                            : i + 1 == others.size() ? " or "
                                                     : ", ") +
                "'" + names[c] + "'" + (what.empty() ? "" : " (" + what + ")");
    }
    return "a guess by its name: " + list +
           (others.size() == 1 ? " could be the label too; if it is, choose it as the label column"
                               : " could each be the label too; if one is, choose it as the label column");
}

bool is_true_label_name(const std::string& n) { return n == "true_label" || n == "true_labels"; }
bool is_known_error_name(const std::string& n) { return n == "is_error" || n == "is_label_error"; }

bool is_id_name(const std::string& n) {
    static const std::set<std::string> names = {"id",   "index",    "idx",  "row",  "row_id", "example_id", "image",
                                                "file", "filename", "path", "name", "text",   "url"};
    return names.count(n) > 0 || (n.size() > 3 && n.compare(n.size() - 3, 3, "_id") == 0);
}

std::string lower_name(std::string_view name) { return folded(name); }

bool is_export_column_name(const std::string& n) {
    static const std::set<std::string> names = {"rank",           "suggested_label",   "label_quality",
                                                "is_label_issue", "given_probability", "suggested_probability",
                                                "known_error",    "original_label",    "decision",
                                                "final_label",    "decided_at"};
    return names.count(n) > 0;
}

std::size_t probability_prefix_length(std::string_view name) {
    const std::string n = folded(name);
    for (const char* prefix : {"prob_", "p_"}) {
        const std::string_view p(prefix);
        if (n.size() > p.size() && n.compare(0, p.size(), p) == 0) return p.size();
    }
    return 0;
}

std::int32_t LabelColumn::intern(std::string_view name, std::int64_t row) {
    auto [it, inserted] = ids_.emplace(std::string(name), static_cast<std::int32_t>(names_.size()));
    if (inserted) {
        names_.emplace_back(name);
        first_row_.push_back(row);
    }
    return it->second;
}

bool LabelColumn::add(std::string_view text, std::int64_t row) {
    const std::string_view t = trim(text);
    if (t.empty()) return false;
    if (!by_name_) {
        if (auto v = parse_integer(t)) {
            if (*v < std::numeric_limits<std::int32_t>::min() || *v > std::numeric_limits<std::int32_t>::max())
                return false;
            values_.push_back(static_cast<std::int32_t>(*v));
            return true;
        }
        // "2.0" is the integer 2 written by a float column; "2.5" is no class at all.
        if (auto d = parse_double(t)) {
            // Range first (false for NaN): converting NaN, inf or 1e30 to an integer is undefined.
            if (std::abs(*d) < 2147483647.0 && *d == std::trunc(*d)) {
                values_.push_back(static_cast<std::int32_t>(*d));
                return true;
            }
            return false;
        }
        // First name: earlier integers become names too ("0", "1" may be class names). Entries are
        // consecutive rows (one per data row), so entry i came from row `row - size() + i`.
        by_name_ = true;
        const auto first_row = row - static_cast<std::int64_t>(values_.size());
        for (std::size_t i = 0; i < values_.size(); ++i)
            if (values_[i] >= 0)
                values_[i] = intern(std::to_string(values_[i]), first_row + static_cast<std::int64_t>(i));
    }
    values_.push_back(intern(t, row));
    return true;
}

void LabelColumn::add_unknown() { values_.push_back(-1); }

void LabelColumn::add_index(std::int32_t class_index) { values_.push_back(class_index); }

bool LabelColumn::classes_of_names(const std::vector<std::string>& class_names,
                                   std::vector<std::int32_t>& class_of_name, std::string* unknown_name,
                                   std::int64_t* unknown_row) const {
    std::unordered_map<std::string, std::int32_t> exact, loose;
    for (std::size_t c = 0; c < class_names.size(); ++c) {
        exact.emplace(class_names[c], static_cast<std::int32_t>(c));
        loose.emplace(folded(class_names[c]), static_cast<std::int32_t>(c));
    }
    class_of_name.assign(names_.size(), -1);
    for (std::size_t id = 0; id < names_.size(); ++id) {
        if (auto e = exact.find(names_[id]); e != exact.end()) {
            class_of_name[id] = e->second;
        } else if (auto l = loose.find(folded(names_[id])); l != loose.end()) {
            class_of_name[id] = l->second;
        } else if (auto g = exact.find(unguarded(names_[id])); g != exact.end()) {
            class_of_name[id] = g->second;  // labelscope's own flagged-rows / full-dataset exports
        } else if (auto v = parse_integer(trim(names_[id]));
                   v && *v >= 0 && *v < static_cast<std::int64_t>(class_names.size())) {
            class_of_name[id] = static_cast<std::int32_t>(*v);  // a class index among names ("0,1,2,x")
        } else {
            *unknown_name = names_[id];
            *unknown_row = first_row_[id];
            return false;
        }
    }
    return true;
}

std::vector<std::int32_t> LabelColumn::class_of_numeric_name(const std::vector<std::string>& class_names) const {
    std::unordered_map<std::int64_t, std::int32_t> class_of_value;
    bool identity = true;  // names "0".."K-1" (the default): indices and names agree
    for (std::size_t c = 0; c < class_names.size(); ++c) {
        const auto v = parse_integer(trim(class_names[c]));
        if (!v) continue;
        class_of_value.emplace(*v, static_cast<std::int32_t>(c));
        identity = identity && *v == static_cast<std::int64_t>(c);
    }
    if (class_of_value.empty() || identity) return {};
    // Names only if every label is one: a column of indices 0..K-1 stays a column of indices.
    std::unordered_map<std::int32_t, std::int32_t> seen;
    for (const std::int32_t v : values_) {
        if (v < 0 || seen.count(v)) continue;
        const auto it = class_of_value.find(v);
        if (it == class_of_value.end()) return {};
        seen.emplace(v, it->second);
    }
    std::vector<std::int32_t> out(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) out[i] = values_[i] < 0 ? values_[i] : seen[values_[i]];
    return out;
}

std::vector<std::int32_t> LabelColumn::resolve(const std::vector<std::string>& class_names, std::string* unknown_name,
                                               std::int64_t* unknown_row) const& {
    if (!by_name_) {
        if (auto by_name = class_of_numeric_name(class_names); !by_name.empty()) return by_name;
        return values_;
    }
    std::vector<std::int32_t> class_of_name;
    if (!classes_of_names(class_names, class_of_name, unknown_name, unknown_row)) return {};
    std::vector<std::int32_t> out(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i)
        out[i] = values_[i] < 0 ? -1 : class_of_name[static_cast<std::size_t>(values_[i])];
    return out;
}

std::vector<std::int32_t> LabelColumn::resolve(const std::vector<std::string>& class_names, std::string* unknown_name,
                                               std::int64_t* unknown_row) && {
    if (!by_name_) {
        if (auto by_name = class_of_numeric_name(class_names); !by_name.empty()) return by_name;
    } else {
        std::vector<std::int32_t> class_of_name;
        if (!classes_of_names(class_names, class_of_name, unknown_name, unknown_row)) return {};
        for (std::int32_t& v : values_) v = v < 0 ? -1 : class_of_name[static_cast<std::size_t>(v)];
        by_name_ = false;  // the entries are class indices now
    }
    return std::move(values_);
}

}  // namespace labelscope::io
