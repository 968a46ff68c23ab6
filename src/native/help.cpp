// Help texts: the native variant of the Node CLI's (src/cli/args.mjs), written by help.gen.mjs; do not edit by hand.
#include "native/help.hpp"

namespace labelscope::cli {

namespace {

const char* const TOP = R"(: find likely label errors in classification data (confident learning,
as in cleanlab 2.9), from given labels and a model's out-of-sample predicted probabilities.
Probabilities computed from a labelled table's own features (--features, --text-column) are
the Node CLI's: npx labelscope <command> ... (this native build has no trainer).

Usage: labelscope <command> [options]

Commands:
  find-issues    flag likely label errors (cleanlab.filter.find_label_issues)
  scores         label quality score of every example (cleanlab.rank.get_label_quality_scores)
  health         dataset label health: per-class noise, overlapping classes, noise matrices
  audit          everything for a review: flagged examples with suggested labels, rows and data

In the Node CLI only (npx labelscope <command>):
  cross-val      out-of-sample probabilities from features (k-fold cross-validation)
  simulate-noise flip a fraction of the labels with a seed (known truth for lessons)

Run 'labelscope <command> --help' for the options of a command.
Exit codes: 0 success, 1 unexpected error, 2 usage error, 3 bad input file.)";

}  // namespace

std::string top_help(const std::string& version) { return "labelscope " + version + TOP; }

const char* command_help(const std::string& command) {
    if (command == "find-issues")
        return R"(Usage: labelscope find-issues (--labels L --pred-probs P | --data FILE) [options]

Flags the examples whose given label is likely wrong, most likely first.

Input (one of):
  --labels L --pred-probs P   labels (class index or name per row) and predicted probabilities
                              (one column per class); .csv, .tsv or .npy, recognised by content
  --data FILE                 one CSV with a label column, one probability column per class and
                              optional id/text columns (kept in the output of audit)
  --label-column NAME         with --data: the label column (default: label, labels, given_label, y)
  --single-thread             read without the helper thread that prepares memory for big files
                              (same results; the helper saves time on multi-core machines)
  --allow-unnormalized        use probabilities whose rows mostly do not sum to 1 as given (with a
                              warning); without it they are refused as looking like features
  --float32                   keep the probabilities as float32 (half the memory; scores are
                              computed on the float32-rounded values)

Options:
  --filter-by M               prune_by_noise_rate (default), prune_by_class, both,
                              confident_learning, predicted_neq_given, low_normalized_margin,
                              low_self_confidence
  --rank-by R                 self_confidence (default), normalized_margin,
                              confidence_weighted_entropy, or none (ascending index order)
  --frac-noise F              fraction of the estimated issues to flag, in (0, 1] (default 1)
  --min-examples-per-class N  the prune methods leave at least N examples in every class
                              (default 1)
  --adjust-pred-probs         rank with probabilities adjusted by the class thresholds

Output:
  --format json|csv           default json
  --out FILE                  write there instead of standard output
  JSON: {"n","k","filter_by","rank_by","num_issues","indices":[...],"warnings":[...]}
  CSV:  rank,index,label_quality,given_label,suggested_label, one row per flagged example;
        label_quality is the --rank-by score (self_confidence with --rank-by none)

Probabilities computed from the data's own features (--features, --text-column, --folds,
--seed, --c, --impute, --fold-case, --quiet) are the Node CLI's: npx labelscope find-issues --data FILE --features all
(this native build has no trainer: it reads --pred-probs, or --data with probability columns).

Multi-label data (each example has a set of classes, possibly empty):
  --multi-label               labels hold sets: 'a;b', 'a|b' or JSON arrays ["a","b"] (empty cell =
                              no class), or one 0/1 column per class named label_<class>, or a .npy
                              N x K of 0/1; pred_probs has one independent probability per class
                              (rows need not sum to 1). Every class is a one-vs-rest problem.
                              --data FILE: one CSV with the set column (or label_<class> columns)
                              and one probability column per class (p_<class>, or numeric)
                              --features all|COL,... (or --labels SETS --features X): one-vs-rest
                              probabilities computed first from the data's own features, as
                              cross-val --multi-label computes them (Node CLI)
  --per-class                 find-issues: {"per_class": [[examples flagged for class 0], ...]}
                              (index order, or ranked by --rank-by when it is given)
  --aggregator A              how per-class scores become one score (scores, and the ranking of
                              find-issues/audit): exponential_moving_average (default), softmin,
                              min, max, mean
  --alpha A                   exponential_moving_average weight in [0, 1] (default 0.8; 'none' =
                              2 / (K + 1))
  --temperature T             softmin temperature > 0 (default 0.1)
  health --multi-label prints {"overall_label_health_score","classes":[...],"common_issues":[...]};
  audit --multi-label lists per flagged example its given set and the classes that are probably
  missing or probably extra.)";
    if (command == "scores")
        return R"(Usage: labelscope scores (--labels L --pred-probs P | --data FILE) [options]

