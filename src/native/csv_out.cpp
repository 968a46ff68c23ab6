#include "native/csv_out.hpp"

#include "native/js_number.hpp"
#include "native/js_text.hpp"

namespace labelscope::cli {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
bool looks_like_number(const std::string& s) {
    std::size_t i = 0, n = s.size();
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t whole = 0, fraction = 0;
    while (i < n && digit(s[i])) ++i, ++whole;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && digit(s[i])) ++i, ++fraction;
        if (whole == 0 && fraction == 0) return false;
    } else if (whole == 0) {
        return false;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent = 0;
        while (i < n && digit(s[i])) ++i, ++exponent;
        if (exponent == 0) return false;
    }
    return i == n;
}

bool formula_start(const std::string& s) {
    if (s.empty()) return false;
    const char c = s[0];
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// String(value) for the values a CLI row holds.
std::string js_string_of(const JsValue& v) {
    switch (v.kind()) {
        case JsValue::Kind::null: return "";
        case JsValue::Kind::boolean: return v.to_json();
        case JsValue::Kind::number: return js_number(v.number_value());
        case JsValue::Kind::string: return node_text(v.string_value());
        case JsValue::Kind::object: return "[object Object]";
        default: return "";
    }
}

void append_field(std::string& out, const JsValue& value) {
    const std::string text = spreadsheet_safe(value);
    if (text.find_first_of("\",\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_line(std::string& out, const std::vector<JsValue>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out += ',';
        append_field(out, row[i]);
    }
    out += '\n';
}

}  // namespace

std::string spreadsheet_safe(const JsValue& value) {
    std::string text = js_string_of(value);
    if (value.kind() == JsValue::Kind::number || !formula_start(text) || looks_like_number(text)) return text;
    return "'" + text;
}

void write_csv(TextOut& out, const std::vector<JsValue>& header, std::size_t num_rows, const CsvRow& row) {
    append_line(out.text, header);
    std::vector<JsValue> cells(header.size());
    for (std::size_t i = 0; i < num_rows; ++i) {
        row(i, cells);
        append_line(out.text, cells);
        out.maybe_spill();
    }
}

std::string to_csv(const std::vector<JsValue>& header, std::size_t num_rows, const CsvRow& row) {
    TextOut out;
    out.text.reserve(num_rows * 24 + 64);
    write_csv(out, header, num_rows, row);
    return std::move(out.text);
}

}  // namespace labelscope::cli
