// find_label_issues as the JS API and the CLIs run it on a dataset: the inputs are validated
// first, then the options (so a bad input is reported before a bad option, whichever caller
// runs it), and one set of thresholds serves the flags, the ranking and the warnings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "errors.hpp"
#include "types.hpp"

namespace labelscope {

// Options by cleanlab's names and values; parsed after the inputs are validated.
struct FindIssuesRequest {
    std::string filter_by = "prune_by_noise_rate";
    double frac_noise = 1.0;
    std::int64_t min_examples_per_class = 1;
    std::vector<std::int64_t> num_to_remove_per_class;  // empty = not given
    const CountMatrix* confident_joint = nullptr;       // optional, K x K
    // return_indices_ranked_by: a score method, or "none" for ascending index order.
    std::string rank_by = "none";
    bool adjust_pred_probs = false;  // for the ranking
    // validate_inputs without the two-class requirement already ran on these inputs (e.g.
    // io::validate_dataset): only that requirement is checked, and the warnings it returned are
    // the caller's (the result holds the method's). Saves a pass over N x K values.
    bool values_validated = false;
};

struct FindIssuesResult {
    Mask mask;
    IndexList indices;  // ranked by rank_by, or ascending
    Warnings warnings;  // validation's (unless values_validated), then the method's
};

// Throws LabelScopeError for invalid inputs, then for invalid options (invalid_option).
template <class T>
FindIssuesResult find_issues_run(LabelsView labels, ProbsView<T> probs, const FindIssuesRequest& request);

}  // namespace labelscope
