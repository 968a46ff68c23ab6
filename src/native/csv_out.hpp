// CSV text as the Node CLI writes it (src/cli/output.mjs toCsv): RFC 4180 quoting, and text cells
// a spreadsheet would run as a formula neutralised like src/js/csv-safe.js does.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "native/js_value.hpp"
#include "native/text_out.hpp"

namespace labelscope::cli {

// spreadsheetSafe(value): String(value), with a leading ' for formula-like text that is not a number.
std::string spreadsheet_safe(const JsValue& value);

// Fills `cells` with the values of row i (as many as the header has).
using CsvRow = std::function<void(std::size_t i, std::vector<JsValue>& cells)>;

// The header row and `num_rows` rows, "\n" after every line. Rows are made one at a time.
std::string to_csv(const std::vector<JsValue>& header, std::size_t num_rows, const CsvRow& row);
// The same text, written to `out` a line at a time.
void write_csv(TextOut& out, const std::vector<JsValue>& header, std::size_t num_rows, const CsvRow& row);

}  // namespace labelscope::cli
