// Dataset-level health (docs/ALGORITHMS.md §12).
#pragma once

#include <cstdint>
#include <vector>

#include "types.hpp"

namespace labelscope {

struct ClassQuality {
    std::int32_t class_index;
    std::int64_t label_issues;          // given this class, truly another
    std::int64_t inverse_label_issues;  // truly this class, given another
    double label_noise;
    double inverse_label_noise;
    double label_quality_score;  // 1 - label_noise
};

struct ClassOverlap {
    std::int32_t class_a;
    std::int32_t class_b;
    std::int64_t num_overlapping_examples;
    double joint_probability;
};

struct HealthSummary {
    double overall_label_health_score = 0;
    RealMatrix joint;
    std::vector<ClassQuality> classes_by_label_quality;
    std::vector<ClassOverlap> overlapping_classes;
};

// From the joint Q (docs/ALGORITHMS.md §7.1) and N. Sorted by quality ascending, ties by class index.
std::vector<ClassQuality> rank_classes_by_label_quality(const RealMatrix& joint, std::int64_t num_examples);

// All pairs (a < b, or a != b when asymmetric), sorted by joint probability descending,
// ties in row-major generation order.
// overlapping_only: without the pairs whose joint probability is 0 (the end of the full list; at
// K = 10,000 there are 50M pairs, mostly those).
std::vector<ClassOverlap> find_overlapping_classes(const RealMatrix& joint, std::int64_t num_examples,
                                                   bool asymmetric = false, bool overlapping_only = false);

// 1 - num_label_issues / N ('off_diagonal' count).
inline double overall_label_health_score(std::int64_t num_issues, std::int64_t num_examples) {
    return 1.0 - static_cast<double>(num_issues) / static_cast<double>(num_examples);
}

// Validated entries from labels and probabilities.
template <class T>
double overall_label_health_score(LabelsView labels, ProbsView<T> probs);

template <class T>
HealthSummary health_summary(LabelsView labels, ProbsView<T> probs, bool asymmetric = false);

}  // namespace labelscope
