#!/usr/bin/env python3
"""scikit-learn reference for bench/learn: StandardScaler + LogisticRegression(lbfgs) fitted on
exactly the folds labelscope used (NAME.folds, written by labelscope_bench_learn), text through
HashingVectorizer(2^18, unigrams + bigrams, alternate_sign=False) + TfidfTransformer. Prints
out-of-sample accuracy, log loss and seconds (wall and CPU).
  python3 sklearn_reference.py DIR NAME [C ...]     (default C = 1.0, scikit-learn's default)
Needs Debian's python3-sklearn (benchmark only)."""
import os
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.simplefilter("ignore", ConvergenceWarning)


def load(base):
    rows, cols, kind = open(base + ".meta").read().split()
    rows, cols = int(rows), int(cols)
    y = np.fromfile(base + ".y", dtype=np.int32)
    if kind == "text":
        x = open(base + ".txt").read().split("\n")[:rows]
    else:
        x = np.fromfile(base + ".x", dtype=np.uint8 if kind == "u8" else np.float64).reshape(rows, cols)
        x = x.astype(np.float64)
    return x, y, kind


def model(kind, c, max_iter):
    lr = LogisticRegression(C=c, solver="lbfgs", max_iter=max_iter)
    if kind == "text":
        return make_pipeline(HashingVectorizer(n_features=2**18, ngram_range=(1, 2), alternate_sign=False, norm=None),
                             TfidfTransformer(), lr)
    return make_pipeline(StandardScaler(), lr)


def main():
    base = os.path.join(sys.argv[1], sys.argv[2])
    cs = [float(v) for v in sys.argv[3:]] or [1.0]
    x, y, kind = load(base)
    folds = np.fromfile(base + ".folds", dtype=np.int32)
    k = int(y.max()) + 1
    for c in cs:
        for max_iter in (100,):
            probs = np.zeros((len(y), k))
            wall, cpu = time.perf_counter(), time.process_time()
            for f in range(int(folds.max()) + 1):
                test, train = folds == f, folds != f
                xtr = [x[i] for i in np.flatnonzero(train)] if kind == "text" else x[train]
                xte = [x[i] for i in np.flatnonzero(test)] if kind == "text" else x[test]
                m = model(kind, c, max_iter).fit(xtr, y[train])
                probs[np.flatnonzero(test)] = m.predict_proba(xte)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            acc = float(np.mean(probs.argmax(1) == y))
            ll = float(-np.mean(np.log(np.clip(probs[np.arange(len(y)), y], 1e-15, 1))))
            print(f"sklearn {sys.argv[2]}: C {c:g}, max_iter {max_iter}: accuracy {acc:.4f}, log loss {ll:.4f}, "
                  f"{wall:.3f} s wall, {cpu:.3f} s CPU")


if __name__ == "__main__":
    main()
