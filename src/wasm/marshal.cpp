// Out of memory: operator new is replaced (same behaviour: malloc, std::bad_alloc on failure) only
// to remember the failed request, so the out_of_memory error can say how much memory the step needed.
#include <emscripten/heap.h>
#include <malloc.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <new>
#include <string>

#include "wasm/marshal.hpp"

// ---- out of memory ------------------------------------------------------------------------------
// operator new is replaced (same behaviour: malloc, std::bad_alloc on failure) only to remember the
// failed request, so the out_of_memory error can say how much memory the step needed.
namespace {
struct FailedAllocation {
    std::size_t requested = 0;  // bytes of the allocation that failed
    std::size_t in_use = 0;     // bytes allocated at that moment
    std::size_t top_free = 0;   // free bytes in the allocator's topmost chunk
    std::size_t heap_end = 0;   // end of the allocator's memory (sbrk(0))
    std::size_t heap = 0;       // WebAssembly memory size
};
FailedAllocation last_failed_allocation;
}  // namespace

void* operator new(std::size_t size) {
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    const struct mallinfo m = mallinfo();
    last_failed_allocation = {size, static_cast<unsigned>(m.uordblks), static_cast<unsigned>(m.keepcost),
                              reinterpret_cast<std::size_t>(sbrk(0)), emscripten_get_heap_size()};
    throw std::bad_alloc();
}

namespace {

std::string megabytes(double bytes, bool round_up) {
    const double mb = bytes / 1e6;
    return std::to_string(static_cast<long long>(round_up ? std::ceil(mb) : std::floor(mb))) + " MB";
}

}  // namespace

std::string labelscope::wasm::out_of_memory_message(bool float32) {
    const FailedAllocation f = last_failed_allocation;
    last_failed_allocation = {};
    const std::string advice =
        std::string(float32 ? "Use fewer examples or classes (the probabilities are float32 already)."
                            : "Use fewer examples or classes, or keep the probabilities as float32 (the float32 "
                              "option of readDataset, or a Float32Array), which halves their memory.") +
        " In a browser, closing other tabs can also help.";
    if (f.requested == 0)  // not from operator new: no size to report
        return "Not enough memory: WebAssembly memory could not grow past " +
               megabytes(static_cast<double>(emscripten_get_heap_size()), false) + " (the limit here is " +
               megabytes(static_cast<double>(emscripten_get_heap_max()), false) + "). " + advice;
    // The memory size the failed allocation needed. dlmalloc first extends its topmost free chunk
    // (if that chunk ends the heap); had that fitted in the memory there was, the chunk did not end
    // the heap and the allocation needed a fresh block after it.
    const double end = static_cast<double>(f.heap_end), request = static_cast<double>(f.requested);
    const double extended = end + request - static_cast<double>(std::min(f.top_free, f.requested));
    const double needed = extended <= static_cast<double>(f.heap) ? end + request : extended;
    return "Not enough memory: this step needed at least " + megabytes(needed, true) +
           " of WebAssembly memory (one allocation of " + megabytes(request, true) + " with " +
           megabytes(static_cast<double>(f.in_use), true) + " in use), but memory could not grow past " +
           megabytes(static_cast<double>(f.heap), false) + " (the limit here is " +
           megabytes(static_cast<double>(emscripten_get_heap_max()), false) + "). " + advice;
}
