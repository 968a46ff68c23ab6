// What a failed read most likely means, when the files themselves say so, as the Node CLI says it
// (src/cli/input-hints.mjs): --labels and --pred-probs swapped, or a table of features given as
// probabilities (--data; this build has no trainer: the Node CLI's --features computes them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "native/input.hpp"

namespace labelscope::cli {

struct InputHint {
    std::string message;   // with the file
    bool replaces = true;  // false: said after the reader's error (rows that do not sum to 1 say what they are)
};

// What a failed read with error `code` is reported as instead, or followed by; or nothing.
std::optional<InputHint> input_hint(const std::string& code, const std::vector<InputFile>& files,
                                    const std::string& command);

}  // namespace labelscope::cli
