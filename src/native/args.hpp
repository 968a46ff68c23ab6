// The command line, parsed as the Node CLI parses it (src/cli/args.mjs, node:util parseArgs in
// strict mode): the same flags per command, the same usage errors in the same order.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace labelscope::cli {

// A usage error (exit code 2); `command` is empty for errors before a command was recognised.
class UsageError : public std::runtime_error {
public:
    UsageError(const std::string& message, std::string command)
        : std::runtime_error(message), command_(std::move(command)) {}
    const std::string& command() const { return command_; }

private:
    std::string command_;
};

// A command the Node CLI has and this one does not (exit code 2 with a pointer to it).
class NodeOnlyCommand : public std::runtime_error {
public:
    explicit NodeOnlyCommand(const std::string& command);
};

// A flag of the Node CLI that this one does not have (--features ...): exit code 2, a pointer to it.
class NodeOnlyOption : public std::runtime_error {
public:
    NodeOnlyOption(const std::string& command, const std::string& option);
};

// The flags given, by long name: strings as given, booleans as "true".
struct Values {
    std::map<std::string, std::string> given;
    bool has(const std::string& key) const { return given.count(key) > 0; }
    const std::string* get(const std::string& key) const {
        const auto it = given.find(key);
        return it == given.end() ? nullptr : &it->second;
    }
    std::string format = "json";
    std::optional<double> frac_noise;
    std::optional<double> min_examples_per_class;
    // --multi-label's aggregator flags: --alpha A (or 'none': alpha_none), --temperature T.
    std::optional<double> alpha;
    bool alpha_none = false;
    std::optional<double> temperature;
};

struct CommandLine {
    enum class Kind { help, version, run } kind = Kind::run;
    std::string command;  // empty for the top-level help
    Values values;
};

// The commands of the native CLI, in help order.
const std::vector<std::string>& command_names();

// Parses argv without the program name (as UTF-8 with invalid bytes replaced, as Node sees it).
// Throws UsageError, NodeOnlyCommand or NodeOnlyOption.
CommandLine parse_command_line(const std::vector<std::string>& argv);

}  // namespace labelscope::cli
