// Loads one recorded cleanlab case from tests/fixtures/golden/<name>/ (docs/ALGORITHMS.md §17).
// The project's real CSV reader (src/io) is not used on purpose: the parity suite must not
// depend on the code it could hide bugs in, and the fixture format is trivial.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/types.hpp"

#ifndef LABELSCOPE_FIXTURES_DIR
#error "LABELSCOPE_FIXTURES_DIR (absolute path of tests/fixtures) must be defined by the build"
#endif

namespace parity {

struct GoldenCase {
    std::string name;
    std::string dir;
    std::size_t n = 0;  // examples
    std::size_t k = 0;  // classes = columns of pred_probs (docs/ALGORITHMS.md §2.1)
    std::vector<std::int32_t> labels;
    std::vector<double> probs;               // row-major n x k, parsed with strtod
    std::vector<std::int64_t> label_counts;  // n_k, computed here (not by the core)
    nlohmann::json expected;

    labelscope::LabelsView labels_view() const { return {labels.data(), labels.size()}; }
    labelscope::ProbsView<double> probs_view() const { return {probs.data(), n, k}; }
};

// Directory holding the golden cases.
std::string golden_dir();

// Throws std::runtime_error naming the file, line and column when anything is malformed or
// inconsistent (labels vs rows, meta.N / meta.K vs the CSV files, labels outside 0..K-1).
GoldenCase load_golden_case(const std::string& name);

}  // namespace parity
