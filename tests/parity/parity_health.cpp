// Dataset health (docs/ALGORITHMS.md §12): health score, class table, overlap tables, health_summary.
#include <cstdint>
#include <string>

#include "core/health.hpp"
#include "core/latent.hpp"
#include "parity/areas.hpp"

namespace parity {
namespace {

using labelscope::RealMatrix;

// The tables are computed from the *recorded* joint (cleanlab computes it from labels + pred_probs
// inside each call), so a joint bug is reported once under /estimate_joint; health_summary below
// covers the labels + pred_probs path end to end.
RealMatrix recorded_joint(Checker& c) { return json_real_matrix(c.value("/estimate_joint")); }

void check_summary(Checker& c, const std::string& base) {
    const auto labels = c.gc.labels_view();
    const auto probs = c.gc.probs_view();
    const auto summary = c.compute(base, [&] { return labelscope::health_summary(labels, probs); });
    if (!summary) return;
    for (const auto& key : c.keys(base)) {
        const std::string p = child(base, key);
        if (key == "overall_label_health_score") {
            c.check(p, [&](const json& e) { return compare_real(e, summary->overall_label_health_score, REL_ARITH); });
        } else if (key == "joint") {
            c.check(p, [&](const json& e) { return compare_real_matrix(e, summary->joint, REL_ARITH); });
        } else if (key == "classes_by_label_quality_equals_rank_classes_by_label_quality") {
            // cleanlab: summary table == standalone table. Ours: the same, exactly; and when the
            // oracle says they are equal, the summary table must also match the recorded one.
            c.check(p, [&](const json& e) {
                const auto standalone = labelscope::rank_classes_by_label_quality(
                    labelscope::estimate_joint(labels, probs), static_cast<std::int64_t>(c.gc.n));
                Cmp r = compare_bool(e, same_table(summary->classes_by_label_quality, standalone));
                if (r.ok() && e.is_boolean() && e.get<bool>()) {
                    Cmp t = compare_class_quality_table(c.value("/dataset/rank_classes_by_label_quality"),
                                                        summary->classes_by_label_quality, REL_ARITH);
                    r.values += t.values;
                    if (!t.ok()) r.error = "summary table vs recorded rank_classes_by_label_quality: " + t.error;
                }
                return r;
            });
        } else if (key == "overlapping_classes_equals_find_overlapping_classes") {
            c.check(p, [&](const json& e) {
                const auto standalone = labelscope::find_overlapping_classes(labelscope::estimate_joint(labels, probs),
                                                                             static_cast<std::int64_t>(c.gc.n));
                Cmp r = compare_bool(e, same_table(summary->overlapping_classes, standalone));
                if (r.ok() && e.is_boolean() && e.get<bool>()) {
                    Cmp t = compare_overlap_table(c.value("/dataset/find_overlapping_classes"),
                                                  summary->overlapping_classes, REL_ARITH);
                    r.values += t.values;
                    if (!t.ok()) r.error = "summary table vs recorded find_overlapping_classes: " + t.error;
                }
                return r;
            });
        }
    }
}

}  // namespace

void check_health(Checker& c) {
    const std::string base = "/dataset";
    const auto n = static_cast<std::int64_t>(c.gc.n);
    for (const auto& key : c.keys(base)) {
        const std::string p = child(base, key);
        if (key == "overall_label_health_score") {
            c.check(p, [&](const json& e) {
                return compare_real(e, labelscope::overall_label_health_score(c.gc.labels_view(), c.gc.probs_view()),
                                    REL_ARITH);
            });
        } else if (key == "rank_classes_by_label_quality") {
            c.check(p, [&](const json& e) {
                return compare_class_quality_table(e, labelscope::rank_classes_by_label_quality(recorded_joint(c), n),
                                                   REL_ARITH);
            });
        } else if (key == "find_overlapping_classes" || key == "find_overlapping_classes__asymmetric") {
            const bool asymmetric = key != "find_overlapping_classes";
            c.check(p, [&](const json& e) {
                return compare_overlap_table(e, labelscope::find_overlapping_classes(recorded_joint(c), n, asymmetric),
                                             REL_ARITH);
            });
        } else if (key == "health_summary") {
            check_summary(c, p);
        }
    }
}

}  // namespace parity
