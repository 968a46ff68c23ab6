// Node's fs error messages ("EACCES: permission denied, open 'x'"), which the Node CLI prints for
// the rarer file system errors.
#pragma once

#include <string>

namespace labelscope::cli {

// e.message of a Node fs error for errno `error` in `syscall` on `path`.
std::string node_fs_message(int error, const std::string& syscall, const std::string& path);
// The error code's name ("ENOENT"), or "" if unknown.
std::string errno_name(int error);

}  // namespace labelscope::cli
