#include "io/label_sets.hpp"

#include <algorithm>

#include "io/number_parse.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// A JSON string starting at s[i] == '"'; appends the unescaped text, returns the index after it.
bool json_string(std::string_view s, std::size_t& i, std::string& out, std::string& error) {
    ++i;
    while (i < s.size()) {
        const char c = s[i++];
        if (c == '"') return true;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i >= s.size()) break;
        const char e = s[i++];
        switch (e) {
            case '"':
            case '\\':
            case '/': out += e; break;
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                if (i + 4 > s.size()) break;
                unsigned v = 0;
                for (int d = 0; d < 4; ++d) {
                    const char h = s[i++];
                    v = v * 16 + static_cast<unsigned>(h >= '0' && h <= '9'   ? h - '0'
                                                       : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                                       : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                                              : 99);
                    if (v > 0xFFFF) {
                        error = "has a bad \\u escape in a JSON string";
                        return false;
                    }
                }
                // UTF-8 encode (surrogate pairs are rare in class names: kept as two code points).
                if (v < 0x80)
                    out += static_cast<char>(v);
                else if (v < 0x800)
                    out += static_cast<char>(0xC0 | (v >> 6)), out += static_cast<char>(0x80 | (v & 0x3F));
                else
                    out += static_cast<char>(0xE0 | (v >> 12)), out += static_cast<char>(0x80 | ((v >> 6) & 0x3F)),
                        out += static_cast<char>(0x80 | (v & 0x3F));
                break;
            }
            default: error = std::string("has an unknown escape '\\") + e + "' in a JSON string"; return false;
        }
    }
    error = "has a JSON string without its closing quote";
    return false;
}

bool split_json(std::string_view s, std::vector<std::string>& items, std::string& error) {
    std::size_t i = 1;  // after '['
    auto skip = [&] {
        while (i < s.size() && (is_blank(s[i]) || s[i] == '\n' || s[i] == '\r')) ++i;
    };
    skip();
    if (i < s.size() && s[i] == ']') {
        ++i;
        skip();
        if (i != s.size()) error = "has text after the closing ']'";
        return error.empty();
    }
    for (;;) {
        skip();
        if (i >= s.size()) {
            error = "is a JSON array without its closing ']'";
            return false;
        }
        std::string item;
        if (s[i] == '"') {
            if (!json_string(s, i, item, error)) return false;
        } else {
            const std::size_t start = i;
            while (i < s.size() && s[i] != ',' && s[i] != ']' && !is_blank(s[i])) ++i;
            item.assign(s.substr(start, i - start));
            bool integer = !item.empty();
            for (std::size_t c = 0; c < item.size(); ++c)
                integer = integer && ((item[c] >= '0' && item[c] <= '9') || (c == 0 && item[c] == '-'));
            if (!integer) {
                error = item.empty() ? "has an empty item in a JSON array"
                                     : "has '" + item +
                                           "' in a JSON array: items must be quoted class names or "
                                           "integer class indices";
                return false;
            }
        }
        items.push_back(std::move(item));
        skip();
        if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
        }
        if (i < s.size() && s[i] == ']') {
            ++i;
            skip();
            if (i != s.size()) error = "has text after the closing ']'";
            return error.empty();
        }
        error = i >= s.size() ? "is a JSON array without its closing ']'"
                              : std::string("has '") + s[i] + "' where a JSON array expects ',' or ']'";
        return false;
    }
}

}  // namespace

const char* to_string(SetNotation n) {
    switch (n) {
        case SetNotation::none: return "none";
        case SetNotation::semicolon: return "semicolon";
        case SetNotation::pipe: return "pipe";
        case SetNotation::json: return "json";
        case SetNotation::columns: return "columns";
        case SetNotation::npy: return "npy";
    }
    return "none";
}

SetNotation notation_of(std::string_view cell) {
    cell = trim(cell);
    if (!cell.empty() && cell.front() == '[') return SetNotation::json;
    const bool semi = cell.find(';') != std::string_view::npos, pipe = cell.find('|') != std::string_view::npos;
    if (semi && !pipe) return SetNotation::semicolon;
    if (pipe && !semi) return SetNotation::pipe;
    if (semi && pipe) return SetNotation::columns;  // both: reported as mixed by the caller
    return SetNotation::none;
}

