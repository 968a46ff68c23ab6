#include "label_column.hpp"

#include <cctype>
#include <cmath>
#include <limits>

#include "number_parse.hpp"

namespace labelscope::io {
namespace {

std::string folded(std::string_view s) {
    s = trim(s);
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

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

bool LabelColumn::classes_of_names(const std::vector<std::string>& class_names, std::vector<std::int32_t>& class_of_name,
                                   std::string* unknown_name, std::int64_t* unknown_row) const {
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
        } else {
            *unknown_name = names_[id];
            *unknown_row = first_row_[id];
            return false;
        }
    }
    return true;
}

std::vector<std::int32_t> LabelColumn::resolve(const std::vector<std::string>& class_names, std::string* unknown_name,
                                               std::int64_t* unknown_row) const& {
    if (!by_name_) return values_;
    std::vector<std::int32_t> class_of_name;
    if (!classes_of_names(class_names, class_of_name, unknown_name, unknown_row)) return {};
    std::vector<std::int32_t> out(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i)
        out[i] = values_[i] < 0 ? -1 : class_of_name[static_cast<std::size_t>(values_[i])];
    return out;
}

std::vector<std::int32_t> LabelColumn::resolve(const std::vector<std::string>& class_names, std::string* unknown_name,
                                               std::int64_t* unknown_row) && {
    if (by_name_) {
        std::vector<std::int32_t> class_of_name;
        if (!classes_of_names(class_names, class_of_name, unknown_name, unknown_row)) return {};
        for (std::int32_t& v : values_) v = v < 0 ? -1 : class_of_name[static_cast<std::size_t>(v)];
        by_name_ = false;  // the entries are class indices now
    }
    return std::move(values_);
}

}  // namespace labelscope::io
