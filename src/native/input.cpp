#include "native/input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <new>

#include "core/parallel.hpp"
#include "native/node_errors.hpp"

namespace labelscope::cli {

namespace {

// Bigger than the Node CLI's 1 MiB (the values do not depend on it): each chunk's rows are split
// among the threads (io::set_parallel_read_sizes), in pieces that still fit a core's cache.
constexpr std::size_t CHUNK = std::size_t{2} << 20;

// The Node CLI's words for the usual reasons a file cannot be opened.
std::string open_problem(int error, const std::string& syscall, const std::string& path) {
    switch (error) {
        case ENOENT: return "no such file. Check the path.";
        case EACCES:
        case EPERM: return "permission denied: the file cannot be read.";
        case ENOTDIR: return "no such file (a folder in the path is a file).";
        case ELOOP: return "too many symbolic links in the path.";
        default: return "cannot open: " + node_fs_message(error, syscall, path);
    }
}

std::uint64_t check_readable(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw InputError(open_problem(errno, "stat", path), path);
    if (::access(path.c_str(), R_OK) != 0) throw InputError(open_problem(errno, "access", path), path);
    if (S_ISDIR(st.st_mode)) throw InputError("is a folder, not a file.", path);
    return S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0;
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

std::vector<InputFile> input_files(const Values& values) {
    std::vector<InputFile> files;
    if (const std::string* data = values.get("data")) {
        files.push_back({io::FileRole::combined, "combined", *data});
    } else {
        files.push_back({io::FileRole::labels, "labels", *values.get("labels")});
        files.push_back({io::FileRole::pred_probs, "predProbs", *values.get("pred-probs")});
    }
    for (InputFile& f : files) f.size = check_readable(f.path);
    return files;
}

const char* const OUT_OF_MEMORY_MESSAGE =
    "Not enough memory: this step needed more memory than the system could give. Use fewer examples or classes, "
    "or a machine with more memory.";

namespace {

// Feeds every file to `reader` in chunks. `step` runs one reader call, its errors in data rows.
template <class Reader, class Step>
void feed_files(Reader& reader, const std::vector<InputFile>& files, Progress& progress, const Step& step) {
    std::uint64_t total = 0, done = 0;
    for (const InputFile& f : files) total += f.size;
    // One reused buffer: fresh memory per chunk costs page faults (as in the Node CLI).
    const std::unique_ptr<std::uint8_t[]> buffer(new std::uint8_t[CHUNK]);
    for (const InputFile& f : files) {
        step([&] { reader.begin_file(f.role, f.path, f.size); });
        const Fd fd(::open(f.path.c_str(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0) throw std::runtime_error(node_fs_message(errno, "open", f.path));
        for (;;) {
            const ssize_t n = ::read(fd.get(), buffer.get(), CHUNK);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw std::runtime_error(node_fs_message(errno, "read", f.path));
            if (n == 0) break;
            try {
                step([&] { reader.feed(buffer.get(), static_cast<std::size_t>(n)); });
            } catch (const std::bad_alloc&) {  // --labels /dev/zero: the file being read, as the Node CLI says
                throw io::ReadError("out_of_memory", OUT_OF_MEMORY_MESSAGE, f.path, 0, 0);
            }
            done += static_cast<std::uint64_t>(n);
            progress.update(f.path, done, total);
        }
        step([&] { reader.end_file(); });
    }
}

}  // namespace

Input read_input(const std::vector<InputFile>& files, const Values& values, Progress& progress) {
    io::ReadOptions options;
    if (const std::string* column = values.get("label-column")) options.label_column = *column;
    options.allow_unnormalized = values.has("allow-unnormalized");
    options.float32 = values.has("float32");
    options.fingerprint = false;  // printed by no command
    // --single-thread: every step on this thread (the same results).
    if (values.has("single-thread")) set_parallel_threads(1);
    io::DatasetReader reader(options);
    // Every step's errors in the rows people count (data rows), as the bindings report them.
    const auto step = [&](auto&& f) {
        try {
            return f();
        } catch (const io::ReadError& e) {
            throw reader.in_data_rows(e);
        }
    };
    feed_files(reader, files, progress, step);
    return step([&] {
        Input input{reader.finish(), {}};
        try {
            input.warnings = io::validate_dataset(input.dataset, false, options.allow_unnormalized);
        } catch (const io::ReadError& e) {
            throw io::in_data_rows(e, input.dataset);
        }
        return input;
    });
}

MultiLabelInput read_multilabel_input(const std::vector<InputFile>& files, const Values& values, Progress& progress) {
    // The Node CLI reads multi-label data with the label column only (src/cli/cmd-multilabel.mjs).
    io::ReadOptions options;
    if (const std::string* column = values.get("label-column")) options.label_column = *column;
    if (values.has("single-thread")) set_parallel_threads(1);
    io::MultiLabelReader reader(options);
    // As src/wasm/datasets.hpp's ChunkedReader: errors in data rows, the finish step's twice.
    const auto step = [&](auto&& f) {
        try {
            return f();
        } catch (const io::ReadError& e) {
            throw io::in_data_rows(e, reader.first_data_row(e.file()));
        }
    };
    feed_files(reader, files, progress, step);
    return step([&] {
        MultiLabelInput input{reader.finish(), {}};
        const io::SourceMap& s = input.dataset.source;
        try {
            input.warnings = io::validate_multilabel_dataset(input.dataset, false);
        } catch (const io::ReadError& e) {
            throw io::in_data_rows(e, e.file() == s.labels_file ? s.labels_first_row : s.probs_first_row);
        }
        return input;
    });
}

}  // namespace labelscope::cli
