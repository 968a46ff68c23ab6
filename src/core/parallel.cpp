#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <memory>

#if defined(LABELSCOPE_THREADS)
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>
#endif

namespace labelscope {

namespace {

std::atomic<int> chosen_threads{0};  // 0: the default

// A set of pieces, run by whoever claims them: the caller and any helper.
struct Job {
    const std::function<void(std::size_t)>* fn = nullptr;
    std::size_t pieces = 0;
    std::atomic<std::size_t> next{0};
    int active = 0;  // helpers inside (guarded by the pool's mutex when threads exist)
    std::exception_ptr error;
    std::size_t error_piece = 0;
};

}  // namespace

void set_parallel_threads(int threads) { chosen_threads.store(threads < 0 ? 0 : threads); }

namespace {
std::atomic<std::size_t> forced_min_work{0};
}  // namespace

void set_parallel_min_work(std::size_t min_work) { forced_min_work.store(min_work); }

bool parallel_forced() { return forced_min_work.load() > 0; }

std::size_t parallel_pieces(std::size_t items, std::size_t work, std::size_t min_work) {
    if (items == 0) return 0;
    const int threads = parallel_threads();
    if (threads < 2) return 1;
    const std::size_t forced = forced_min_work.load();
#if defined(__EMSCRIPTEN__)
    // A WebAssembly helper is a worker that loads its own copy of the module (~0.1 s of CPU): in a
    // short run it costs more than it saves (the Node CLI, 1M x 10: +0.13 s CPU, +0.3 s wall; 1M x
    // 100: -27% wall). Only work this big starts one.
    if (forced == 0 && work < WASM_MIN_WORK) return 1;
#endif
    const std::size_t least = forced > 0 ? forced : min_work > 0 ? min_work : 1;
    std::size_t pieces = static_cast<std::size_t>(threads) * 4;
    if (pieces > work / least) pieces = work / least;
    if (pieces > items) pieces = items;
    return pieces == 0 ? 1 : pieces;
}

std::size_t tiered_pieces(std::size_t pieces, std::size_t items, std::size_t work) {
#if defined(__EMSCRIPTEN__)
    // Only where every piece runs on this thread (no helper is woken for them: run_pieces asks for
    // helpers only when more than one thread is wanted).
    if (pieces > 1 || parallel_threads() > 1) return pieces;
    constexpr std::size_t MAX_PIECES = 16, MIN_WORK_PER_PIECE = std::size_t{1} << 18;
    const std::size_t wanted = std::min({MAX_PIECES, items, work / MIN_WORK_PER_PIECE});
    return wanted > 1 ? wanted : pieces;
#else
    (void)items;
    (void)work;
    return pieces;
#endif
}

#if defined(LABELSCOPE_THREADS)
namespace {

#if defined(__EMSCRIPTEN__)
constexpr int MAX_THREADS = 2;  // each helper is a worker with its own copy of the module to start
#else
constexpr int MAX_THREADS = 8;
#endif

// The open jobs; helpers sleep while none has pieces left to claim, and live as long as the process.
struct Pool {
    std::mutex mutex;
    std::condition_variable wake, idle;
    int helpers = 0;         // guarded by mutex
    std::vector<Job*> jobs;  // guarded by mutex: open jobs, the oldest first

    void run_piece(Job& job, std::size_t i) {
        try {
            (*job.fn)(i);
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!job.error || i < job.error_piece) {
                job.error = std::current_exception();
                job.error_piece = i;
            }
        }
    }

    void take_pieces(Job& job) {
        for (std::size_t i = job.next.fetch_add(1); i < job.pieces; i = job.next.fetch_add(1)) run_piece(job, i);
    }

    Job* job_with_pieces() const {  // mutex held
        for (Job* job : jobs)       // the oldest first: a background task the caller waits for last
            if (job->next.load() < job->pieces) return job;
        return nullptr;
    }

    void helper_loop() {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            Job* job = nullptr;
            wake.wait(lock, [&] { return (job = job_with_pieces()) != nullptr; });
            ++job->active;
            lock.unlock();
            take_pieces(*job);
            lock.lock();
            if (--job->active == 0) idle.notify_all();
        }
    }

