#!/usr/bin/env python3
"""Injected label flips on the same folds, over several flip seeds (bench/learn/RESULTS.md).

For each dataset (prepare_data.py's four, plus wine, digits, iris and 5,000 Fashion-MNIST test images,
written here by extra_data()) and each seed, 10 % of the labels are flipped as in flips.py. Then:
  - labelscope: labelscope_bench_learn (native, defaults: 5 folds, seed 0, C chosen) writes its
    probabilities and its fold assignment;
  - scikit-learn: StandardScaler + LogisticRegression(lbfgs, C=1, max_iter=100) (text: the hashing +
    TF-IDF pipeline of sklearn_reference.py) fitted on exactly those folds, and (--own-folds) on
    StratifiedKFold(5, shuffle, seed 0) as flips.py does;
both sets of probabilities go through the same `labelscope find-issues` (cleanlab 2.9.0's answer).
Prints mean accuracy against the true labels and mean precision / recall / F1 of the flagged set
against the flips. --clean: no flips; the seeds are then fold seeds (labelscope_bench_learn --seed),
and only accuracy is printed. Besides the public sets, three synthetic ones written here (synwide
300 x 100 with 3 classes, synbin 1,000 x 50 binary, syneasy 2,000 x 20 with 4 classes) stand in
for data the choice of C was not designed on.
  python3 flips_same_folds.py DATA_DIR BENCH_BINARY LABELSCOPE_CLI [--own-folds] [--clean] [--seeds 1,2,3] [NAME ...]
LABELSCOPE_CLI: the native CLI (dist/native/labelscope) or "node src/cli/labelscope.mjs".
Needs Debian's python3-sklearn and dataset-fashion-mnist (benchmark only)."""
import gzip
import json
import os
import resource
import subprocess
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import StratifiedKFold, cross_val_predict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import prepare_data  # noqa: E402
from flips import flip, scores  # noqa: E402
from sklearn_reference import load, model  # noqa: E402

warnings.simplefilter("ignore", ConvergenceWarning)
NAMES = ["cancer", "tabular10k", "text3k", "fmnist10k", "wine", "digits", "iris", "fmnisttest5k",
         "synwide", "synbin", "syneasy"]


