// The golden outputs, grouped by area. Each function checks every recorded output of its area
// for one case through the Checker (which reports failures and counts outputs).
#pragma once

#include "parity/checker.hpp"

namespace parity {

void check_filter(Checker& c);    // find_label_issues, _ranked, _variants (SPEC §9, §10)
void check_scores(Checker& c);    // label_quality_scores (SPEC §8), ood_scores_from_pred_probs (SPEC §13)
void check_counts(Checker& c);    // thresholds, confident joint, joint, latent, num_label_issues (SPEC §3-§7)
void check_health(Checker& c);    // dataset (SPEC §11)
void check_warnings(Checker& c);  // warnings/find_label_issues via audit (SPEC §9.12)

}  // namespace parity
