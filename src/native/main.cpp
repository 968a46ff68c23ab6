// labelscope, native: the Node CLI's commands, flags, output and exit codes (src/cli/labelscope.mjs)
// on the C++ core directly, for big files and servers. Exit codes: 0 ok, 1 unexpected error,
// 2 usage, 3 bad input.
#include <sys/stat.h>
#include <unistd.h>

#include <fcntl.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "io/dataset_reader.hpp"
#include "io/read_error.hpp"
#include "native/args.hpp"
#include "native/commands.hpp"
#include "native/csv_out.hpp"
#include "native/help.hpp"
#include "native/input.hpp"
#include "native/input_hints.hpp"
#include "native/js_text.hpp"
#include "native/multilabel.hpp"
#include "native/node_errors.hpp"
#include "native/progress.hpp"
#include "native/text_out.hpp"
#include "native/utf8.hpp"

#ifndef LABELSCOPE_VERSION
#define LABELSCOPE_VERSION "0.0.0"
#endif

using namespace labelscope;
using namespace labelscope::cli;

namespace {

enum Exit { ok = 0, unexpected = 1, usage = 2, input = 3 };

// One line on stderr, as the Node CLI's say(): line breaks and surrounding space folded. Text
// that came from the core is passed through node_text() first, piece by piece, as Node got it.
void say(const std::string& text) { write_all(2, one_line(text) + "\n"); }

// A failure writing standard output; a closed pipe (| head) is not an error.
[[noreturn]] void stdout_failed(int error) {
    if (error == EPIPE) std::exit(ok);
    say("labelscope: cannot write to standard output: " + node_fs_message(error, "write", ""));  // as Node says it
    std::exit(input);  // a failure while writing: exit 3, as the Node CLI
}

// Standard output.
void print(const std::string& text) {
    if (!write_all(1, text)) stdout_failed(errno);
}

int usage_failure(const std::string& message, const std::string& command) {
    const std::string help = command.empty() ? "labelscope --help" : "labelscope " + command + " --help";
    say("labelscope" + (command.empty() ? "" : " " + command) + ": " + message + " Try '" + help + "'.");
    return usage;
}

// An error with where it is: "file, row 5, column 2: message" (row: a data row), or for the header
// line "file, line 1 (the header), column 2: message" (as src/js/errors.js errorWhere).
struct Located {
    std::string code, message, file;
    std::int64_t row = 0, column = 0, line = 0;
};

std::string located_text(const Located& e) {
    std::string where = e.file;
    const auto add = [&](const std::string& part) { where += (where.empty() ? "" : ", ") + part; };
    if (e.row > 0)
        add("row " + std::to_string(e.row));
    else if (e.line > 0)
        add("line " + std::to_string(e.line) + " (the header)");
    if (e.column > 0) add("column " + std::to_string(e.column));
    return where.empty() ? e.message : where + ": " + e.message;
}

// Errors about the whole dataset come without a file; name the file they are about.
void with_file(Located& e, const std::vector<InputFile>& files) {
    if (!e.file.empty() || e.code == "invalid_option") return;
    const bool label_error = e.code == "single_label_class" || e.code == "label_out_of_range" ||
                             e.code == "bad_label" || e.code == "unknown_class";
    const std::string role = files.size() == 1 ? "combined" : label_error ? "labels" : "predProbs";
    for (const InputFile& f : files)
        if (f.role_name == role) e.file = f.path;
}

int core_failure(Located e, const std::vector<InputFile>& files, const std::string& command, bool hints = false) {
    // What the files look like when it says more (swapped, features given as probabilities): input_hints.cpp.
    const auto hint = hints ? input_hint(e.code, files, command) : std::nullopt;
    if (hint && hint->replaces) {
        say("labelscope: " + node_text(hint->message));
        return input;
    }
    if (hint) e.message += hint->message;
    e.message = node_text(e.message);
    e.file = node_text(e.file);
    with_file(e, files);
    if (e.code == "invalid_option") return usage_failure(e.message, command);
    if (e.code == "internal_error") {
        say("labelscope: " + e.message);
        return unexpected;
    }
    say("labelscope: " + located_text(e));
    return input;
}

// The result (JSON, or the CSV table) written a piece at a time: it never exists as one string.
void write_result(TextOut& out, const CommandResult& result, const Values& values) {
    if (values.format == "csv") {
        write_csv(out, result.csv_header, result.csv_rows, result.csv_row);
    } else {
        result.json.write_json(out);
        out.text += '\n';
    }
    out.spill();
}

// "cannot write the output: ..." as the Node CLI says it: its open errors name the path, its write
// errors do not.
InputError output_error(int error, bool opening, const std::string& path) {
    const std::string why =
        error == ENOENT ? "no such folder" : node_fs_message(error, opening ? "open" : "write", opening ? path : "");
    return InputError("cannot write the output: " + why + ".", path);
}

// To standard output or --out FILE. As the Node CLI (src/cli/write.mjs), a failure removes the
// half-written file if this run created it, never a device or a file that was there before.
void emit(const CommandResult& result, const Values& values) {
    if (values.format == "csv")
        for (const std::string& message : result.warning_messages) say("labelscope: warning: " + node_text(message));
    const std::string* path = values.get("out");
    if (path == nullptr) {
        FdOut out(1);
        try {
            write_result(out, result, values);
        } catch (const FdOut::WriteFailed& e) {
            stdout_failed(e.error);
        }
        return;
    }
    struct stat info {};
    const bool created = ::stat(path->c_str(), &info) != 0;
    const int fd = ::open(path->c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) throw output_error(errno, true, *path);
    const auto remove_own = [&] {
        ::close(fd);
        if (created && ::stat(path->c_str(), &info) == 0 && S_ISREG(info.st_mode)) ::unlink(path->c_str());
    };
    try {
        FdOut out(fd);
        write_result(out, result, values);
    } catch (const FdOut::WriteFailed& e) {
        remove_own();
        throw output_error(e.error, false, *path);
    } catch (...) {
        remove_own();
        throw;
    }
    ::close(fd);
}

int run(const std::string& command, const Values& values) {
    std::vector<InputFile> files;
    try {
        files = input_files(values);  // missing files fail before anything is read
    } catch (const InputError& e) {
        say("labelscope: " + located_text({"", e.what(), e.file()}));
        return input;
    }
    Progress progress;
    const bool multi_label = values.has("multi-label");
    // Analyses `in` (Input or MultiLabelInput); core errors located in its files.
    const auto analyse = [&](const auto& in, const auto& run_on, const auto& locate) -> int {
        progress.step("analysing " + std::to_string(in.dataset.num_examples) + " examples...");
        try {
            const CommandResult result = run_on(command, in.dataset, in.warnings, values);
            progress.clear();
            emit(result, values);
        } catch (const LabelScopeError& e) {
            progress.clear();
            const io::ReadError r = locate(e, in.dataset);
            return core_failure({r.code(), r.what(), r.file(), r.row(), r.column()}, files, command, !multi_label);
        }
        return ok;
    };
    try {
        if (multi_label)
            return analyse(read_multilabel_input(files, values, progress), run_multilabel_command,
                           locate_multilabel_error);
        return analyse(
            read_input(files, values, progress), run_command,
            [](const LabelScopeError& e, const io::Dataset& d) { return io::in_data_rows(io::locate_error(e, d), d); });
    } catch (const InputError& e) {
        progress.clear();
        say("labelscope: " + located_text({"", e.what(), e.file()}));
        return input;
    } catch (const io::ReadError& read_error) {
        progress.clear();
        // 'news;sport' read as one label: say to add --multi-label (as the Node CLI).
        const io::ReadError e = multi_label ? read_error : multi_label_hint(read_error, files);
        return core_failure({e.code(), e.what(), e.file(), e.row(), e.column(), e.line()}, files, command,
                            !multi_label);
    } catch (const LabelScopeError& e) {  // from a reader, about no value in particular
        progress.clear();
        return core_failure({to_string(e.code()), e.what(), ""}, files, command, !multi_label);
    } catch (const std::bad_alloc&) {
        progress.clear();
        return core_failure({"out_of_memory", OUT_OF_MEMORY_MESSAGE, ""}, files, command, !multi_label);
    } catch (const std::exception& e) {
        progress.clear();
        return core_failure({"internal_error", std::string("Unexpected error: ") + e.what(), ""}, files, command);
    }
}

int main_of(const std::vector<std::string>& argv) {
    CommandLine line;
    try {
        line = parse_command_line(argv);
    } catch (const UsageError& e) {
        return usage_failure(e.what(), e.command());
    } catch (const NodeOnlyOption& e) {
        say(std::string("labelscope: ") + e.what());
        return usage;
    } catch (const NodeOnlyCommand& e) {
        say(std::string("labelscope: ") + e.what());
        return usage;
    }
    if (line.kind == CommandLine::Kind::version) {
        print(std::string("labelscope ") + LABELSCOPE_VERSION + "\n");
        return ok;
    }
    if (line.kind == CommandLine::Kind::help) {
        print((line.command.empty() ? top_help(LABELSCOPE_VERSION) : std::string(command_help(line.command))) + "\n");
        return ok;
    }
    return run(line.command, line.values);
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE from write()
    std::vector<std::string> args;
    // Node sees its arguments as UTF-8 with invalid bytes replaced; so does everything below.
    for (int i = 1; i < argc; ++i) args.push_back(utf8_with_replacements(argv[i]));
    try {
        return main_of(args);
    } catch (const std::exception& e) {
        say(std::string("labelscope: unexpected error: ") + e.what());
        return unexpected;
    }
}
