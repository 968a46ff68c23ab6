// "Did you mean --labels?" after a mistyped flag or command, as the Node CLI says it
// (src/cli/suggest.mjs): the same nearest name, picked the same way.
#pragma once

#include <string>
#include <vector>

namespace labelscope::cli {

// The name of `names` that `typed` most likely meant, or "": the fewest edits (insert, delete, replace,
// swap two neighbours; in code points), at most 2 and at most a third of the typed length (one for short
// names); else the only name `typed` begins (3 characters or more). Ties: the alphabetically first name.
std::string nearest_name(const std::string& typed, std::vector<std::string> names);

// " Did you mean --labels?" for an unknown option "--lables" among the flags `names` (without "--"), or "".
std::string flag_suggestion(const std::string& option, const std::vector<std::string>& names);

// " Did you mean find-issues?" for an unknown command, or "".
std::string command_suggestion(const std::string& command, const std::vector<std::string>& names);

}  // namespace labelscope::cli
