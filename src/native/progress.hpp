// The progress line of the Node CLI (src/cli/input.mjs progressLine): on a terminal only, once
// LABELSCOPE_PROGRESS_DELAY_MS (default 2000) have passed, rewritten in place, cleared at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace labelscope::cli {

class Progress {
public:
    Progress();
    void update(const std::string& file, std::uint64_t bytes_read, std::uint64_t total_bytes);
    // Announces a step without updates, if the line is already up.
    void step(const std::string& text);
    void clear();

private:
    using Clock = std::chrono::steady_clock;
    void write(const std::string& text);
    bool tty_;
    double delay_ms_;
    Clock::time_point start_, last_write_;
    std::string shown_;
};

}  // namespace labelscope::cli
