// A big value buffer is filled once, front to back, right after it is allocated, and each 4 KiB
// page of fresh memory costs a page fault on first touch: 0.4-1.3 ms per MiB on the VMs this runs
// on, as much as parsing the text that fills it. While the reader fills such a buffer from the
// front, a helper thread backs its pages from the back (natively a range at a time, without a
// fault per page), so the reader finds them ready. Huge pages are not asked for: where the kernel
// must compact memory to find them, a fault stalled for seconds (800 MiB: 0.15 s to 13.7 s). One helper thread serves
// the process, started on first use and never waited for (a WebAssembly thread starts only once the event loop has
// run). Builds without threads (LABELSCOPE_THREADS unset) do nothing.
#pragma once

#include <cstddef>
#include <vector>

namespace labelscope::io {

class PageWarmer {
public:
    PageWarmer() = default;
    ~PageWarmer() { stop(); }
    PageWarmer(const PageWarmer&) = delete;
    PageWarmer& operator=(const PageWarmer&) = delete;

    // Asks the helper to touch [begin, begin + bytes) from its end backwards, once any earlier
    // warming has stopped. Never waits for the helper to start: it helps once it runs. Small
    // regions are left alone, and so is everything while another warmer has the helper. `filled`:
    // how far the reader has written already (default: nothing), seen by the helper's first look.
    void start(void* begin, std::size_t bytes, const void* filled = nullptr);
    // The reader has written everything before `end`: the helper stops short of it.
    void filled_to(const void* end);
    // Returns once the helper no longer touches the buffer; it may then be freed or reallocated.
    void stop();

    // Whether this build can warm pages at all (it has threads, the machine more than one core).
    static bool available();
    // Pages the helper has touched since the process started (for tests and measurements).
    static std::size_t pages_touched();
    // Whether the helper is between jobs (tests wait for it before checking pages_touched).
    static bool helper_idle();

private:
    bool has_helper_ = false;
};

// vector::reserve for a buffer about to be filled front to back: the new, untouched part is warmed
// by `warmer`.
template <class T>
void reserve_values(std::vector<T>& values, std::size_t n, PageWarmer& warmer) {
    if (n <= values.capacity()) return;
    warmer.stop();  // it may be touching the old buffer
    values.reserve(n);
    T* fresh = values.data() + values.size();
    const std::size_t bytes = (values.capacity() - values.size()) * sizeof(T);
    warmer.start(fresh, bytes);
}

}  // namespace labelscope::io
