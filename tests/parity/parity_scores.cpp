// Per-example scores: label quality scores (docs/ALGORITHMS.md §9) and OOD scores from pred_probs (§14).
#include <stdexcept>
#include <string>

#include "core/ood.hpp"
#include "core/options.hpp"
#include "core/scores.hpp"
#include "parity/areas.hpp"

namespace parity {
namespace {

// "adjust_pred_probs_true" / "adjust_pred_probs_false" (also the suffix of the OOD keys).
bool parse_adjust(const std::string& s) {
    if (s == "adjust_pred_probs_true") return true;
    if (s == "adjust_pred_probs_false") return false;
    throw std::runtime_error("unknown adjust_pred_probs key '" + s + "'");
}

void check_label_quality_scores(Checker& c) {
    const std::string base = "/label_quality_scores";
    for (const auto& method : c.keys(base)) {
        const std::string mpath = child(base, method);
        for (const auto& adjust : c.keys(mpath)) {
            c.check(child(mpath, adjust), [&](const json& expected) {
                labelscope::ScoreOptions o;
                o.method = labelscope::parse_score_method(method);
                o.adjust_pred_probs = parse_adjust(adjust);
                // CWE uses log; the other two only + - * / (docs/ALGORITHMS.md §16.2 row 16).
                const double rel =
                    o.method == labelscope::ScoreMethod::confidence_weighted_entropy ? REL_LOGEXP : REL_ARITH;
                return compare_real_vector(
                    expected, labelscope::get_label_quality_scores(c.gc.labels_view(), c.gc.probs_view(), o), rel);
            });
        }
    }
}

// Keys "<method>__adjust_pred_probs_<bool>"; fit_score on the case itself. Labels are passed only
// when adjusting (the thresholds need them); without adjustment the no-labels path is exercised.
void check_ood(Checker& c) {
    const std::string base = "/ood_scores_from_pred_probs";
    for (const auto& key : c.keys(base)) {
        c.check(child(base, key), [&](const json& expected) {
            const auto sep = key.find("__");
            if (sep == std::string::npos) throw std::runtime_error("unknown OOD key '" + key + "'");
            labelscope::OodOptions o;
            o.method = labelscope::parse_ood_method(key.substr(0, sep));
            o.adjust_pred_probs = parse_adjust(key.substr(sep + 2));
            const labelscope::LabelsView labels = c.gc.labels_view();
            const auto scores =
                labelscope::out_of_distribution_scores(c.gc.probs_view(), o.adjust_pred_probs ? &labels : nullptr, o);
            if (o.method == labelscope::OodMethod::entropy) return compare_one_minus(expected, scores, REL_LOGEXP);
            return compare_real_vector(expected, scores, REL_ARITH);
        });
    }
}

}  // namespace

void check_scores(Checker& c) {
    check_label_quality_scores(c);
    check_ood(c);
}

}  // namespace parity
