#include "native/node_errors.hpp"

#include <cerrno>
#include <cstring>

namespace labelscope::cli {

namespace {

struct Known {
    int error;
    const char* name;
    const char* text;  // libuv's uv_strerror
};

const Known KNOWN[] = {
    {ENOENT, "ENOENT", "no such file or directory"},
    {EACCES, "EACCES", "permission denied"},
    {EPERM, "EPERM", "operation not permitted"},
    {ENOTDIR, "ENOTDIR", "not a directory"},
    {ELOOP, "ELOOP", "too many symbolic links encountered"},
    {ENAMETOOLONG, "ENAMETOOLONG", "name too long"},
    {EISDIR, "EISDIR", "illegal operation on a directory"},
    {EROFS, "EROFS", "read-only file system"},
    {ENOSPC, "ENOSPC", "no space left on device"},
    {EIO, "EIO", "i/o error"},
    {EMFILE, "EMFILE", "too many open files"},
    {EEXIST, "EEXIST", "file already exists"},
    {EINVAL, "EINVAL", "invalid argument"},
    {ENXIO, "ENXIO", "no such device or address"},
    {ETXTBSY, "ETXTBSY", "text file is busy"},
    {EFBIG, "EFBIG", "file too large"},
    {EDQUOT, "EDQUOT", "disk quota exceeded"},
};

}  // namespace

std::string errno_name(int error) {
    for (const Known& k : KNOWN)
        if (k.error == error) return k.name;
    return "";
}

std::string node_fs_message(int error, const std::string& syscall, const std::string& path) {
    const std::string where = syscall + (path.empty() ? "" : " '" + path + "'");  // no path: a standard stream
    for (const Known& k : KNOWN)
        if (k.error == error) return std::string(k.name) + ": " + k.text + ", " + where;
    return std::string("Unknown system error -") + std::to_string(error) + ": " + std::strerror(error) + ", " + where;
}

}  // namespace labelscope::cli