    // Starts helpers up to `wanted`; false if none can be had.
    bool ensure_helpers(int wanted) {
        std::lock_guard<std::mutex> lock(mutex);
        while (helpers < wanted) {
            try {
                std::thread([this] { helper_loop(); }).detach();
            } catch (...) {
                break;
            }
            ++helpers;
        }
        return helpers > 0;
    }

    void post(Job& job) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            jobs.push_back(&job);
        }
        wake.notify_all();
    }

    // Claims what is left of the job on this thread, then waits for the helpers inside it.
    void finish(Job& job) {
        take_pieces(job);
        std::unique_lock<std::mutex> lock(mutex);
        jobs.erase(std::find(jobs.begin(), jobs.end(), &job));
        idle.wait(lock, [&job] { return job.active == 0; });
    }
};

Pool& pool() {
    static Pool* const instance = new Pool();  // never destroyed: detached helpers wait on it
    return *instance;
}

// Whether helpers may run pieces: more than one thread wanted and at least one helper running.
bool helpers_ready() {
    const int threads = parallel_threads();
    return threads >= 2 && pool().ensure_helpers(threads - 1);
}

}  // namespace

int parallel_threads() {
    const int chosen = chosen_threads.load();
    if (chosen > 0) return chosen < MAX_THREADS ? chosen : MAX_THREADS;
    const unsigned cores = std::thread::hardware_concurrency();  // 0 = unknown
    if (cores == 0) return 2;
    return cores < static_cast<unsigned>(MAX_THREADS) ? static_cast<int>(cores) : MAX_THREADS;
}

#else  // no threads

int parallel_threads() { return 1; }

#endif

namespace {

// Every piece on this thread, in order; the first exception once all have run.
void run_alone(std::size_t pieces, const std::function<void(std::size_t)>& fn) {
    std::exception_ptr first;
    for (std::size_t i = 0; i < pieces; ++i) {
        try {
            fn(i);
        } catch (...) {
            if (!first) first = std::current_exception();
        }
    }
    if (first) std::rethrow_exception(first);
}

}  // namespace

void run_pieces(std::size_t pieces, const std::function<void(std::size_t)>& fn) {
#if defined(LABELSCOPE_THREADS)
    if (pieces >= 2 && helpers_ready()) {
        Pool& p = pool();
        Job job;
        job.fn = &fn;
        job.pieces = pieces;
        job.next.store(1);
        p.post(job);
        p.run_piece(job, 0);
        p.finish(job);
        if (job.error) std::rethrow_exception(job.error);
        return;
    }
#endif
    run_alone(pieces, fn);
}

struct BackgroundTask::State {
    std::function<void()> task;
    std::function<void(std::size_t)> piece;
    Job job;
    bool posted = false;
    bool in_pool = false;  // offered to the helpers (else wait() runs it)
};

BackgroundTask::~BackgroundTask() {
    try {
        wait();
    } catch (...) {  // its error was for wait() to report; nobody asked
    }
    delete state_;
}

void BackgroundTask::start(std::function<void()> task) {
    wait();
    if (state_ == nullptr) state_ = new State();
    State& s = *state_;
    s.task = std::move(task);
    s.piece = [&s](std::size_t) { s.task(); };
    s.job.fn = &s.piece;
    s.job.pieces = 1;
    s.job.next.store(0);
    s.job.error = nullptr;
    s.posted = true;
    s.in_pool = false;
#if defined(LABELSCOPE_THREADS)
    if (helpers_ready()) {
        pool().post(s.job);
        s.in_pool = true;
        return;
    }
#endif
    // No helper: at once, while what it reads is likely still in the cache.
    try {
        s.job.next.store(1);
        s.task();
    } catch (...) {
        s.job.error = std::current_exception();
    }
}

void BackgroundTask::wait() {
    if (state_ == nullptr || !state_->posted) return;
    State& s = *state_;
    s.posted = false;
#if defined(LABELSCOPE_THREADS)
    if (s.in_pool) {
        pool().finish(s.job);
    } else
#endif
    {
        for (std::size_t i = s.job.next.fetch_add(1); i < s.job.pieces; i = s.job.next.fetch_add(1)) {
            try {
                s.task();
            } catch (...) {
                s.job.error = std::current_exception();
            }
        }
    }
    s.task = nullptr;
    if (s.job.error) {
        const std::exception_ptr error = s.job.error;
        s.job.error = nullptr;
        std::rethrow_exception(error);
    }
}

}  // namespace labelscope
