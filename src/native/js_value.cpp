#include "native/js_value.hpp"

#include <algorithm>
#include <cmath>

#include "native/js_number.hpp"
#include "native/js_text.hpp"

namespace labelscope::cli {

namespace {

// A canonical array index ("0", "17", up to 2^32 - 2): JS lists such keys first, ascending.
bool array_index(const std::string& key, unsigned long long& value) {
    if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return false;
    value = 0;
    for (const char c : key) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value <= 4294967294ULL;
}

void append_number_or_null(std::string& out, double x) {
    if (std::isfinite(x))
        append_js_number(out, x);
    else
        out += "null";  // JSON.stringify(NaN)
}

}  // namespace

JsValue JsValue::boolean(bool b) {
    JsValue v;
    v.kind_ = Kind::boolean;
    v.bool_ = b;
    return v;
}
JsValue JsValue::number(double x) {
    JsValue v;
    v.kind_ = Kind::number;
    v.number_ = x;
    return v;
}
JsValue JsValue::string(std::string bytes) {
    JsValue v;
    v.kind_ = Kind::string;
    v.text_ = std::move(bytes);
    return v;
}
JsValue JsValue::numbers(std::vector<double> values) {
    JsValue v;
    v.kind_ = Kind::numbers;
    v.numbers_ = std::move(values);
    return v;
}
JsValue JsValue::array() {
    JsValue v;
    v.kind_ = Kind::array;
    return v;
}
JsValue JsValue::object() {
    JsValue v;
    v.kind_ = Kind::object;
    return v;
}

JsValue JsValue::generated(std::size_t count, std::function<JsValue(std::size_t)> item) {
    JsValue v;
    v.kind_ = Kind::generated;
    v.count_ = count;
    v.item_ = std::make_shared<const std::function<JsValue(std::size_t)>>(std::move(item));
    return v;
}

JsValue& JsValue::push(JsValue v) {
    items_.push_back(std::move(v));
    return *this;
}

JsValue& JsValue::set(const std::string& key, JsValue v) {
    for (auto& entry : entries_) {
        if (entry.first == key) {
            entry.second = std::move(v);
            return *this;
        }
    }
    entries_.emplace_back(key, std::move(v));
    return *this;
}

const JsValue* JsValue::get(const std::string& key) const {
    for (const auto& entry : entries_)
        if (entry.first == key) return &entry.second;
    return nullptr;
}

std::vector<const std::pair<std::string, JsValue>*> JsValue::ordered_entries() const {
    std::vector<const std::pair<std::string, JsValue>*> out;
    std::vector<std::pair<unsigned long long, const std::pair<std::string, JsValue>*>> indexed;
    for (const auto& entry : entries_) {
        unsigned long long index = 0;
        if (array_index(entry.first, index)) indexed.emplace_back(index, &entry);
    }
    std::sort(indexed.begin(), indexed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& entry : indexed) out.push_back(entry.second);
    for (const auto& entry : entries_) {
        unsigned long long index = 0;
        if (!array_index(entry.first, index)) out.push_back(&entry);
    }
    return out;
}

void JsValue::write_scalar(std::string& out) const {
    switch (kind_) {
        case Kind::boolean: out += bool_ ? "true" : "false"; break;
        case Kind::number: append_number_or_null(out, number_); break;
        case Kind::string: append_json_string(out, text_); break;
        default: out += "null"; break;
    }
}

void JsValue::write(TextOut& sink, const std::string& indent) const {
    std::string& out = sink.text;  // stays the same string when the sink spills
    if (is_scalar()) return write_scalar(out);
    const std::string inner = indent + "  ";
    if (kind_ == Kind::numbers) {
        if (numbers_.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (std::size_t i = 0; i < numbers_.size(); ++i) {
            if (i > 0) out += ", ";
            append_number_or_null(out, numbers_[i]);
            sink.maybe_spill();
        }
        out += ']';
        return;
    }
    if (kind_ == Kind::generated) {
        if (count_ == 0) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < count_; ++i) {
            if (i > 0) out += ",\n";
            out += inner;
            (*item_)(i).write(sink, inner);
            sink.maybe_spill();
        }
        out += '\n';
        out += indent;
        out += ']';
        return;
    }
    if (kind_ == Kind::array) {
        if (items_.empty()) {
            out += "[]";
            return;
        }
        const bool flat = std::all_of(items_.begin(), items_.end(), [](const JsValue& x) { return x.is_scalar(); });
        if (flat) {
            out += '[';
            for (std::size_t i = 0; i < items_.size(); ++i) {
                if (i > 0) out += ", ";
                items_[i].write_scalar(out);
                sink.maybe_spill();
            }
            out += ']';
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < items_.size(); ++i) {
            if (i > 0) out += ",\n";
            out += inner;
            items_[i].write(sink, inner);
            sink.maybe_spill();
        }
        out += '\n';
        out += indent;
        out += ']';
        return;
    }
    const auto entries = ordered_entries();
    if (entries.empty()) {
        out += "{}";
        return;
    }
    const bool flat = !indent.empty() &&
                      std::all_of(entries.begin(), entries.end(), [](const auto* e) { return e->second.is_scalar(); });
    if (flat) {
        out += '{';
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i > 0) out += ", ";
            append_json_string(out, entries[i]->first);
            out += ": ";
            entries[i]->second.write_scalar(out);
            sink.maybe_spill();
        }
        out += '}';
        return;
    }
    out += "{\n";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out += ",\n";
        out += inner;
        append_json_string(out, entries[i]->first);
        out += ": ";
        entries[i]->second.write(sink, inner);
        sink.maybe_spill();
    }
    out += '\n';
    out += indent;
    out += '}';
}

std::string JsValue::to_json() const {
    TextOut out;
    if (kind_ == Kind::numbers) out.text.reserve(numbers_.size() * 20 + 16);
    write(out, "");
    return std::move(out.text);
}

void JsValue::write_json(TextOut& out) const { write(out, ""); }

}  // namespace labelscope::cli
