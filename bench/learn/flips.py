#!/usr/bin/env python3
"""Injected label flips: how well each pipeline finds them (bench/learn/RESULTS.md).

For each dataset written by prepare_data.py, a seeded FLIP share of the labels is flipped to
another class (uniformly). Then, on the noisy labels:
  - labelscope: `labelscope cross-val` (its trainer, defaults: 5 folds, C chosen automatically),
    then `labelscope find-issues --pred-probs` on those probabilities (default filter
    prune_by_noise_rate);
  - scikit-learn: cross_val_predict(StandardScaler + LogisticRegression(lbfgs, C=1, max_iter=100),
    StratifiedKFold(5, shuffle, seed 0), method="predict_proba") (text: HashingVectorizer + TF-IDF
    as sklearn_reference.py), its probabilities given to `labelscope find-issues --pred-probs`.
    labelscope's find-issues reproduces cleanlab 2.9.0's find_label_issues on the same
    probabilities (the golden parity suite, tests/parity), so this column stands for cleanlab run on
    scikit-learn's probabilities; cleanlab itself is not installed on this machine (no network).
Prints and writes (--json) out-of-sample accuracy against the true and the noisy labels, and the
precision / recall / F1 of the flagged set against the flipped rows.
  python3 flips.py DATA_DIR [--flip 0.1] [--seed 1] [--json OUT] [NAME ...]
Needs Debian's python3-sklearn and node (benchmark only)."""
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import StratifiedKFold, cross_val_predict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sklearn_reference import load, model  # noqa: E402

warnings.simplefilter("ignore", ConvergenceWarning)
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = [os.environ.get("NODE", "node"), os.path.join(ROOT, "src", "cli", "labelscope.mjs")]


def flip(y, share, seed):
    rng = np.random.default_rng(seed)
    k = int(y.max()) + 1
    rows = rng.choice(len(y), size=int(round(share * len(y))), replace=False)
    noisy = y.copy()
    for i in rows:
        noisy[i] = (y[i] + rng.integers(1, k)) % k  # any other class
    return noisy, set(int(i) for i in rows)


def write_inputs(tmp, name, x, noisy, kind):
    labels = os.path.join(tmp, name + "-labels.csv")
    with open(labels, "w") as f:
        f.write("label\n" + "\n".join(str(int(v)) for v in noisy) + "\n")
    if kind == "text":
        table = os.path.join(tmp, name + "-table.csv")
        with open(table, "w") as f:
            f.write("label,text\n")
            for v, t in zip(noisy, x):
                f.write(f'{int(v)},"{t}"\n')
        return ["--data", table, "--label-column", "label", "--text-column", "text"]
    features = os.path.join(tmp, name + "-x.npy")
    np.save(features, x.astype(np.uint8) if kind == "u8" else x)
    return ["--labels", labels, "--features", features]


def run(args):
    r = subprocess.run(CLI + args, capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise RuntimeError(f"labelscope {' '.join(args)}: exit {r.returncode}: {r.stderr}")
    return r.stdout


def probs_csv(path, p):
    np.savetxt(path, p, delimiter=",", fmt="%.17g", header=",".join(str(c) for c in range(p.shape[1])), comments="")


def read_probs(path):
    return np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)


def flagged(tmp, name, labels, probs_path):
    out = json.loads(run(["find-issues", "--labels", labels, "--pred-probs", probs_path]))
    return set(out["indices"])


def scores(found, truth):
    tp = len(found & truth)
    p = tp / len(found) if found else 0.0
    r = tp / len(truth) if truth else 0.0
    return {"flagged": len(found), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main():
    args = sys.argv[1:]
    data = args.pop(0)
    share, seed, out = 0.1, 1, None
    names = []
    while args:
        a = args.pop(0)
        if a == "--flip":
            share = float(args.pop(0))
        elif a == "--seed":
            seed = int(args.pop(0))
        elif a == "--json":
            out = args.pop(0)
        else:
            names.append(a)
    names = names or ["cancer", "tabular10k", "text3k", "fmnist10k"]
    results = []
    with tempfile.TemporaryDirectory(prefix="labelscope-flips-") as tmp:
        for name in names:
            x, y, kind = load(os.path.join(data, name))
            noisy, truth = flip(y, share, seed)
            inputs = write_inputs(tmp, name, x, noisy, kind)
            labels = os.path.join(tmp, name + "-labels.csv")
            row = {"dataset": name, "rows": int(len(y)), "classes": int(y.max()) + 1, "flipped": len(truth),
                   "flip_share": share, "seed": seed}
            # labelscope: its own trainer, then find-issues on its probabilities.
            ls_probs = os.path.join(tmp, name + "-ls.csv")
            t = time.time()
            run(["cross-val", *inputs, "--out", ls_probs, "--quiet"])
            ls_seconds = time.time() - t
            p = read_probs(ls_probs)
            row["labelscope"] = {"seconds_wall": ls_seconds, "accuracy_true": float((p.argmax(1) == y).mean()),
                                 "accuracy_noisy": float((p.argmax(1) == noisy).mean()),
                                 **scores(flagged(tmp, name, labels, ls_probs), truth)}
            # scikit-learn's probabilities, the same find-issues.
            t, c = time.time(), time.process_time()
            cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
            sk = cross_val_predict(model(kind, 1.0, 100), x, noisy, cv=cv, method="predict_proba")
            sk_wall, sk_cpu = time.time() - t, time.process_time() - c
            sk_probs = os.path.join(tmp, name + "-sk.csv")
            probs_csv(sk_probs, sk)
            row["sklearn"] = {"seconds_wall": sk_wall, "seconds_cpu": sk_cpu,
                              "accuracy_true": float((sk.argmax(1) == y).mean()),
                              "accuracy_noisy": float((sk.argmax(1) == noisy).mean()),
                              **scores(flagged(tmp, name, labels, sk_probs), truth)}
            results.append(row)
            a, b = row["labelscope"], row["sklearn"]
            print(f"{name}: {len(truth)} of {len(y)} flipped | labelscope acc {a['accuracy_true']:.4f} "
                  f"P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f} ({a['flagged']} flagged, "
                  f"{a['seconds_wall']:.1f} s) | sklearn acc {b['accuracy_true']:.4f} P {b['precision']:.3f} "
                  f"R {b['recall']:.3f} F1 {b['f1']:.3f} ({b['flagged']} flagged, {b['seconds_cpu']:.1f} s CPU)",
                  flush=True)
    if out:
        with open(out, "w") as f:
            json.dump({"measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                       "load_average": os.getloadavg(), "results": results}, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
