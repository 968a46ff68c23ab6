#include "io/page_warmer.hpp"

#include <atomic>
#include <cstdint>

#if defined(LABELSCOPE_THREADS)
#include <condition_variable>
#include <mutex>
#include <thread>
#endif
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

namespace labelscope::io {

#if defined(LABELSCOPE_THREADS)
namespace {

constexpr std::uintptr_t PAGE = 4096;
// Below this a helper costs more than the faults it takes.
constexpr std::size_t MIN_BYTES = std::size_t{8} << 20;
// The helper stops this far above what the reader has filled (the reader says so once per chunk).
constexpr std::uintptr_t MARGIN = std::uintptr_t{4} << 20;
// Pages touched between two looks at the reader's position and the stop flag.
constexpr int PAGES_PER_LOOK = 64;

// An atomic "or 0" makes the page present and writable without changing the word, even were the
// reader writing that very word at the same moment.
void touch(std::uintptr_t address) {
    __atomic_fetch_or(reinterpret_cast<std::uint32_t*>(address), std::uint32_t{0}, __ATOMIC_RELAXED);
}

// Linux 5.14+ backs a whole range of pages in one call (MADV_POPULATE_WRITE), as writing to each
// would but without a fault per page: on these VMs 0.25 ms per MiB against 0.4-1.3 ms touched. It
// never changes the contents, so the reader may be writing the same pages. False where it cannot
// (another system, an older kernel): the pages are touched one by one instead.
std::atomic<bool> populate_works{true};
bool populate(std::uintptr_t first_page, std::uintptr_t end_page) {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
    constexpr int POPULATE_WRITE = 23;  // MADV_POPULATE_WRITE, not in every libc's headers
    if (!populate_works.load(std::memory_order_relaxed)) return false;
    if (madvise(reinterpret_cast<void*>(first_page), end_page - first_page, POPULATE_WRITE) == 0) return true;
    populate_works.store(false, std::memory_order_relaxed);
    return false;
#else
    (void)first_page;
    (void)end_page;
    return false;
#endif
}

// The one job the helper thread can have, and the helper's state.
struct Helper {
    enum class State { idle, posted, claimed };
    std::mutex mutex;
    std::condition_variable changed;
    State state = State::idle;          // guarded by mutex
    std::uintptr_t first = 0, end = 0;  // the job's pages, guarded by mutex
    bool thread_started = false;        // guarded by mutex
    std::atomic<std::uintptr_t> filled_to{0};
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> pages_touched{0};

    void run() {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            changed.wait(lock, [this] { return state == State::posted; });
            state = State::claimed;
            const std::uintptr_t job_first = first, job_end = end;
            lock.unlock();
            warm(job_first, job_end);
            lock.lock();
            state = State::idle;
            changed.notify_all();
        }
    }

    void warm(std::uintptr_t job_first, std::uintptr_t job_end) {
        // Pages job_first, job_first + PAGE, ...: the last is the last whose first word lies inside.
        std::size_t pages = (job_end - job_first - sizeof(std::uint32_t)) / PAGE + 1;
        std::size_t touched = 0;
        bool reader_close = false;
        while (pages > 0 && !reader_close && !stopping.load(std::memory_order_relaxed)) {
            const std::uintptr_t limit = filled_to.load(std::memory_order_relaxed) + MARGIN;
            // The batch's pages at once where the system can, all of them above the reader.
            const std::size_t batch = pages < PAGES_PER_LOOK ? pages : PAGES_PER_LOOK;
            const std::uintptr_t batch_first = job_first + (pages - batch) * PAGE;
            if (batch_first > limit && populate(batch_first, job_first + pages * PAGE)) {
                pages -= batch;
                touched += batch;
                continue;
            }
            for (int i = 0; i < PAGES_PER_LOOK && pages > 0; ++i) {
                const std::uintptr_t page = job_first + (pages - 1) * PAGE;
                if (page <= limit) {  // the reader is close: it takes the rest
                    reader_close = true;
                    break;
                }
                touch(page);
                --pages;
                ++touched;
            }
        }
        pages_touched.fetch_add(touched, std::memory_order_relaxed);
    }
};

// Never destroyed: the helper thread waits on it until the process ends.
Helper& helper() {
    static Helper* const instance = new Helper();
    return *instance;
}

}  // namespace

bool PageWarmer::available() { return std::thread::hardware_concurrency() != 1; }  // 0 = unknown: try

std::size_t PageWarmer::pages_touched() { return helper().pages_touched.load(std::memory_order_relaxed); }

bool PageWarmer::helper_idle() {
    Helper& h = helper();
    std::lock_guard<std::mutex> lock(h.mutex);
    return h.state == Helper::State::idle;
}

void PageWarmer::start(void* begin, std::size_t bytes, const void* filled) {
    stop();
    if (bytes < MIN_BYTES || !available()) return;
    Helper& h = helper();
    std::lock_guard<std::mutex> lock(h.mutex);
    if (h.state != Helper::State::idle) return;  // another reader has it
    if (!h.thread_started) {
        try {
            std::thread([&h] { h.run(); }).detach();
        } catch (...) {  // no thread to be had: read without help
            return;
        }
        h.thread_started = true;
    }
    h.first = (reinterpret_cast<std::uintptr_t>(begin) + PAGE - 1) & ~(PAGE - 1);
    h.end = reinterpret_cast<std::uintptr_t>(begin) + bytes;
    h.filled_to.store(reinterpret_cast<std::uintptr_t>(filled ? filled : begin), std::memory_order_relaxed);
    h.stopping.store(false, std::memory_order_relaxed);
    h.state = Helper::State::posted;
    has_helper_ = true;
    h.changed.notify_all();
}

void PageWarmer::filled_to(const void* end) {
    if (has_helper_) helper().filled_to.store(reinterpret_cast<std::uintptr_t>(end), std::memory_order_relaxed);
}

void PageWarmer::stop() {
    if (!has_helper_) return;
    has_helper_ = false;
    Helper& h = helper();
    std::unique_lock<std::mutex> lock(h.mutex);
    if (h.state == Helper::State::posted) {  // not started on it yet: withdraw the job
        h.state = Helper::State::idle;
        return;
    }
    h.stopping.store(true, std::memory_order_relaxed);
    h.changed.wait(lock, [&h] { return h.state == Helper::State::idle; });
}

#else  // no threads: nothing to warm with

bool PageWarmer::available() { return false; }
std::size_t PageWarmer::pages_touched() { return 0; }
bool PageWarmer::helper_idle() { return true; }
void PageWarmer::start(void*, std::size_t, const void*) {}
void PageWarmer::filled_to(const void*) {}
void PageWarmer::stop() {}

#endif

}  // namespace labelscope::io
