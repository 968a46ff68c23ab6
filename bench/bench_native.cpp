// Native benchmark of one generated dataset: reading (CSV through io::DatasetReader in 1 MiB
// chunks, as the page feeds it; .npy f64/f32) and the core steps. Prints one JSON object per line.
// Usage: labelscope_bench DIR [REPS] [NAME]     (DIR from bench/generate.mjs)
// LABELSCOPE_BENCH_ONLY=csv|npy|analysis runs one phase alone, for a profiler (perf record ...);
// csv then means the CSV read alone.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <time.h>
#include <vector>

#include "core/audit.hpp"
#include "core/filter.hpp"
#include "core/label_probabilities.hpp"
#include "core/scores.hpp"
#include "io/dataset_reader.hpp"

using namespace labelscope;
namespace {

constexpr std::size_t CHUNK = 1 << 20;
std::string g_name;

std::uint64_t file_size(const std::string& path) {
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    return f ? static_cast<std::uint64_t>(f.tellg()) : 0;
}

// Peak RSS of this process in MB. VmHWM can be reset (clear_refs 5) so each phase gets its own
// peak; ru_maxrss (never reset) is the fallback.
double peak_rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}
void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of this (single-threaded) process: unlike wall time, barely inflated when other
// processes compete for the two cores; page faults count (as system time).
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Times fn `reps` times and prints {step, median_ms, ...}; bytes > 0 adds MB/s.
void timed(const std::string& step, int reps, std::uint64_t bytes, const std::function<void()>& fn) {
    std::vector<double> ms, cpu;
    for (int r = 0; r < reps; ++r) {
        const double c0 = cpu_ms();
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        ms.push_back(ms_since(t0));
        cpu.push_back(cpu_ms() - c0);
    }
    const double med = median(ms);
    std::printf("{\"impl\":\"native\",\"dataset\":\"%s\",\"step\":\"%s\",\"reps\":%d,\"median_ms\":%.3f,\"min_ms\":%.3f,"
                "\"first_ms\":%.3f,\"median_cpu_ms\":%.3f",
                g_name.c_str(), step.c_str(), reps, med, *std::min_element(ms.begin(), ms.end()), ms[0], median(cpu));
    if (bytes) std::printf(",\"bytes\":%llu,\"mb_per_s\":%.1f", static_cast<unsigned long long>(bytes), bytes / 1e3 / med);
    std::printf(",\"all_ms\":[");
    for (std::size_t i = 0; i < ms.size(); ++i) std::printf("%s%.3f", i ? "," : "", ms[i]);
    std::printf("]}\n");
    std::fflush(stdout);
}

void print_memory(const std::string& phase) {
    std::printf("{\"impl\":\"native\",\"dataset\":\"%s\",\"step\":\"peak_rss\",\"phase\":\"%s\",\"mb\":%.1f}\n",
                g_name.c_str(), phase.c_str(), peak_rss_mb());
    std::fflush(stdout);
}

// Streams a file in CHUNK pieces to `sink` (the same buffer reused, like a File.stream() reader).
void stream_file(const std::string& path, const std::function<void(const std::uint8_t*, std::size_t)>& sink) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw std::runtime_error("cannot open " + path);
    static std::vector<std::uint8_t> buf(CHUNK);  // reused: allocation is not what we measure
    for (std::size_t n; (n = std::fread(buf.data(), 1, CHUNK, f)) > 0;) sink(buf.data(), n);
    std::fclose(f);
}

io::Dataset read_dataset(const std::string& labels, const std::string& probs, bool float32) {
    io::ReadOptions options;
    options.float32 = float32;
    io::DatasetReader reader(options);
    for (const auto& [role, path] : {std::pair{io::FileRole::labels, labels}, std::pair{io::FileRole::pred_probs, probs}}) {
        reader.begin_file(role, path.substr(path.find_last_of('/') + 1), file_size(path));
        stream_file(path, [&](const std::uint8_t* d, std::size_t n) { reader.feed(d, n); });
        reader.end_file();
    }
    io::Dataset d = reader.finish();
    io::validate_dataset(d, false);  // as the WASM Reader::finish does
    return d;
}

