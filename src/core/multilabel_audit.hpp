// One multi-label call that computes the shared steps once and returns everything a UI shows:
// ranked issues, per-class issues (what looks missing or extra), scores, health tables.
#pragma once

#include <optional>
#include <vector>

#include "errors.hpp"
#include "multilabel.hpp"

namespace labelscope {

struct MultiLabelAuditOptions {
    MultiLabelFindOptions find;
    // Per-class score method of the ranking and of label_quality; nullopt = issues in index order
    // (label_quality is then the default self_confidence aggregate).
    std::optional<ScoreOptions> rank_by = ScoreOptions{};
    AggregatorOptions aggregator;
};

struct MultiLabelReport {
    std::size_t num_examples = 0;
    std::size_t num_classes = 0;
    IndexList issues;                   // flagged examples in rank order
    Mask is_label_issue;                // per example
    std::vector<double> label_quality;  // per example, aggregated
    // Per class: examples flagged in that class's sub-problem, in index order. A flagged example
    // whose set holds the class probably should not (extra); one whose set lacks it probably
    // should (missing).
    std::vector<IndexList> class_issues;
    std::vector<std::int64_t> label_counts;  // examples whose set holds each class
    RealMatrix thresholds;                   // K x 2 (absent, present)
    MultiLabelJoint confident_joint;         // K x 2 x 2
    std::int64_t num_label_issues = 0;       // multi-label num_label_issues (confident_learning)
    MultiLabelHealth health;                 // docs/ALGORITHMS.md §13.7, default method whatever `find` says
    Warnings warnings;
};

template <class T>
MultiLabelReport audit_multilabel(MultiLabelsView labels, ProbsView<T> probs,
                                  const MultiLabelAuditOptions& options = {});

}  // namespace labelscope
