#include "native/command_out.hpp"

#include <utility>

namespace labelscope::cli {

std::string flag_or(const Values& v, const char* key, const char* fallback) {
    const std::string* given = v.get(key);
    return given ? *given : fallback;
}

JsValue class_quality_value(const ClassQuality& q, JsValue name) {
    JsValue o = JsValue::object();
    o.set("class", num(q.class_index));
    o.set("name", std::move(name));
    o.set("label_issues", num(static_cast<double>(q.label_issues)));
    o.set("inverse_label_issues", num(static_cast<double>(q.inverse_label_issues)));
    o.set("label_noise", num(q.label_noise));
    o.set("inverse_label_noise", num(q.inverse_label_noise));
    o.set("label_quality_score", num(q.label_quality_score));
    return o;
}

std::vector<std::string> issue_fields(const char* const* fixed, const char* const* fixed_end,
                                      const std::vector<io::TextColumn>& columns) {
    std::vector<std::string> fields(fixed, fixed_end);
    for (const io::TextColumn& column : columns) {
        bool clash = false;
        for (const char* const* f = fixed; f != fixed_end; ++f) clash = clash || column.name == *f;
        fields.push_back(clash ? "data_" + column.name : column.name);
    }
    return fields;
}

void set_data_columns(JsValue& issue, const std::vector<std::string>& fields, std::size_t first,
                      const std::vector<io::TextColumn>& columns, std::size_t i) {
    for (std::size_t e = 0; e < columns.size(); ++e) {
        const std::string& key = fields[first + e];
        // issue.__proto__ = 'text' sets no property in JS.
        if (key != "__proto__") issue.set(key, JsValue::string(columns[e].values[i]));
    }
}

void scores_csv(CommandResult& r, std::shared_ptr<const std::vector<double>> values) {
    r.csv_header = {JsValue::string("index"), JsValue::string("score")};
    r.csv_rows = values->size();
    r.csv_row = [values](std::size_t i, std::vector<JsValue>& cells) {
        cells[0] = num(static_cast<double>(i));
        cells[1] = num((*values)[i]);
    };
}

void issues_csv(CommandResult& r, std::shared_ptr<const std::vector<JsValue>> issues,
                std::shared_ptr<const std::vector<std::string>> fields, CellOverride override_cell) {
    for (const std::string& h : *fields) r.csv_header.push_back(JsValue::string(h));
    r.csv_rows = issues->size();
    r.csv_row = [issues, fields, override_cell](std::size_t row, std::vector<JsValue>& cells) {
        const JsValue& issue = (*issues)[row];
        for (std::size_t h = 0; h < fields->size(); ++h) {
            const std::string& key = (*fields)[h];
            const JsValue* replaced = override_cell ? override_cell(row, key) : nullptr;
            const JsValue* value = issue.get(key);
            if (replaced)
                cells[h] = *replaced;
            else if (key == "__proto__")
                cells[h] = JsValue::object();  // x['__proto__'] is Object.prototype: String() of it
            else
                cells[h] = value ? *value : JsValue();
        }
    };
}

}  // namespace labelscope::cli
