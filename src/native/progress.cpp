#include "native/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "native/js_number.hpp"

namespace labelscope::cli {

namespace {

double default_delay_ms() {
    const char* text = std::getenv("LABELSCOPE_PROGRESS_DELAY_MS");
    if (text == nullptr) return 2000;
    const double ms = js_to_number(text);
    return std::isfinite(ms) ? ms : 2000;
}

double ms_between(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

std::string megabytes(std::uint64_t bytes) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

void to_stderr(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(2, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

Progress::Progress() : tty_(isatty(2) == 1), delay_ms_(default_delay_ms()), start_(Clock::now()) {}

void Progress::write(const std::string& text) {
    std::string line = "\r" + text;
    if (text.size() < shown_.size()) line.append(shown_.size() - text.size(), ' ');
    to_stderr(line);
    shown_ = text;
    last_write_ = Clock::now();
}

void Progress::update(const std::string& file, std::uint64_t bytes_read, std::uint64_t total_bytes) {
    const auto now = Clock::now();
    if (!tty_ || ms_between(start_, now) < delay_ms_ || ms_between(last_write_, now) < 100) return;
    std::string amount = megabytes(bytes_read);
    if (total_bytes > 0) {
        const auto percent = std::min<std::uint64_t>(100, (100 * bytes_read) / total_bytes);
        amount = std::to_string(percent) + "% of " + megabytes(total_bytes);
    }
    write("labelscope: reading " + file + ": " + amount);
}

void Progress::step(const std::string& text) {
    if (!shown_.empty()) write("labelscope: " + text);
}

void Progress::clear() {
    if (shown_.empty()) return;
    to_stderr("\r" + std::string(shown_.size(), ' ') + "\r");
    shown_.clear();
}

}  // namespace labelscope::cli
