// A JSON value built the way the Node CLI builds its result objects, printed the way its toJson()
// prints them (src/cli/output.mjs): objects indented, arrays of scalars and records of scalars on
// one line, numbers as String(number).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "native/text_out.hpp"

namespace labelscope::cli {

class JsValue {
public:
    enum class Kind { null, boolean, number, string, numbers, array, object, generated };

    JsValue() = default;  // null
    static JsValue boolean(bool b);
    static JsValue number(double x);
    static JsValue string(std::string bytes);            // the core's bytes; printed as Node prints them
    static JsValue numbers(std::vector<double> values);  // an array of numbers, stored flat
    static JsValue array();
    static JsValue object();
    // An array of `count` objects or arrays made one at a time while printing (item(i) must not be a
    // scalar), so that K x K tables never exist as JsValue trees.
    static JsValue generated(std::size_t count, std::function<JsValue(std::size_t)> item);

    Kind kind() const { return kind_; }
    bool is_scalar() const {
        return kind_ == Kind::null || kind_ == Kind::boolean || kind_ == Kind::number || kind_ == Kind::string;
    }
    double number_value() const { return number_; }
    const std::string& string_value() const { return text_; }

    // Arrays.
    JsValue& push(JsValue v);
    // Objects, with a JS object's rules: setting a key again replaces its value in place.
    JsValue& set(const std::string& key, JsValue v);
    // The value of a key, or nullptr.
    const JsValue* get(const std::string& key) const;

    // toJson(value): the CLI's JSON text (no trailing newline).
    std::string to_json() const;
    // The same text, written to `out` a piece at a time.
    void write_json(TextOut& out) const;

private:
    void write(TextOut& out, const std::string& indent) const;
    void write_scalar(std::string& out) const;
    // Keys in JS property order: array-index keys ascending first, then the others as set.
    std::vector<const std::pair<std::string, JsValue>*> ordered_entries() const;

    Kind kind_ = Kind::null;
    bool bool_ = false;
    double number_ = 0;
    std::string text_;
    std::vector<double> numbers_;
    std::vector<JsValue> items_;
    std::vector<std::pair<std::string, JsValue>> entries_;
    std::size_t count_ = 0;
    std::shared_ptr<const std::function<JsValue(std::size_t)>> item_;
};

}  // namespace labelscope::cli