bool looks_like_label_set(std::string_view cell) {
    cell = trim(cell);
    const SetNotation n = notation_of(cell);
    if (n == SetNotation::semicolon || n == SetNotation::pipe) return cell.size() > 1;
    return n == SetNotation::json && cell.find(',') != std::string_view::npos;
}

bool split_label_set(std::string_view cell, SetNotation notation, std::vector<std::string>& items, std::string& error) {
    items.clear();
    error.clear();
    cell = trim(cell);
    if (cell.empty()) return true;
    if (notation == SetNotation::json || cell.front() == '[') return split_json(cell, items, error);
    const char sep = notation == SetNotation::pipe ? '|' : ';';
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = cell.find(sep, start);
        const std::string_view item = trim(cell.substr(start, end == std::string_view::npos ? end : end - start));
        if (item.empty()) {
            error = std::string("has an empty class between '") + sep + "' separators";
            return false;
        }
        items.emplace_back(item);
        if (end == std::string_view::npos) return true;
        start = end + 1;
    }
}

void LabelSetColumn::add_cell(std::string_view cell, const std::string& file, std::int64_t row, std::int64_t column) {
    SetNotation n = notation_of(cell);
    // [] is the empty set whatever notation the file's other sets use (as an empty cell is).
    if (n == SetNotation::json && trim(trim(cell).substr(1)) == "]") {
        n = SetNotation::none;
        empty_array_ = true;
    }
    auto fail = [&](const std::string& what) {
        throw ReadError(ReadErrorCode::bad_label, "The label set '" + std::string(trim(cell)) + "' " + what + ".", file,
                        row, column);
    };
    if (n == SetNotation::columns) fail("mixes ';' and '|' separators; use one notation for the whole file");
    if (n != SetNotation::none) {
        if (notation_ == SetNotation::none) {
            notation_ = n;
            notation_row_ = row;
        } else if (n != notation_) {
            // Rows apart, not a row number: this reader counts file rows, people count data rows.
            const std::int64_t above = row - notation_row_;
            fail(std::string("is written in ") + to_string(n) + " notation but the set " + std::to_string(above) +
                 (above == 1 ? " row" : " rows") + " above uses " + to_string(notation_) +
                 " notation (mixed notations); write every set the same way");
        }
    }
    std::string error;
    if (!split_label_set(cell, n == SetNotation::none ? notation_ : n, items_, error)) fail(error);
    for (const auto& item : items_)
        if (!tokens_.add(item, row)) fail("has '" + item + "', which is not a class name or a class index");
    if (items_.size() > 1 && rows_with_several_++ == 0) first_several_row_ = row;
    offsets_.push_back(static_cast<std::int32_t>(tokens_.size()));
}

void LabelSetColumn::add_names(const std::vector<std::string>& names, std::int64_t row) {
    for (const auto& name : names) tokens_.add(name, row);
    if (names.size() > 1 && rows_with_several_++ == 0) first_several_row_ = row;
    offsets_.push_back(static_cast<std::int32_t>(tokens_.size()));
}

void LabelSetColumn::add_indices(const std::vector<std::int32_t>& classes) {
    for (std::int32_t c : classes) tokens_.add_index(c);
    if (classes.size() > 1) ++rows_with_several_;
    offsets_.push_back(static_cast<std::int32_t>(tokens_.size()));
}

void LabelSetColumn::drop_last(std::size_t count) {
    count = std::min(count, size());
    offsets_.resize(offsets_.size() - count);
    tokens_.truncate(static_cast<std::size_t>(offsets_.back()));
}

bool LabelSetColumn::resolve(const std::vector<std::string>& class_names, std::vector<std::int32_t>& offsets,
                             std::vector<std::int32_t>& classes, std::string* unknown,
                             std::int64_t* unknown_row) const {
    classes = tokens_.resolve(class_names, unknown, unknown_row);
    if (classes.empty() && tokens_.size() > 0) return false;
    // A set in class order without repeats, whatever order the file wrote it in.
    offsets.assign(1, 0);
    std::size_t out = 0;
    for (std::size_t i = 0; i + 1 < offsets_.size(); ++i) {
        const auto begin = classes.begin() + offsets_[i], end = classes.begin() + offsets_[i + 1];
        std::sort(begin, end);
        for (auto it = begin; it != end; ++it)
            if (it == begin || *it != *(it - 1)) classes[out++] = *it;
        offsets.push_back(static_cast<std::int32_t>(out));
    }
    classes.resize(out);
    return true;
}

}  // namespace labelscope::io
