#include "native/args.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "native/js_number.hpp"
#include "native/suggest.hpp"
#include "native/utf8.hpp"

namespace labelscope::cli {

namespace {

enum class Type { none, string, boolean };

struct Spec {
    std::vector<std::pair<std::string, Type>> options;
    std::vector<std::string> formats;
};

const std::vector<std::pair<std::string, Type>> INPUT = {
    {"labels", Type::string},         {"pred-probs", Type::string},
    {"data", Type::string},           {"label-column", Type::string},
    {"format", Type::string},         {"out", Type::string},
    {"single-thread", Type::boolean}, {"allow-unnormalized", Type::boolean},
    {"float32", Type::boolean},       {"help", Type::boolean},
};
// --multi-label and its flags, on every command (src/cli/cmd-multilabel.mjs).
const std::vector<std::pair<std::string, Type>> MULTI_LABEL = {
    {"multi-label", Type::boolean}, {"per-class", Type::boolean},  {"aggregator", Type::string},
    {"alpha", Type::string},        {"temperature", Type::string},
};
const std::vector<std::pair<std::string, Type>> FIND = {
    {"filter-by", Type::string},          {"rank-by", Type::string},
    {"frac-noise", Type::string},         {"min-examples-per-class", Type::string},
    {"adjust-pred-probs", Type::boolean},
};

template <class... Lists>
std::vector<std::pair<std::string, Type>> join(const Lists&... lists) {
    std::vector<std::pair<std::string, Type>> out;
    (out.insert(out.end(), lists.begin(), lists.end()), ...);
    return out;
}

const Spec* spec_of(const std::string& command) {
    static const std::map<std::string, Spec> specs = {
        {"find-issues", {join(INPUT, FIND, MULTI_LABEL), {"json", "csv"}}},
        {"scores",
         {join(
              INPUT,
              std::vector<std::pair<std::string, Type>>{{"method", Type::string}, {"adjust-pred-probs", Type::boolean}},
              MULTI_LABEL),
          {"json", "csv"}}},
        {"health", {join(INPUT, MULTI_LABEL), {"json"}}},
        {"audit", {join(INPUT, FIND, MULTI_LABEL), {"json", "csv"}}},
    };
    const auto it = specs.find(command);
    return it == specs.end() ? nullptr : &it->second;
}

// Flags of the Node CLI's commands that this one leaves to it: probabilities computed from
// features (cross-validation) run in the Node CLI only.
const char* const NODE_ONLY_OPTIONS[] = {"features", "text-column", "folds", "seed", "c",
                                         "impute",   "fold-case",   "quiet", "q"};
bool node_only_option(const std::string& name) {
    for (const char* o : NODE_ONLY_OPTIONS)
        if (name == o) return true;
    return false;
}

// The long flags the Node CLI knows for a command, this CLI's and the ones it leaves to Node: a mistyped
// flag is answered with the same suggestion by both.
std::vector<std::string> known_flags(const Spec& spec) {
    std::vector<std::string> names;
    for (const auto& option : spec.options) names.push_back(option.first);
    for (const char* o : NODE_ONLY_OPTIONS)
        if (std::string(o) != "q") names.emplace_back(o);  // -q is short only
    return names;
}

Type type_of(const Spec& spec, const std::string& name) {
    for (const auto& [key, type] : spec.options)
        if (key == name) return type;
    return Type::none;
}

// JS string length (UTF-16 code units) of valid UTF-8.
std::size_t js_length(const std::string& s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const Utf8Char c = utf8_at(s, i);
        n += c.code >= 0x10000 ? 2 : 1;
        i += c.length;
    }
    return n;
}

// The code units of s after its first one, each as the text Node prints for it (a lone surrogate
// half as U+FFFD).
std::vector<std::string> units_after_first(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = utf8_at(s, 0).length;
    while (i < s.size()) {
        const Utf8Char c = utf8_at(s, i);
        if (c.code >= 0x10000) {
            out.emplace_back("\xEF\xBF\xBD");
            out.emplace_back("\xEF\xBF\xBD");
        } else {
            out.emplace_back(s.substr(i, c.length));
        }
        i += c.length;
    }
    return out;
}

struct Token {
    bool option = false;
    std::string name, raw, value;
    bool has_value = false, inline_value = false;
};

// node:util parseArgs' tokenizer for options without string-typed short names.
std::vector<Token> tokens_of(const std::vector<std::string>& args, const Spec& spec) {
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const std::size_t length = js_length(arg);
        if (arg == "--") {
            for (++i; i < args.size(); ++i) tokens.push_back({false, "", "", args[i], true});
            break;
        }
        const auto short_option = [&](const std::string& unit) {
            const std::string name = unit == "h" ? "help" : unit;
            tokens.push_back({true, name, "-" + unit, "", false, false});
        };
        if (length == 2 && arg[0] == '-' && arg[1] != '-') {
            short_option(units_after_first(arg)[0]);
        } else if (length > 2 && arg[0] == '-' && arg[1] != '-') {
            for (const std::string& unit : units_after_first(arg)) short_option(unit);
        } else if (length > 2 && arg.compare(0, 2, "--") == 0) {
            const std::size_t eq = arg.find('=', 3);
            if (eq == std::string::npos) {
                Token t{true, arg.substr(2), arg, "", false, false};
                if (type_of(spec, t.name) == Type::string && i + 1 < args.size()) {
                    t.value = args[++i];
                    t.has_value = true;
                }
                tokens.push_back(t);
            } else {
                const std::string name = arg.substr(2, eq - 2);
                tokens.push_back({true, name, "--" + name, arg.substr(eq + 1), true, true});
            }
        } else {
            tokens.push_back({false, "", "", arg, true});
        }
    }
    return tokens;
}

