#!/usr/bin/env python3
"""Regenerate the headlines example (dataset.csv, labels.csv, pred_probs.csv, classes.txt).

Synthetic data written for labelscope (MIT). Python 3 standard library only and deterministic:
running it twice gives byte-identical files. The CSVs are committed; nothing runs this at test time.

Each row lists the headline, its given label, its true label and the probabilities the
(imaginary) out-of-sample text classifier puts on one or two classes. The rest of the row's
probability is spread over the other classes with a seeded random split, and every row is
rounded to 4 decimals that sum to exactly 1.0000.
"""

import csv
import os
import random

CLASSES = ["sports", "weather", "cooking", "technology"]
S, W, C, T = CLASSES
SEED = 20240607
HERE = os.path.dirname(os.path.abspath(__file__))

# (text, given label, true label, {class: probability} for the classes the model leans to)
ROWS = [
    # --- sports ---
    ("Harbor City striker storms to a hat-trick in cup win", W, S, {S: 0.91, W: 0.04}),  # wrong: "storms"
    ("Underdogs stun champions in overtime basketball thriller", S, S, {S: 0.95}),
    ("Tennis veteran retires after a twenty-year career", S, S, {S: 0.88}),
    ("Local rowing club wins gold at national regatta", S, S, {S: 0.90}),
    ("Injured goalkeeper ruled out for the rest of the season", S, S, {S: 0.93}),
    ("Cyclists tackle steep mountain stage in grand tour", S, S, {S: 0.86, W: 0.06}),
    ("Rookie pitcher throws a no-hitter in his first start", S, S, {S: 0.94}),
    ("Rugby sevens squad named for the summer games", S, S, {S: 0.92}),
    ("Swimmer breaks national record in 200m freestyle", S, S, {S: 0.96}),
    ("Golf open heads to a playoff after a dramatic final round", S, S, {S: 0.89}),
    ("Rain delays the final day of the cricket test", S, S, {S: 0.71, W: 0.25}),
    ("Marathon postponed as storm warning hits the coast", S, S, {W: 0.52, S: 0.41}),  # ambiguous
    ("Riverside Storm sink the Cyclones in the cup final", S, S, {W: 0.86, S: 0.11}),  # model fooled
    # --- weather ---
    ("Heavy snow expected across the northern hills tonight", S, W, {W: 0.90, S: 0.05}),  # wrong
    ("Heatwave pushes temperatures past 38 degrees", C, W, {W: 0.89, C: 0.03}),  # wrong: "heat"
    ("Forecasters warn of flash floods after days of rain", W, W, {W: 0.95}),
    ("Thick fog delays morning flights at the regional airport", W, W, {W: 0.84, T: 0.07}),
    ("Hurricane strengthens to category three offshore", W, W, {W: 0.93}),
    ("Cold front brings frost to farms overnight", W, W, {W: 0.91}),
    ("Driest spring on record prompts hosepipe ban", W, W, {W: 0.87}),
    ("Thunderstorms and hail forecast for the weekend", W, W, {W: 0.97}),
    ("Strong winds topple trees across the valley", W, W, {W: 0.90}),
    ("Mild, sunny week ahead after record rainfall", W, W, {W: 0.94}),
    ("Weather service issues blizzard warning for the plains", W, W, {W: 0.96}),
    ("Rare double rainbow spotted after the afternoon showers", W, W, {W: 0.83}),
    # --- cooking ---
    ("Slow-roasted lamb with garlic and rosemary in five steps", T, C, {C: 0.94, T: 0.02}),  # wrong
    ("How to get a crisp crust on homemade sourdough", C, C, {C: 0.93}),
    ("Five weeknight pasta dishes ready in twenty minutes", C, C, {C: 0.95}),
    ("The secret to fluffy pancakes is resting the batter", C, C, {C: 0.92}),
    ("Chef shares a simple recipe for lemon butter fish", C, C, {C: 0.96}),
    ("Why you should salt your steak the night before", C, C, {C: 0.88}),
    ("Vegan chili that even meat lovers will enjoy", C, C, {C: 0.90}),
    ("Kitchen basics: how to dice an onion without tears", C, C, {C: 0.91}),
    ("Spiced pumpkin soup for chilly autumn evenings", C, C, {C: 0.81, W: 0.14}),
    ('Bakers share tips for the perfect "no-knead" loaf', C, C, {C: 0.94}),
    ("Grandmother's dumpling recipe wins village cook-off", C, C, {C: 0.87, S: 0.06}),
    ("Chef robot wins cooking contest at tech fair", C, C, {C: 0.47, T: 0.45}),  # ambiguous
    # --- technology ---
    ("New smartphone chip promises two-day battery life", C, T, {T: 0.93, C: 0.03}),  # wrong: "chip"
    ("Software update fixes security flaw in home routers", T, T, {T: 0.96}),
    ("Startup unveils foldable laptop with a 17-inch screen", T, T, {T: 0.94}),
    ("Researchers build a faster quantum processor", T, T, {T: 0.90}),
    ("Messaging app adds end-to-end encryption to group chats", T, T, {T: 0.92}),
    ("Electric car maker rolls out an over-the-air update", T, T, {T: 0.85, S: 0.05}),
    ("Cloud outage knocks thousands of websites offline", T, T, {T: 0.89, W: 0.07}),
    ("New programming language aims to make code safer", T, T, {T: 0.95}),
    ("Drone delivery trial expands to three more towns", T, T, {T: 0.87}),
    ("Chipmaker announces a plant to double production", T, T, {T: 0.91}),
    ("Smart oven app suggests recipes from what is in your fridge", T, T, {T: 0.68, C: 0.28}),
    ("Satellite network brings internet to remote islands", T, T, {T: 0.93}),
]

