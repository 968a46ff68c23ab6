// Golden parity: every recorded cleanlab 2.9.0 output of every single-label case in
// tests/fixtures/golden must be reproduced by the core (docs/ALGORITHMS.md §16.2, §17), using the stable-sort
// expectations for tie-sensitive paths. Tolerances: see compare.hpp.
//
// Excluded on purpose:
//   * the multi-label cases (multilabel_cases.hpp), which parity_multilabel.cpp checks;
//   * cleanlab_bad_inputs.json — cleanlab's behaviour on bad inputs, which the port rejects
//     by design (validation tests, not parity).
//   * /warnings entries other than warnings/find_label_issues (none are recorded today).
//
// The summary test case is declared last: doctest's default --order-by=file runs it after the
// per-case ones, and it prints how many golden outputs were checked.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "parity/areas.hpp"
#include "parity/checker.hpp"
#include "parity/golden_case.hpp"
#include "parity/multilabel_cases.hpp"

namespace parity {
namespace {

const std::set<std::string> SINGLE_LABEL_CASES = {"binary_k2", "missing_class_k5", "ties_identical_rows",
                                                  "tiny_k3_a", "typical_n2000_k5", "unnormalized_rows_k4"};
const std::set<std::string> EXCLUDED_CASES = {};

// Sections every single-label case must record (docs/ALGORITHMS.md §17); their content is then walked key by key.
const char* const REQUIRED_SECTIONS[] = {"/find_label_issues",
                                         "/find_label_issues_ranked",
                                         "/find_label_issues_variants",
                                         "/label_quality_scores",
                                         "/confident_thresholds",
                                         "/confident_joint",
                                         "/estimate_joint",
                                         "/estimate_py_and_noise_matrices_from_probabilities",
                                         "/estimate_py_and_noise_matrices_from_probabilities__converge_false",
                                         "/estimate_latent_from_calibrated_confident_joint",
                                         "/num_label_issues",
                                         "/dataset",
                                         "/ood_scores_from_pred_probs"};

void run_case(const std::string& name) {
    INFO("golden case " << name);
    GoldenCase gc;
    try {
        gc = load_golden_case(name);
    } catch (const std::exception& e) {
        FAIL("[" << name
                 << "] cannot load the fixture: " << std::string(e.what()));  // a broken fixture fails, never skips
    }
    Checker c(gc);
    for (const char* section : REQUIRED_SECTIONS)
        if (!c.has(section)) c.fail(section, "required section is not recorded");
    check_filter(c);
    check_scores(c);
    check_counts(c);
    check_health(c);
    check_warnings(c);
    c.finish();
    MESSAGE("[" << name << "] " << c.count().outputs << " golden outputs checked (" << c.count().values << " values)");
}

}  // namespace

TEST_CASE("golden fixtures: every case folder is either tested or explicitly excluded") {
    const std::filesystem::path dir = golden_dir();
    REQUIRE_MESSAGE(std::filesystem::is_directory(dir), dir.string() << " is not a directory");
    std::set<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_directory()) found.insert(entry.path().filename().string());
    for (const auto& name : found)
        CHECK_MESSAGE((SINGLE_LABEL_CASES.count(name) || multilabel_cases().count(name) || EXCLUDED_CASES.count(name)),
                      "golden case '" << name << "' is neither in the parity suite nor explicitly excluded");
    for (const auto& name : SINGLE_LABEL_CASES)
        CHECK_MESSAGE(found.count(name), "golden case '" << name << "' is missing from " << dir.string());
    for (const auto& name : multilabel_cases())
        CHECK_MESSAGE(found.count(name), "golden case '" << name << "' is missing from " << dir.string());
}

TEST_CASE("golden parity: binary_k2") { run_case("binary_k2"); }
TEST_CASE("golden parity: missing_class_k5") { run_case("missing_class_k5"); }
TEST_CASE("golden parity: ties_identical_rows") { run_case("ties_identical_rows"); }
TEST_CASE("golden parity: tiny_k3_a") { run_case("tiny_k3_a"); }
TEST_CASE("golden parity: typical_n2000_k5") { run_case("typical_n2000_k5"); }
TEST_CASE("golden parity: unnormalized_rows_k4") { run_case("unnormalized_rows_k4"); }

TEST_CASE("golden parity: summary of checked outputs") {
    std::size_t outputs = 0, values = 0;
    std::printf(
        "golden parity: outputs checked per case (one output = one recorded list, matrix, scalar,\n"
        "boolean, table or error; values = scalars inside them)\n");
    for (const auto& [name, count] : case_counts()) {
        std::printf("  %-22s %5zu outputs %8zu values\n", name.c_str(), count.outputs, count.values);
        outputs += count.outputs;
        values += count.values;
    }
    std::printf("  %-22s %5zu outputs %8zu values (%zu of %zu cases ran)\n", "TOTAL", outputs, values,
                case_counts().size(), SINGLE_LABEL_CASES.size() + multilabel_cases().size());
    MESSAGE("golden parity total: " << outputs << " outputs, " << values << " values in " << case_counts().size()
                                    << " cases");
}

}  // namespace parity
