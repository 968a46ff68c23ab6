"""cleanlab's side of the end-to-end comparison (issue 17), run as a whole process like the CLIs:
pandas read_csv of the labels and pred_probs CSVs, then cleanlab.filter.find_label_issues ranked by
self-confidence with n_jobs=1, the flagged indices written as JSON to OUT.

Usage: python3 bench/cleanlab_find_issues.py LABELS_CSV PRED_PROBS_CSV OUT
Needs cleanlab 2.9.0 and pandas (bench/README.md). Only cleanlab's public API is called.
"""
import json
import sys

import pandas as pd
from cleanlab.filter import find_label_issues


def main():
    labels_csv, probs_csv, out = sys.argv[1:4]
    labels = pd.read_csv(labels_csv).iloc[:, 0].to_numpy()
    pred_probs = pd.read_csv(probs_csv).to_numpy()
    issues = find_label_issues(labels, pred_probs, return_indices_ranked_by="self_confidence", n_jobs=1)
    with open(out, "w") as f:
        json.dump({"n": int(len(labels)), "num_issues": int(len(issues)), "issues": issues.tolist()}, f)


if __name__ == "__main__":
    main()
