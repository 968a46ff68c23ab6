// Times cross_val_probs on the datasets written by prepare_data.py and writes each run's fold
// assignment (NAME.folds, int32) and probabilities (NAME.probs, float64) next to them, so that
// sklearn_reference.py fits scikit-learn on exactly the same folds.
//   labelscope_bench_learn DIR NAME [--folds 5] [--seed 0] [--c C] [--max-iter 200] [--tol 1e-6]
// Built natively by CMake; the WebAssembly timing uses the same source (bench/learn/run.sh).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "learn/folds.hpp"
#include "learn/learn.hpp"

using namespace labelscope::learn;

namespace {

template <typename T>
std::vector<T> read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << path << "\n";
        std::exit(2);
    }
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<T> out(bytes.size() / sizeof(T));
    std::memcpy(out.data(), bytes.data(), out.size() * sizeof(T));
    return out;
}

template <typename T>
void write_all(const std::string& path, const std::vector<T>& v) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: labelscope_bench_learn DIR NAME [--folds F] [--seed S] [--c C] [--max-iter M] [--tol T]\n";
        return 2;
    }
    const std::string base = std::string(argv[1]) + "/" + argv[2];
    CrossValOptions options;
    for (int a = 3; a + 1 < argc; a += 2) {
        const std::string key = argv[a];
        const char* v = argv[a + 1];
        if (key == "--folds") options.folds = std::atoi(v);
        else if (key == "--seed") options.seed = std::strtoull(v, nullptr, 10);
        else if (key == "--c") options.c = std::atof(v);
        else if (key == "--max-iter") options.max_iterations = std::atoi(v);
        else if (key == "--tol") options.tolerance = std::atof(v);
    }
    std::ifstream meta(base + ".meta");
    std::size_t rows = 0, cols = 0;
    std::string kind;
    meta >> rows >> cols >> kind;
    const std::vector<std::int32_t> labels = read_all<std::int32_t>(base + ".y");
    int k = 0;
    for (const auto y : labels) k = std::max(k, y + 1);

    // Files are read before the clock starts: the timings are of the trainer alone.
    TableColumns table;
    std::vector<std::uint8_t> u8;
    std::vector<double> f64;
    if (kind == "text") {
        table.text.push_back({"text", {}});
        std::ifstream in(base + ".txt");
        std::string line;
        while (std::getline(in, line)) table.text[0].texts.push_back(line);
    } else if (kind == "u8") {
        u8 = read_all<std::uint8_t>(base + ".x");
    } else {
        f64 = read_all<double>(base + ".x");
    }
    const auto t0 = std::chrono::steady_clock::now();
    FeatureReport report;
    Features features;
    if (kind == "text") features = features_from_table(table, {}, &report);
    else if (kind == "u8") features = features_from_dense({rows, cols, u8.data(), DenseInput::Type::u8}, &report);
    else features = features_from_dense({rows, cols, f64.data(), DenseInput::Type::f64}, &report);
    const double t_features = seconds_since(t0);
    const auto t1 = std::chrono::steady_clock::now();
    const CrossValResult r = cross_val_probs(features, labels.data(), rows, k, options);
    const double t_cv = seconds_since(t1);

    double accuracy = 0, log_loss = 0;
    int iterations = 0;
    for (const auto& f : r.folds) {
        accuracy += f.accuracy * static_cast<double>(f.test_rows) / static_cast<double>(rows);
        log_loss += f.log_loss * static_cast<double>(f.test_rows) / static_cast<double>(rows);
        iterations += f.iterations;
    }
    std::printf("%s: %zu x %zu (%s), %d classes, %d folds, C %g: accuracy %.4f, log loss %.4f, "
                "iterations %d, features %.3f s, cross-validation %.3f s\n",
                argv[2], rows, cols, kind.c_str(), k, r.folds_used, r.c_used, accuracy, log_loss, iterations,
                t_features, t_cv);
    for (const auto& note : r.notes) std::printf("  note: %s\n", note.c_str());

    std::vector<std::uint32_t> all(rows);
    for (std::size_t i = 0; i < rows; ++i) all[i] = static_cast<std::uint32_t>(i);
    const std::vector<int> fold = stratified_folds(labels.data(), all, k, r.folds_used, options.seed);
    write_all(base + ".folds", std::vector<std::int32_t>(fold.begin(), fold.end()));
    write_all(base + ".probs", r.probs);
    return 0;
}
