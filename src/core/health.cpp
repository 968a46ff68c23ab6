#include "health.hpp"

#include <algorithm>

#include "confident_joint.hpp"
#include "latent.hpp"
#include "num_issues.hpp"
#include "numeric.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {

std::vector<ClassQuality> rank_classes_by_label_quality(const RealMatrix& joint, std::int64_t num_examples) {
    const std::size_t k = joint.rows;
    const double n = static_cast<double>(num_examples);
    std::vector<double> col_sum(k, 0.0);
    for (std::size_t r = 0; r < k; ++r)
        for (std::size_t c = 0; c < k; ++c) col_sum[c] = r == 0 ? joint(r, c) : col_sum[c] + joint(r, c);
    std::vector<ClassQuality> rows;
    for (std::size_t c = 0; c < k; ++c) {
        const double given = pairwise_sum(&joint.values[c * k], k);  // rho_k
        const double truly = col_sum[c];                             // gamma_k
        const double q = joint(c, c);
        ClassQuality row;
        row.class_index = static_cast<std::int32_t>(c);
        row.label_issues = static_cast<std::int64_t>(round_half_even((given - q) * n));
        row.inverse_label_issues = static_cast<std::int64_t>(round_half_even((truly - q) * n));
        row.label_noise = (given - q) / std::max(given, H_EPS);
        row.inverse_label_noise = (truly - q) / std::max(truly, H_EPS);
        row.label_quality_score = 1.0 - row.label_noise;
        rows.push_back(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ClassQuality& a, const ClassQuality& b) {
        return a.label_quality_score < b.label_quality_score;
    });
    return rows;
}

std::vector<ClassOverlap> find_overlapping_classes(const RealMatrix& joint, std::int64_t num_examples, bool asymmetric,
                                                   bool overlapping_only) {
    const std::size_t k = joint.rows;
    const double n = static_cast<double>(num_examples);
    std::vector<ClassOverlap> rows;
    for (std::size_t a = 0; a < k; ++a)
        for (std::size_t b = asymmetric ? 0 : a + 1; b < k; ++b) {
            if (a == b) continue;
            const double j = asymmetric ? joint(a, b) : joint(a, b) + joint(b, a);
            if (overlapping_only && j == 0.0) continue;
            rows.push_back({static_cast<std::int32_t>(a), static_cast<std::int32_t>(b),
                            static_cast<std::int64_t>(round_half_even(j * n)), j});
        }
    std::stable_sort(rows.begin(), rows.end(), [](const ClassOverlap& x, const ClassOverlap& y) {
        return x.joint_probability > y.joint_probability;
    });
    return rows;
}

template <class T>
double overall_label_health_score(LabelsView labels, ProbsView<T> probs) {
    validate_inputs(labels, probs);
    const ConfidentJoint cj = compute_confident_joint(labels, probs, confident_thresholds(labels, probs));
    return overall_label_health_score(count_off_diagonal_issues(labels, probs, cj),
                                      static_cast<std::int64_t>(probs.rows));
}

template <class T>
HealthSummary health_summary(LabelsView labels, ProbsView<T> probs, bool asymmetric) {
    validate_inputs(labels, probs);
    const auto n = static_cast<std::int64_t>(probs.rows);
    const ConfidentJoint cj = compute_confident_joint(labels, probs, confident_thresholds(labels, probs));
    HealthSummary out;
    out.overall_label_health_score = overall_label_health_score(count_off_diagonal_issues(labels, probs, cj), n);
    out.joint = estimate_joint_from_confident_joint(cj.calibrated, label_counts(labels, probs.cols));
    out.classes_by_label_quality = rank_classes_by_label_quality(out.joint, n);
    out.overlapping_classes = find_overlapping_classes(out.joint, n, asymmetric);
    return out;
}

template double overall_label_health_score<double>(LabelsView, ProbsView<double>);
template double overall_label_health_score<float>(LabelsView, ProbsView<float>);
template HealthSummary health_summary<double>(LabelsView, ProbsView<double>, bool);
template HealthSummary health_summary<float>(LabelsView, ProbsView<float>, bool);

}  // namespace labelscope
