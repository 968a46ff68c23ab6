// The golden outputs, grouped by area. Each function checks every recorded output of its area
// for one case through the Checker (which reports failures and counts outputs).
#pragma once

#include "parity/checker.hpp"

namespace parity {

void check_filter(Checker& c);  // find_label_issues, _ranked, _variants (docs/ALGORITHMS.md §10, §11)
void check_scores(Checker& c);  // label_quality_scores (docs/ALGORITHMS.md §9), ood_scores_from_pred_probs (§14)
void check_counts(Checker& c);  // thresholds, confident joint, joint, latent, issue count (docs/ALGORITHMS.md §4-§8)
void check_health(Checker& c);  // dataset (docs/ALGORITHMS.md §12)
void check_warnings(Checker& c);  // warnings/find_label_issues via audit (docs/ALGORITHMS.md §10.12)

}  // namespace parity
