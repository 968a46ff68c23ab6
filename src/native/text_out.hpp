// Output text made in pieces: gathered in `text` and handed on by spill() once it holds about
// `limit` bytes, so that output larger than memory (health's K x K matrices at K = 10,000) never
// exists as one string.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

namespace labelscope::cli {

class TextOut {
public:
    explicit TextOut(std::size_t limit = std::numeric_limits<std::size_t>::max()) : limit_(limit) {}
    virtual ~TextOut() = default;
    TextOut(const TextOut&) = delete;
    TextOut& operator=(const TextOut&) = delete;

    std::string text;  // written but not yet handed on

    // Called between values: hands the text on when the buffer is full.
    void maybe_spill() {
        if (text.size() >= limit_) spill();
    }
    // Hands on everything in `text` and empties it (an in-memory TextOut keeps it).
    virtual void spill() {}

private:
    std::size_t limit_;
};

// Writes to a file descriptor in batches of about 1 MiB. spill() throws WriteFailed (errno kept).
class FdOut : public TextOut {
public:
    struct WriteFailed {
        int error;
    };
    explicit FdOut(int fd) : TextOut(BATCH), fd_(fd) { text.reserve(BATCH + BATCH / 4); }
    void spill() override;

    static constexpr std::size_t BATCH = std::size_t{1} << 20;

private:
    int fd_;
};

// Writes all of text to fd; false on an error (errno set).
bool write_all(int fd, const std::string& text);

}  // namespace labelscope::cli