One label quality score per example, between 0 and 1: lower = more likely mislabelled.

Input (one of):
  --labels L --pred-probs P   labels (class index or name per row) and predicted probabilities
                              (one column per class); .csv, .tsv or .npy, recognised by content
  --data FILE                 one CSV with a label column, one probability column per class and
                              optional id/text columns (kept in the output of audit)
  --label-column NAME         with --data: the label column (default: label, labels, given_label, y)
  --single-thread             read without the helper thread that prepares memory for big files
                              (same results; the helper saves time on multi-core machines)
  --allow-unnormalized        use probabilities whose rows mostly do not sum to 1 as given (with a
                              warning); without it they are refused as looking like features
  --float32                   keep the probabilities as float32 (half the memory; scores are
                              computed on the float32-rounded values)

Options:
  --method M                  self_confidence (default), normalized_margin,
                              confidence_weighted_entropy
  --adjust-pred-probs         subtract the class thresholds first (not with
                              confidence_weighted_entropy)

Output:
  --format json|csv           default json
  --out FILE                  write there instead of standard output
  JSON: {"method","adjust_pred_probs","scores":[...],"warnings":[...]}
  CSV:  index,score

Probabilities computed from the data's own features (--features, --text-column, --folds,
--seed, --c, --impute, --fold-case, --quiet) are the Node CLI's: npx labelscope scores --data FILE --features all
(this native build has no trainer: it reads --pred-probs, or --data with probability columns).

Multi-label data (each example has a set of classes, possibly empty):
  --multi-label               labels hold sets: 'a;b', 'a|b' or JSON arrays ["a","b"] (empty cell =
                              no class), or one 0/1 column per class named label_<class>, or a .npy
                              N x K of 0/1; pred_probs has one independent probability per class
                              (rows need not sum to 1). Every class is a one-vs-rest problem.
                              --data FILE: one CSV with the set column (or label_<class> columns)
                              and one probability column per class (p_<class>, or numeric)
                              --features all|COL,... (or --labels SETS --features X): one-vs-rest
                              probabilities computed first from the data's own features, as
                              cross-val --multi-label computes them (Node CLI)
  --per-class                 find-issues: {"per_class": [[examples flagged for class 0], ...]}
                              (index order, or ranked by --rank-by when it is given)
  --aggregator A              how per-class scores become one score (scores, and the ranking of
                              find-issues/audit): exponential_moving_average (default), softmin,
                              min, max, mean
  --alpha A                   exponential_moving_average weight in [0, 1] (default 0.8; 'none' =
                              2 / (K + 1))
  --temperature T             softmin temperature > 0 (default 0.1)
  health --multi-label prints {"overall_label_health_score","classes":[...],"common_issues":[...]};
  audit --multi-label lists per flagged example its given set and the classes that are probably
  missing or probably extra.)";
    if (command == "health")
        return R"(Usage: labelscope health (--labels L --pred-probs P | --data FILE) [--format json]

The overall label health score, the classes ranked by label quality (worst first), the pairs of
classes most often confused, the confident joint, the noise matrices and the prior of the true
labels (cleanlab.dataset.health_summary, count.estimate_py_and_noise_matrices_from_probabilities).

Input (one of):
  --labels L --pred-probs P   labels (class index or name per row) and predicted probabilities
                              (one column per class); .csv, .tsv or .npy, recognised by content
  --data FILE                 one CSV with a label column, one probability column per class and
                              optional id/text columns (kept in the output of audit)
  --label-column NAME         with --data: the label column (default: label, labels, given_label, y)
  --single-thread             read without the helper thread that prepares memory for big files
                              (same results; the helper saves time on multi-core machines)
  --allow-unnormalized        use probabilities whose rows mostly do not sum to 1 as given (with a
                              warning); without it they are refused as looking like features
  --float32                   keep the probabilities as float32 (half the memory; scores are
                              computed on the float32-rounded values)

Output:
  --format json               the only format
  --out FILE                  write there instead of standard output

Probabilities computed from the data's own features (--features, --text-column, --folds,
--seed, --c, --impute, --fold-case, --quiet) are the Node CLI's: npx labelscope health --data FILE --features all
(this native build has no trainer: it reads --pred-probs, or --data with probability columns).

