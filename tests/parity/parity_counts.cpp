// Counting and latent estimates: thresholds (docs/ALGORITHMS.md §4), confident joint (§5, §6), joint and
// noise matrices (§7), num_label_issues (§8).
#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/confident_joint.hpp"
#include "core/latent.hpp"
#include "core/num_issues.hpp"
#include "core/options.hpp"
#include "core/thresholds.hpp"
#include "parity/areas.hpp"

namespace parity {
namespace {

using labelscope::CountMatrix;
using labelscope::LatentEstimates;

// py / noise_matrix / inverse_noise_matrix (and confident_joint when given) under `path`.
// All + - * / except 'eqn', which uses a matrix inverse; the issue fixes 1e-12 for it too.
void check_latent_parts(Checker& c, const std::string& path, const LatentEstimates& est,
                        const CountMatrix* confident_joint) {
    for (const auto& key : c.keys(path)) {
        const std::string p = child(path, key);
        if (key == "py")
            c.check(p, [&](const json& e) { return compare_real_vector(e, est.py, REL_ARITH); });
        else if (key == "noise_matrix")
            c.check(p, [&](const json& e) { return compare_real_matrix(e, est.noise_matrix, REL_ARITH); });
        else if (key == "inverse_noise_matrix")
            c.check(p, [&](const json& e) { return compare_real_matrix(e, est.inverse_noise_matrix, REL_ARITH); });
        else if (key == "confident_joint" && confident_joint)
            c.check(p, [&](const json& e) { return compare_count_matrix(e, *confident_joint); });
        // anything else stays unconsumed and fails in Checker::finish
    }
}

void check_confident_joint(Checker& c) {
    const std::string base = "/confident_joint";
    if (!c.has(base)) return;  // a missing section is reported by the golden test case
    const auto cj =
        c.compute(base, [&] { return labelscope::compute_confident_joint(c.gc.labels_view(), c.gc.probs_view()); });
    if (!cj) return;
    for (const auto& key : c.keys(base)) {
        const std::string p = child(base, key);
        if (key == "calibrated")
            c.check(p, [&](const json& e) { return compare_count_matrix(e, cj->calibrated); });
        else if (key == "uncalibrated")
            c.check(p, [&](const json& e) { return compare_count_matrix(e, cj->uncalibrated); });
        else if (key == "off_diagonal_indices")
            c.check(p, [&](const json& e) { return compare_index_list(e, cj->off_diagonal); });
    }
}

void check_noise_estimates(Checker& c, const std::string& path, bool converge) {
    if (!c.has(path)) return;
    const auto est = c.compute(path, [&] {
        return labelscope::estimate_py_and_noise_matrices_from_probabilities(c.gc.labels_view(), c.gc.probs_view(),
                                                                             labelscope::PyMethod::cnt, converge);
    });
    if (est) check_latent_parts(c, path, *est, &est->confident_joint);
}

// estimate_latent on the *recorded* calibrated confident joint and our own label counts, so a
// confident-joint bug shows up once (above) and not again here.
void check_estimate_latent(Checker& c) {
    const std::string base = "/estimate_latent_from_calibrated_confident_joint";
    for (const auto& key : c.keys(base)) {
        const std::string path = child(base, key);
        const auto sep = key.find("__converge_");
        const auto run = [&, key, sep] {
            if (sep == std::string::npos) throw std::runtime_error("unknown key '" + key + "'");
            const std::string conv = key.substr(sep + 11);
            if (conv != "true" && conv != "false") throw std::runtime_error("unknown key '" + key + "'");
            const CountMatrix joint = json_count_matrix(c.value("/confident_joint/calibrated"));
            return labelscope::estimate_latent(joint, c.gc.label_counts,
                                               labelscope::parse_py_method(key.substr(0, sep)), conv == "true");
        };
        if (c.has(path) && Checker::is_error_record(c.value(path))) {
            c.check(path, [&](const json&) {
                (void)run();
                return Cmp{};
            });
            continue;
        }
        if (const auto est = c.compute(path, run)) check_latent_parts(c, path, *est, nullptr);
    }
}

void check_num_label_issues(Checker& c) {
    using labelscope::EstimationMethod;
    const std::string base = "/num_label_issues";
    for (const auto& key : c.keys(base)) {
        c.check(child(base, key), [&](const json& e) {
            const auto labels = c.gc.labels_view();
            const auto probs = c.gc.probs_view();
            std::int64_t n = -1;
            if (key == "default") {
                n = labelscope::num_label_issues(labels, probs);
            } else if (key == "off_diagonal" || key == "off_diagonal_calibrated") {
                n = labelscope::num_label_issues(labels, probs, labelscope::parse_estimation_method(key));
            } else if (key == "off_diagonal_custom__uncalibrated_cj") {
                // cleanlab was given the uncalibrated confident joint as the custom one (docs/ALGORITHMS.md §8).
                const CountMatrix custom = json_count_matrix(c.value("/confident_joint/uncalibrated"));
                n = labelscope::num_label_issues(labels, probs, EstimationMethod::off_diagonal_custom, &custom);
            } else {
                throw std::runtime_error("unknown num_label_issues key '" + key + "'");
            }
            return compare_int(e, n);
        });
    }
}

}  // namespace

void check_counts(Checker& c) {
    if (c.has("/confident_thresholds"))
        c.check("/confident_thresholds", [&](const json& e) {
            return compare_real_vector(e, labelscope::confident_thresholds(c.gc.labels_view(), c.gc.probs_view()),
                                       REL_ARITH);
        });
    check_confident_joint(c);
    if (c.has("/estimate_joint"))
        c.check("/estimate_joint", [&](const json& e) {
            return compare_real_matrix(e, labelscope::estimate_joint(c.gc.labels_view(), c.gc.probs_view()), REL_ARITH);
        });
    check_noise_estimates(c, "/estimate_py_and_noise_matrices_from_probabilities", true);
    check_noise_estimates(c, "/estimate_py_and_noise_matrices_from_probabilities__converge_false", false);
    check_estimate_latent(c);
    check_num_label_issues(c);
}

}  // namespace parity
