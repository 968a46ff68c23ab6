#!/usr/bin/env python3
"""Writes the trainer benchmark's inputs to a folder (default /tmp/labelscope-learn-bench):
for each dataset NAME, NAME.meta ("rows cols type", type u8 | f64 | text), NAME.y (int32 labels),
and NAME.x (row-major features) or NAME.txt (one text per line).

- fmnist10k: the first 10,000 training images of Fashion-MNIST (Debian package
  dataset-fashion-mnist, MIT licence), 784 uint8 pixels, 10 classes.
- cancer: scikit-learn's bundled Wisconsin breast-cancer table, 569 x 30, 2 classes (public).
- tabular10k: 10,000 x 30 synthetic (sklearn.datasets.make_classification, seed 0), 3 classes.
- text3k: 3,000 short synthetic reviews (5-12 words, topic words 50% of the time), 4 classes.
Needs Debian's python3-sklearn (benchmark only, never the tests).
"""
import gzip
import os
import sys

import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/labelscope-learn-bench"
FMNIST = "/usr/share/datasets/fashion-mnist"


def write(name, x, y, kind):
    y = np.asarray(y, dtype=np.int32)
    with open(os.path.join(OUT, name + ".meta"), "w") as f:
        cols = 1 if kind == "text" else x.shape[1]
        f.write(f"{len(y)} {cols} {kind}\n")
    y.tofile(os.path.join(OUT, name + ".y"))
    if kind == "text":
        with open(os.path.join(OUT, name + ".txt"), "w") as f:
            f.write("\n".join(x) + "\n")
    else:
        np.ascontiguousarray(x, dtype=np.uint8 if kind == "u8" else np.float64).tofile(os.path.join(OUT, name + ".x"))


def main():
    os.makedirs(OUT, exist_ok=True)
    with gzip.open(os.path.join(FMNIST, "train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(FMNIST, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    write("fmnist10k", images[:10000], labels[:10000], "u8")

    from sklearn.datasets import load_breast_cancer, make_classification
    cancer = load_breast_cancer()
    write("cancer", cancer.data, cancer.target, "f64")
    x, y = make_classification(n_samples=10000, n_features=30, n_informative=12, n_redundant=6, n_classes=3,
                               flip_y=0.05, class_sep=0.8, random_state=0)
    write("tabular10k", x, y, "f64")

    rng = np.random.default_rng(0)
    topics = [["battery", "charger", "screen", "volts"], ["pasta", "sauce", "garlic", "oven"],
              ["goal", "match", "striker", "league"], ["poem", "novel", "chapter", "author"]]
    filler = ("the a very quite good bad great poor it was is this that really not so much more "
              "less item order arrived late early fine ok would buy again never").split()
    texts, ys = [], []
    for i in range(3000):
        c = i % 4
        words = [filler[rng.integers(len(filler))] for _ in range(rng.integers(5, 13))]
        for _ in range(2):
            if rng.random() < 0.5:
                t = topics[c] if rng.random() < 0.8 else topics[rng.integers(4)]
                words.insert(rng.integers(len(words) + 1), t[rng.integers(4)])
        texts.append(" ".join(words))
        ys.append(c)
    write("text3k", texts, ys, "text")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