Multi-label data (each example has a set of classes, possibly empty):
  --multi-label               labels hold sets: 'a;b', 'a|b' or JSON arrays ["a","b"] (empty cell =
                              no class), or one 0/1 column per class named label_<class>, or a .npy
                              N x K of 0/1; pred_probs has one independent probability per class
                              (rows need not sum to 1). Every class is a one-vs-rest problem.
                              --data FILE: one CSV with the set column (or label_<class> columns)
                              and one probability column per class (p_<class>, or numeric)
                              --features all|COL,... (or --labels SETS --features X): one-vs-rest
                              probabilities computed first from the data's own features, as
                              cross-val --multi-label computes them (Node CLI)
  --per-class                 find-issues: {"per_class": [[examples flagged for class 0], ...]}
                              (index order, or ranked by --rank-by when it is given)
  --aggregator A              how per-class scores become one score (scores, and the ranking of
                              find-issues/audit): exponential_moving_average (default), softmin,
                              min, max, mean
  --alpha A                   exponential_moving_average weight in [0, 1] (default 0.8; 'none' =
                              2 / (K + 1))
  --temperature T             softmin temperature > 0 (default 0.1)
  health --multi-label prints {"overall_label_health_score","classes":[...],"common_issues":[...]};
  audit --multi-label lists per flagged example its given set and the classes that are probably
  missing or probably extra.)";
    if (command == "audit")
        return R"(Usage: labelscope audit (--labels L --pred-probs P | --data FILE) [options]

One row per flagged example, most likely error first: its index (from 0), its row (row N = the
N-th data row of the file, header not counted: index + 1), the given and the suggested
label, the label quality score, the probabilities of both labels, and the id/text columns of a
--data file. The JSON adds a summary.

Input (one of):
  --labels L --pred-probs P   labels (class index or name per row) and predicted probabilities
                              (one column per class); .csv, .tsv or .npy, recognised by content
  --data FILE                 one CSV with a label column, one probability column per class and
                              optional id/text columns (kept in the output of audit)
  --label-column NAME         with --data: the label column (default: label, labels, given_label, y)
  --single-thread             read without the helper thread that prepares memory for big files
                              (same results; the helper saves time on multi-core machines)
  --allow-unnormalized        use probabilities whose rows mostly do not sum to 1 as given (with a
                              warning); without it they are refused as looking like features
  --float32                   keep the probabilities as float32 (half the memory; scores are
                              computed on the float32-rounded values)

Options (as for find-issues):
  --filter-by M               prune_by_noise_rate (default), prune_by_class, both,
                              confident_learning, predicted_neq_given, low_normalized_margin,
                              low_self_confidence
  --rank-by R                 self_confidence (default), normalized_margin,
                              confidence_weighted_entropy, or none (ascending index order)
  --frac-noise F              fraction of the estimated issues to flag, in (0, 1] (default 1)
  --min-examples-per-class N  the prune methods leave at least N examples in every class
                              (default 1)
  --adjust-pred-probs         rank with probabilities adjusted by the class thresholds

Output:
  --format json|csv           default json
  --out FILE                  write there instead of standard output
  JSON: {"n","k","class_names","filter_by","rank_by","num_issues","num_label_issues",
         "overall_label_health_score","warnings","issues":[{"rank","index","row",...}]}
  CSV:  rank,index,row,given_label,suggested_label,label_quality,given_probability,
        suggested_probability, then the id/text columns of --data

Probabilities computed from the data's own features (--features, --text-column, --folds,
--seed, --c, --impute, --fold-case, --quiet) are the Node CLI's: npx labelscope audit --data FILE --features all
(this native build has no trainer: it reads --pred-probs, or --data with probability columns).

Multi-label data (each example has a set of classes, possibly empty):
  --multi-label               labels hold sets: 'a;b', 'a|b' or JSON arrays ["a","b"] (empty cell =
                              no class), or one 0/1 column per class named label_<class>, or a .npy
                              N x K of 0/1; pred_probs has one independent probability per class
                              (rows need not sum to 1). Every class is a one-vs-rest problem.
                              --data FILE: one CSV with the set column (or label_<class> columns)
                              and one probability column per class (p_<class>, or numeric)
                              --features all|COL,... (or --labels SETS --features X): one-vs-rest
                              probabilities computed first from the data's own features, as
                              cross-val --multi-label computes them (Node CLI)
  --per-class                 find-issues: {"per_class": [[examples flagged for class 0], ...]}
                              (index order, or ranked by --rank-by when it is given)
  --aggregator A              how per-class scores become one score (scores, and the ranking of
                              find-issues/audit): exponential_moving_average (default), softmin,
                              min, max, mean
  --alpha A                   exponential_moving_average weight in [0, 1] (default 0.8; 'none' =
                              2 / (K + 1))
  --temperature T             softmin temperature > 0 (default 0.1)
  health --multi-label prints {"overall_label_health_score","classes":[...],"common_issues":[...]};
  audit --multi-label lists per flagged example its given set and the classes that are probably
  missing or probably extra.)";
    return nullptr;
}

}  // namespace labelscope::cli
