// The four commands on a dataset read into memory: each returns what the Node CLI's command
// returns (src/cli/commands.mjs): the JSON result, the CSV table and the warnings.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "io/dataset.hpp"
#include "native/args.hpp"
#include "native/csv_out.hpp"
#include "native/js_value.hpp"

namespace labelscope::cli {

struct CommandResult {
    JsValue json;
    std::vector<std::string> warning_messages;  // printed on stderr with --format csv
    std::vector<JsValue> csv_header;
    std::size_t csv_rows = 0;
    CsvRow csv_row;  // fills row i (valid while the dataset lives)
};

// Reader and analysis warnings, each once: {code, message, count, example?, class?} (warningsOf
// in src/cli/analysis-flags.mjs), and their messages for stderr.
struct MergedWarnings {
    JsValue json = JsValue::array();
    std::vector<std::string> messages;
};
MergedWarnings merge_warnings(const Warnings& first, const Warnings& second);

// Runs `command` (one of command_names()). Throws LabelScopeError as the core does.
CommandResult run_command(const std::string& command, const io::Dataset& dataset, const Warnings& read_warnings,
                          const Values& values);

}  // namespace labelscope::cli
