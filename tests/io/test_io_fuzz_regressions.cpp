// Replays every input saved in tests/fixtures/fuzz-regressions/ (inputs that once crashed a fuzzer
// in tests/fuzz/) through the same code path as the fuzzer: the readers may only throw ReadError,
// the core only LabelScopeError, and the invariants in tests/fuzz/fuzz_targets.hpp must hold.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/fuzz_features_target.hpp"
#include "fuzz/fuzz_targets.hpp"
#include "io_helpers.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> regression_inputs() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(iotest::fixtures_dir() + "/fuzz-regressions"))
        if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void replay(const std::string& name, const std::string& bytes) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    if (name.rfind("csv-", 0) == 0)
        labelscope::fuzz::csv_one(p, bytes.size());
    else if (name.rfind("npy-", 0) == 0)
        labelscope::fuzz::npy_one(p, bytes.size());
    else if (name.rfind("pipeline-", 0) == 0)
        labelscope::fuzz::pipeline_one(p, bytes.size());
    else if (name.rfind("features-", 0) == 0)
        labelscope::fuzz_features::features_one(p, bytes.size());
    else
        FAIL("fuzz regression '" << name << "' must start with csv-, npy-, pipeline- or features-");
}

}  // namespace

TEST_CASE("fuzz regressions: every saved crashing input now reads or fails cleanly") {
    const std::vector<fs::path> files = regression_inputs();
    REQUIRE_MESSAGE(!files.empty(), "tests/fixtures/fuzz-regressions/ holds no inputs");
    for (const fs::path& path : files) {
        const std::string name = path.filename().string();
        INFO("input: tests/fixtures/fuzz-regressions/" << name);
        const std::string bytes = iotest::slurp(path.string());
        CHECK_NOTHROW(replay(name, bytes));
    }
}

TEST_CASE("fuzz regression: a .npy header claiming a huge shape is a truncation error, not an allocation") {
    // 300000000 x 1 float64 claimed (2.4 GB), 16 bytes of data given.
    const std::string npy = iotest::npy_header("<f8", false, {300000000, 1}) + std::string(16, '\0');
    const iotest::ReadError e = iotest::read_error({iotest::probs_file(npy, "p.npy"), iotest::labels_file("0\n1\n")});
    iotest::check_error(e, "bad_npy", "p.npy", 0, 0, {"truncated", "2400000000"});
}

TEST_CASE("fuzz regression: a .npy shape of ~1e29 elements is refused with its size, not undefined behaviour") {
    // 333333333333333 x 333333333333333 float64: ~8.9e23 MB, more than a long long counts in MB.
    const std::string npy =
        iotest::npy_header_text("<f8", false, "(333333333333333, 333333333333333)");  // > size_t on wasm32
    const iotest::ReadError e = iotest::read_error({iotest::probs_file(npy, "p.npy"), iotest::labels_file("0\n1\n")});
    iotest::check_error(e, "bad_npy", "p.npy", 0, 0, {"needs 888888888888", "MB in memory", "Use fewer examples"});
}
