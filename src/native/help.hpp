// The help texts of the native CLI (--help, <command> --help).
#pragma once

#include <string>

namespace labelscope::cli {

// labelscope --help, with the package version.
std::string top_help(const std::string& version);
// <command> --help, or nullptr for a command the native CLI does not have.
const char* command_help(const std::string& command);

}  // namespace labelscope::cli