def extra_data(out):
    from sklearn.datasets import load_digits, load_iris, load_wine
    prepare_data.OUT = out
    for name, loader in (("wine", load_wine), ("digits", load_digits), ("iris", load_iris)):
        d = loader()
        prepare_data.write(name, d.data.astype(np.float64), d.target, "f64")
    base = prepare_data.FMNIST
    with gzip.open(os.path.join(base, "t10k-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(base, "t10k-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    prepare_data.write("fmnisttest5k", images[:5000], labels[:5000], "u8")


def synthetic_data(out):
    from sklearn.datasets import make_classification
    prepare_data.OUT = out
    x, y = make_classification(n_samples=300, n_features=100, n_informative=10, n_redundant=10, n_classes=3,
                               random_state=11)
    prepare_data.write("synwide", x, y, "f64")
    x, y = make_classification(n_samples=2000, n_features=20, n_informative=8, n_classes=4, class_sep=1.5,
                               random_state=12)
    prepare_data.write("syneasy", x, y, "f64")
    x, y = make_classification(n_samples=1000, n_features=50, n_informative=5, n_redundant=5, n_classes=2,
                               flip_y=0.02, random_state=13)
    prepare_data.write("synbin", x, y, "f64")


def noisy_dir(data, name, seed, clean=False):
    """DATA/flips/NAME-sSEED: the features linked, the flipped labels (NAME.y, labels.csv); --clean:
    DATA/clean/NAME-sSEED with the labels as they are."""
    d = os.path.join(data, "clean" if clean else "flips", f"{name}-s{seed}")
    base = os.path.join(data, name)
    x, y, kind = load(base)
    noisy, truth = (y.copy(), set()) if clean else flip(y, 0.1, seed)
    os.makedirs(d, exist_ok=True)
    for ext in (".meta", ".x", ".txt"):
        if os.path.exists(base + ext) and not os.path.exists(os.path.join(d, name + ext)):
            os.symlink(base + ext, os.path.join(d, name + ext))
    noisy.astype(np.int32).tofile(os.path.join(d, name + ".y"))
    with open(os.path.join(d, "labels.csv"), "w") as f:
        f.write("label\n" + "\n".join(str(int(v)) for v in noisy) + "\n")
    return d, x, y, noisy, truth, kind


def flagged(cli, d, probs):
    path = os.path.join(d, "probs-for-find-issues.npy")
    np.save(path, probs)
    r = subprocess.run(cli + ["find-issues", "--labels", os.path.join(d, "labels.csv"), "--pred-probs", path],
                       capture_output=True, text=True, check=True)
    return set(json.loads(r.stdout)["indices"])


def evaluate(cli, d, probs, y, truth):
    """Accuracy against the true labels, then precision, recall and F1 of the flagged set (not
    without flips)."""
    accuracy = float((probs.argmax(1) == y).mean())
    if not truth:
        return [accuracy]
    s = scores(flagged(cli, d, probs), truth)
    return [accuracy, s["precision"], s["recall"], s["f1"]]


def text_of(values):
    if len(values) == 1:
        return f"{values[0]:.4f}"
    return f"{values[0]:.4f} / {values[1]:.3f} / {values[2]:.3f} / {values[3]:.3f}"


def main():
    args = sys.argv[1:]
    data, binary, cli = args[0], args[1], args[2].split()
    args = args[3:]
    own, clean, seeds, names = False, False, [1, 2, 3], []
    while args:
        a = args.pop(0)
        if a == "--own-folds":
            own = True
        elif a == "--clean":
            clean = True
        elif a == "--seeds":
            seeds = [int(v) for v in args.pop(0).split(",")]
        else:
            names.append(a)
    if not os.path.exists(os.path.join(data, "iris.meta")):
        extra_data(data)
    if not os.path.exists(os.path.join(data, "synwide.meta")):
        synthetic_data(data)
    what = "accuracy" if clean else "accuracy / precision / recall / F1"
    print(f"data | labelscope {what} (C chosen) | scikit-learn same folds | scikit-learn own folds | "
          "labelscope CPU s", flush=True)
    for name in names or NAMES:
        rows = []
        for seed in seeds:
            d, x, y, noisy, truth, kind = noisy_dir(data, name, seed, clean)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            fold_seed = ["--seed", str(seed)] if clean else []
            out = subprocess.run([binary, d, name, *fold_seed], capture_output=True, text=True, check=True).stdout
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            k = int(y.max()) + 1
            ours = np.fromfile(os.path.join(d, name + ".probs")).reshape(len(y), k)
            folds = np.fromfile(os.path.join(d, name + ".folds"), dtype=np.int32)
            same = np.zeros((len(y), k))
            for f in range(int(folds.max()) + 1):
                te, tr = np.flatnonzero(folds == f), np.flatnonzero(folds != f)
                xtr = [x[i] for i in tr] if kind == "text" else x[tr]
                xte = [x[i] for i in te] if kind == "text" else x[te]
                same[te] = model(kind, 1.0, 100).fit(xtr, noisy[tr]).predict_proba(xte)
            row = [*evaluate(cli, d, ours, y, truth), *evaluate(cli, d, same, y, truth)]
            if own:
                cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
                sk = cross_val_predict(model(kind, 1.0, 100), x, noisy, cv=cv, method="predict_proba")
                row += evaluate(cli, d, sk, y, truth)
            rows.append((row, out.split(" C ")[1].split(":")[0], cpu))
        mean = np.mean([r for r, _, _ in rows], axis=0)
        cs = ", ".join(c for _, c, _ in rows)
        w = 1 if clean else 4
        text = f"{name} | {text_of(mean[:w])} (C {cs}) | {text_of(mean[w:2 * w])}"
        text += f" | {text_of(mean[2 * w:])}" if own else " | -"
        print(f"{text} | {np.mean([c for _, _, c in rows]):.2f}", flush=True)


if __name__ == "__main__":
    main()