UNIT = 10000  # probabilities are written with 4 decimals, i.e. in units of 1e-4


def row_probs(fixed, rng):
    """Integer probabilities (units of 1e-4) summing to UNIT: fixed classes as given, the
    remainder split over the other classes with random weights so no two rows look alike."""
    units = {c: round(p * UNIT) for c, p in fixed.items()}
    rest = [c for c in CLASSES if c not in units]
    left = UNIT - sum(units.values())
    assert left >= 0 and rest, fixed
    weights = [rng.uniform(0.3, 1.0) for _ in rest]
    shares = [int(left * w / sum(weights)) for w in weights]
    shares[0] += left - sum(shares)  # rounding leftovers go to the first free class
    units.update(zip(rest, shares))
    return [units[c] for c in CLASSES]


def fmt(u):
    return f"{u // UNIT}.{u % UNIT:04d}"


def main():
    rng = random.Random(SEED)
    rows = list(ROWS)
    rng.shuffle(rows)  # so the wrong rows are not all at the top of a class block
    table = []
    for i, (text, given, true, fixed) in enumerate(rows, start=1):
        units = row_probs(fixed, rng)
        assert sum(units) == UNIT and min(units) > 0
        table.append((i, text, given, [fmt(u) for u in units], true))

    def write(name, header, body):
        with open(os.path.join(HERE, name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")  # quotes fields with commas or quotes (RFC 4180)
            w.writerow(header)
            w.writerows(body)

    write("dataset.csv", ["id", "text", "label"] + CLASSES + ["true_label"],
          [[i, text, given] + probs + [true] for i, text, given, probs, true in table])
    write("labels.csv", ["label"], [[CLASSES.index(given)] for _, _, given, _, _ in table])
    write("pred_probs.csv", CLASSES, [probs for _, _, _, probs, _ in table])
    with open(os.path.join(HERE, "classes.txt"), "w") as f:
        f.write("\n".join(CLASSES) + "\n")

    wrong = [(i, given, true) for i, _, given, _, true in table if given != true]
    print(f"{len(table)} rows; deliberately wrong: " + ", ".join(f"id {i} ({g} -> {t})" for i, g, t in wrong))


if __name__ == "__main__":
    main()