template <class T>
void analyse(const io::Dataset& d, ProbsView<T> probs, int reps, const std::string& suffix) {
    const LabelsView y = d.labels_view();
    volatile std::size_t sink = 0;  // keep results alive so nothing is optimised away
    timed("find_label_issues" + suffix, reps, 0, [&] { sink = sink + find_label_issues(y, probs).size(); });
    for (ScoreMethod m : {ScoreMethod::self_confidence, ScoreMethod::normalized_margin,
                          ScoreMethod::confidence_weighted_entropy})
        timed(std::string("scores_") + to_string(m) + suffix, reps, 0,
              [&] { sink = sink + get_label_quality_scores(y, probs, ScoreOptions{m, false}).size(); });
    // The JS API's audit() also reports each row's given and suggested label probabilities
    // (src/wasm/bindings.cpp): the same work here, so WebAssembly / native compares like with like.
    timed("audit" + suffix, reps, 0, [&] {
        const Report report = audit(y, probs);
        sink = sink + report.issues.size() + label_probabilities(y, probs, report.suggested_label).given.size();
    });
}

// Chunked reads without parsing: the floor (page cache, so memory speed).
void raw_read(const std::string& step, int reps, const std::vector<std::string>& paths) {
    std::uint64_t bytes = 0;
    for (const auto& p : paths) bytes += file_size(p);
    volatile std::uint64_t sum = 0;
    timed(step, reps, bytes, [&] {
        for (const auto& p : paths) stream_file(p, [&](const std::uint8_t* d, std::size_t n) { sum = sum + d[0] + d[n - 1]; });
    });
}

void csv_phase(const std::string& dir, int reps, bool with_analysis) {
    const std::string labels = dir + "/labels.csv", probs = dir + "/pred_probs.csv";
    raw_read("raw_read_csv", reps, {labels, probs});
    reset_peak_rss();
    io::Dataset d;
    timed("csv_read", reps, file_size(labels) + file_size(probs), [&] {
        d = io::Dataset{};
        d = read_dataset(labels, probs, false);
    });
    if (with_analysis) analyse(d, d.probs_view(), reps, "");
    print_memory(with_analysis ? "csv_read+analysis" : "csv_read");
}

void npy_phase(const std::string& dir, int reps) {
    const std::string labels = dir + "/labels.npy";
    for (const bool f32 : {false, true}) {
        const std::string probs = dir + (f32 ? "/pred_probs_f32.npy" : "/pred_probs_f64.npy");
        const std::string suffix = f32 ? "_f32" : "_f64";
        raw_read("raw_read_npy" + suffix, reps, {labels, probs});
        reset_peak_rss();
        io::Dataset d;
        timed("npy_read" + suffix, reps, file_size(labels) + file_size(probs), [&] {
            d = io::Dataset{};
            d = read_dataset(labels, probs, f32);
        });
        volatile std::size_t sink = 0;
        if (f32)
            timed("audit_f32", reps, 0, [&] {
                const Report report = audit(d.labels_view(), d.probs_view_f32());
                sink = sink + report.issues.size() +
                       label_probabilities(d.labels_view(), d.probs_view_f32(), report.suggested_label).given.size();
            });
        print_memory("npy_read" + suffix + (f32 ? "+audit" : ""));
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: labelscope_bench DIR [REPS] [NAME]\n");
        return 2;
    }
    const std::string dir = argv[1];
    const int reps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    g_name = argc > 3 ? argv[3] : dir.substr(dir.find_last_of('/') + 1);
    const char* only = std::getenv("LABELSCOPE_BENCH_ONLY");
    const std::string phase = only ? only : "";
    try {
        if (phase == "analysis") {  // the analyses alone, on data read (untimed) from the f64 .npy
            const io::Dataset d = read_dataset(dir + "/labels.npy", dir + "/pred_probs_f64.npy", false);
            analyse(d, d.probs_view(), reps, "");
            return 0;
        }
        if (phase.empty() || phase == "csv") csv_phase(dir, reps, phase.empty());
        if (phase.empty() || phase == "npy") npy_phase(dir, reps);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "labelscope_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
