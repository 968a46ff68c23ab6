// What the single-label commands (commands.cpp) and the multi-label ones (multilabel.cpp) print
// alike: numbers, a flag's value, a class's quality in health, the data's own columns in an issue,
// and the CSV tables of scores and of issues.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/health.hpp"
#include "io/dataset.hpp"
#include "native/args.hpp"
#include "native/commands.hpp"
#include "native/js_value.hpp"

namespace labelscope::cli {

inline JsValue num(double x) { return JsValue::number(x); }

template <class T>
JsValue numbers_of(const std::vector<T>& v) {
    return JsValue::numbers(std::vector<double>(v.begin(), v.end()));
}

// The value given for `key`, else `fallback`.
std::string flag_or(const Values& v, const char* key, const char* fallback);

// {class, name, label_issues, inverse_label_issues, label_noise, inverse_label_noise, label_quality_score}
JsValue class_quality_value(const ClassQuality& q, JsValue name);

// The fields of an issue: [fixed, fixed_end), then one per id/text column of the data; a column
// whose name clashes with a fixed field gets a "data_" prefix.
std::vector<std::string> issue_fields(const char* const* fixed, const char* const* fixed_end,
                                      const std::vector<io::TextColumn>& columns);
// Sets the data's own columns of example i on `issue`: fields[first + e] for column e.
void set_data_columns(JsValue& issue, const std::vector<std::string>& fields, std::size_t first,
                      const std::vector<io::TextColumn>& columns, std::size_t i);

// The scores table: index, score.
void scores_csv(CommandResult& r, std::shared_ptr<const std::vector<double>> values);

// A cell that replaces the issue's own value of a field (nullptr: none), e.g. a set as text.
using CellOverride = std::function<const JsValue*(std::size_t row, const std::string& field)>;
// One row per issue, one cell per field: the issue's value (a missing field is empty).
void issues_csv(CommandResult& r, std::shared_ptr<const std::vector<JsValue>> issues,
                std::shared_ptr<const std::vector<std::string>> fields, CellOverride override_cell = nullptr);

}  // namespace labelscope::cli
