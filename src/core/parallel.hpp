// Splits work into pieces that helper threads may take while the calling thread takes the rest.
// The caller never waits for a helper to start: it runs piece 0 itself, then claims whatever
// pieces no helper has claimed, and at the end waits only for pieces a running helper is busy
// with. So a helper that starts late (a WebAssembly thread starts only once the event loop has
// run) or is not scheduled (a loaded machine) never holds the work up, and results never depend
// on who ran which piece: callers give each piece its own output and combine them in piece order.
// Builds without threads (LABELSCOPE_THREADS unset) run every piece on the caller.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>

namespace labelscope {

// Threads run_pieces may use, the caller included: 1 in builds without threads, else the machine's
// cores (at most 8; 2 in WebAssembly, whose helpers are workers), unless set_parallel_threads said
// otherwise.
int parallel_threads();
// 1 = everything on the calling thread (--single-thread, tests comparing against it); 0 = default.
void set_parallel_threads(int threads);

// Runs fn(0) .. fn(pieces - 1), each exactly once, fn(0) on the calling thread, and returns when
// all have returned. An exception from a piece is rethrown here once every piece has ended (that of
// the lowest piece that threw). Pieces may run pieces of their own.
void run_pieces(std::size_t pieces, const std::function<void(std::size_t)>& fn);

// One task a helper may run while the caller goes on (e.g. hashing a chunk while it is parsed);
// wait() runs it on the caller if no helper has taken it yet, so it never waits for a helper to
// start. Without helpers, start() runs it at once. wait() rethrows its exception. The destructor
// waits too.
class BackgroundTask {
public:
    BackgroundTask() = default;
    ~BackgroundTask();
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    // Waits for the task before, then offers this one.
    void start(std::function<void()> task);
    void wait();

private:
    struct State;
    State* state_ = nullptr;
};

// How many pieces to cut `items` (rows) into for `work` units of work in all (values read, say),
// each piece worth at least `min_work`: a few per thread, so a thread that is slow to start or
// gets less of the machine is made up for by the others; 1 without threads.
std::size_t parallel_pieces(std::size_t items, std::size_t work, std::size_t min_work);
// Tests: every min_work above taken as `min_work` (0 = as the callers say), to split tiny inputs.
void set_parallel_min_work(std::size_t min_work);
// Whether a test set it (set_parallel_min_work).
bool parallel_forced();

// In WebAssembly, work below this many units (values) stays on the calling thread (parallel.cpp).
inline constexpr std::size_t WASM_MIN_WORK = std::size_t{1} << 25;

// `pieces` (from parallel_pieces), or, for a big pass that will run on the calling thread alone in
// WebAssembly, a few pieces run one after another. V8 runs a function in its baseline tier (Liftoff,
// about half the speed of its optimizing tier) until the function is hot, and a call in progress never
// switches tier: a pass over a million rows in one call runs all of it in the baseline tier. In pieces,
// the optimizing tier compiles the piece's function in the background once the first is under way,
// and the later pieces run that code. Native builds and passes with helpers get `pieces` back, so
// pieces beyond `pieces` always run in order on the calling thread (a pass may rely on it).
std::size_t tiered_pieces(std::size_t pieces, std::size_t items, std::size_t work);

// The boundaries of `pieces` nearly equal ranges of [0, n): piece p is [bounds(p), bounds(p + 1)).
inline std::size_t piece_begin(std::size_t n, std::size_t pieces, std::size_t p) {
    return static_cast<std::size_t>(static_cast<unsigned long long>(n) * p / pieces);
}

}  // namespace labelscope