// What describeParseError extracts with /'(-[^' ]+)/ from parseArgs' message about `quoted`.
std::string option_in_message(const std::string& quoted) {
    if (quoted.size() < 2 || quoted[1] == '\'' || quoted[1] == ' ') return "undefined";
    return quoted.substr(0, quoted.find_first_of("' ", 1));
}

bool is_digits_with_spaces(const std::string& text) {  // /^\s*\d+\s*$/
    const std::string_view core = js_trim(text);
    if (core.empty()) return false;
    for (const char c : core)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// checkMultiLabelValues (src/cli/cmd-multilabel.mjs): before the other checks, as there.
template <class Fail>
void check_multi_label_values(const std::string& command, Values& v, const Fail& fail) {
    const bool ml = v.has("multi-label");
    for (const char* flag : {"per-class", "aggregator", "alpha", "temperature"})
        if (v.has(flag) && !ml) fail(std::string("--") + flag + " goes with --multi-label.");
    if (!ml) return;
    if (v.has("per-class") && command != "find-issues") fail("--per-class goes with find-issues.");
    if (const std::string* text = v.get("alpha")) {
        if (ascii_lower(js_trim(*text)) == "none") {
            v.alpha_none = true;
        } else {
            const double a = js_trim(*text).empty() ? NAN : js_to_number(*text);
            if (!(a >= 0 && a <= 1)) fail("--alpha must be a number in [0, 1] or 'none'; got '" + *text + "'.");
            v.alpha = a;
        }
    }
    if (const std::string* text = v.get("temperature")) {
        const double t = js_trim(*text).empty() ? NAN : js_to_number(*text);
        if (!(t > 0) || !std::isfinite(t)) fail("--temperature must be a number > 0; got '" + *text + "'.");
        v.temperature = t;
    }
}

void check_values(const std::string& command, const Spec& spec, Values& v) {
    const auto fail = [&](const std::string& message) { throw UsageError(message, command); };
    check_multi_label_values(command, v, fail);
    const bool data = v.has("data"), labels = v.has("labels"), probs = v.has("pred-probs");
    if (data && (labels || probs)) fail("give either --data or --labels and --pred-probs, not both.");
    if (!data && (!labels || !probs)) {
        fail(!labels && !probs ? "missing input: give --labels and --pred-probs (or --data)."
                               : std::string("missing ") + (!labels ? "--labels" : "--pred-probs") + ".");
    }
    if (v.has("label-column") && !data) fail("--label-column goes with --data.");
    for (const char* key : {"labels", "pred-probs", "data", "out", "label-column"}) {
        const std::string* value = v.get(key);
        if (value != nullptr && value->empty()) fail(std::string("--") + key + " needs a value.");
    }
    if (const std::string* format = v.get("format")) v.format = *format;
    bool known = false;
    std::string formats;
    for (const std::string& f : spec.formats) {
        known = known || f == v.format;
        formats += (formats.empty() ? "" : " or ") + f;
    }
    if (!known) fail("--format must be " + formats + " for " + command + "; got '" + v.format + "'.");
    if (const std::string* text = v.get("frac-noise")) {
        const double f = js_trim(*text).empty() ? NAN : js_to_number(*text);
        if (!std::isfinite(f)) fail("--frac-noise must be a number in (0, 1]; got '" + *text + "'.");
        v.frac_noise = f;
    }
    if (const std::string* text = v.get("min-examples-per-class")) {
        const double n = js_to_number(*text);
        if (!is_digits_with_spaces(*text) || !(n <= 9007199254740991.0)) {
            fail("--min-examples-per-class must be a whole number >= 0; got '" + *text + "'.");
        }
        v.min_examples_per_class = n;
    }
}

// Whether two paths are the same file: the same path once made absolute and normal (as Node's
// path.resolve), or the same inode (a symlink or hard link to the file counts). As src/cli/paths.mjs.
bool same_file(const std::string& a, const std::string& b) {
    namespace fs = std::filesystem;
    std::error_code ea, eb;
    const fs::path pa = fs::absolute(a, ea).lexically_normal(), pb = fs::absolute(b, eb).lexically_normal();
    if (!ea && !eb && pa == pb) return true;
    struct stat sa {
    }, sb{};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

void check_out_not_input(const std::string& command, const Values& v) {
    const std::string* out = v.get("out");
    if (out == nullptr || out->empty()) return;
    for (const char* flag : {"labels", "pred-probs", "data"}) {
        const std::string* input = v.get(flag);
        if (input != nullptr && !input->empty() && same_file(*out, *input))
            throw UsageError("--out " + *out + " is an input file (--" + flag + "); write the output to another file.",
                             command);
    }
}

const char* const NODE_ONLY_COMMANDS[] = {"cross-val", "simulate-noise"};

std::string command_list(bool with_node_only) {
    std::string out;
    for (const std::string& c : command_names()) out += (out.empty() ? "" : ", ") + c;
    if (with_node_only)
        for (const char* c : NODE_ONLY_COMMANDS) out += std::string(", ") + c;
    return out;
}

}  // namespace

NodeOnlyCommand::NodeOnlyCommand(const std::string& command)
    : std::runtime_error("'" + command + "' is available in the Node CLI: npx labelscope " + command +
                         " ... (this native build has " + command_list(false) + ").") {}

NodeOnlyOption::NodeOnlyOption(const std::string& command, const std::string& option)
    : std::runtime_error("'" + option + "' is available in the Node CLI: npx labelscope " + command + " " + option +
                         " ... (this native build reads --pred-probs or --data).") {}

const std::vector<std::string>& command_names() {
    static const std::vector<std::string> names = {"find-issues", "scores", "health", "audit"};
    return names;
}

CommandLine parse_command_line(const std::vector<std::string>& argv) {
    if (argv.empty()) throw UsageError("no command given.", "");
    const std::string& command = argv[0];
    CommandLine line;
    if (command == "--help" || command == "-h" || command == "help") {
        line.kind = CommandLine::Kind::help;
        return line;
    }
    if (command == "--version" || command == "-V") {
        line.kind = CommandLine::Kind::version;
        return line;
    }
    const Spec* spec = spec_of(command);
    for (const char* c : NODE_ONLY_COMMANDS)
        if (spec == nullptr && command == c) throw NodeOnlyCommand(command);
    if (spec == nullptr) {
        std::vector<std::string> commands = command_names();
        commands.insert(commands.end(), std::begin(NODE_ONLY_COMMANDS), std::end(NODE_ONLY_COMMANDS));
        const std::string what = command.rfind('-', 0) == 0
                                     ? "unknown option '" + command + "'."
                                     : "unknown command '" + command + "'." + command_suggestion(command, commands);
        throw UsageError(what + " Commands: " + command_list(true) + ".", "");
    }
    line.command = command;
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    for (const std::string& a : rest) {
        if (a == "--help" || a == "-h") {
            line.kind = CommandLine::Kind::help;
            return line;
        }
    }
    for (const Token& t : tokens_of(rest, *spec)) {
        const auto fail = [&](const std::string& message) { throw UsageError(message, command); };
        if (!t.option) {
            const std::string shown = t.value.substr(0, t.value.find('\''));
            fail("unexpected argument '" + shown + "' (every value follows its --flag).");
        }
        const Type type = type_of(*spec, t.name);
        if (type == Type::none && node_only_option(t.name)) throw NodeOnlyOption(command, t.raw);
        if (type == Type::none) {
            const std::string option = option_in_message(t.raw);
            fail("unknown option '" + option + "'." + flag_suggestion(option, known_flags(*spec)));
        }
        if (type == Type::string && !t.has_value) {
            fail("option '" + option_in_message("--" + t.name) + "' needs a value.");
        }
        if (type == Type::boolean && t.has_value) {
            fail("option '" + option_in_message(t.name == "help" ? "-h, --help" : "--" + t.name) + "' takes no value.");
        }
        if (type == Type::string && !t.inline_value && t.value.size() > 1 && t.value[0] == '-') {
            const std::string option = option_in_message(t.raw);
            fail("option '" + option + "' needs a value; for a value starting with '-', write " + option + "=VALUE.");
        }
        line.values.given[t.name] = type == Type::boolean ? "true" : t.value;
    }
    // As src/cli/paths.mjs: a flag given twice is refused (not the last one silently taken).
    std::set<std::string> seen;
    for (const Token& t : tokens_of(rest, *spec)) {
        if (!seen.insert(t.name).second)
            throw UsageError("option '--" + t.name + "' is given more than once; give it once.", command);
    }
    check_values(command, *spec, line.values);
    check_out_not_input(command, line.values);
    return line;
}

}  // namespace labelscope::cli
