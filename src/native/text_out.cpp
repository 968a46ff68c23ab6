#include "native/text_out.hpp"

#include <unistd.h>

#include <cerrno>

namespace labelscope::cli {

bool write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void FdOut::spill() {
    if (!write_all(fd_, text)) throw WriteFailed{errno};
    text.clear();
}

}  // namespace labelscope::cli
