#include "native/input_hints.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "io/sniff.hpp"

namespace labelscope::cli {

namespace {

// As src/js/files.js head() over the Node CLI's 1 MiB chunks (src/cli/input.mjs): the first chunk, or
// more while the first two lines are longer (up to 16 MiB); a .npy file's first 64 KiB.
constexpr std::size_t SNIFF_BYTES = 64 * 1024, SNIFF_MAX_BYTES = 16 * 1024 * 1024, CHUNK = 1 << 20;

std::optional<io::Sniffed> sniff(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::vector<std::uint8_t> head, chunk(CHUNK);
    std::size_t lines = 0;
    bool complete = true, npy = false, first = true;
    for (;;) {
        const ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        if (first)
            npy = (chunk[0] == 0x93 && n > 1 && chunk[1] == 0x4e) ||
                  (n >= 4 && std::equal(chunk.begin(), chunk.begin() + 4, "PAR1"));
        first = false;
        const std::size_t limit = lines >= 2 || npy ? SNIFF_BYTES : SNIFF_MAX_BYTES;
        const std::size_t take = std::min(static_cast<std::size_t>(n), limit > head.size() ? limit - head.size() : 0);
        for (std::size_t i = 0; i < take && lines < 2; ++i) lines += chunk[i] == '\n';
        head.insert(head.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(take));
        if (head.size() >= SNIFF_BYTES && (lines >= 2 || npy || head.size() >= SNIFF_MAX_BYTES)) {
            complete = false;
            break;
        }
    }
    ::close(fd);
    // The file's name (a name with 'prob' or 'pred' in it holds probabilities), not its folders.
    const std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    try {
        return io::sniff_file(name, head.data(), head.size(), complete);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

const InputFile* file_of(const std::vector<InputFile>& files, const char* role) {
    for (const InputFile& f : files)
        if (f.role_name == role) return &f;
    return nullptr;
}

// Errors of probability columns that are no probabilities (src/cli/input-hints.mjs PROBABILITY_ERRORS).
bool probability_error(const std::string& code) {
    for (const char* c : {"bad_number", "implausible_probabilities", "unknown_class", "label_out_of_range",
                          "non_finite", "out_of_range", "too_few_classes"})
        if (code == c) return true;
    return false;
}

}  // namespace

std::optional<InputHint> input_hint(const std::string& code, const std::vector<InputFile>& files,
                                    const std::string& command) {
    if (code == "invalid_option" || code == "internal_error") return std::nullopt;
    const InputFile* labels = file_of(files, "labels");
    const InputFile* probs = file_of(files, "predProbs");
    if (labels != nullptr && probs != nullptr) {
        const auto l = sniff(labels->path), p = sniff(probs->path);
        if (l && p && l->role == "predProbs" && p->role == "labels")
            return InputHint{probs->path + " looks like labels and " + labels->path +
                             " like probabilities: swapped? Give --labels " + probs->path + " --pred-probs " +
                             labels->path + "."};
    }
    const InputFile* table = file_of(files, "combined");
    if (table != nullptr && probability_error(code)) {
        const auto t = sniff(table->path);
        if (t && t->role == "combined" && t->looks_like_features) {
            const std::string node = ", in the Node CLI: npx labelscope " + command + " --data " + table->path +
                                     " --features all (this native build has no trainer).";
            if (code == "implausible_probabilities")
                return InputHint{" Or add --features all to compute probabilities from these columns" + node, false};
            return InputHint{table->path +
                             ": its columns look like features, not predicted probabilities: add --features all to "
                             "compute probabilities from these columns" +
                             node};
        }
    }
    return std::nullopt;
}

}  // namespace labelscope::cli
