#!/usr/bin/env python3
"""Writes the seed corpora tests/fuzz/corpus/{csv,npy,pipeline}/ from small fixtures.

Each seed is one header byte (see fuzz_targets.hpp: chunk size, role, flags) followed by the
file bytes. Run from anywhere: python3 tests/fuzz/make_corpus.py. Keep the total small (< 200 KB).
"""
import pathlib
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus"
FX = ROOT / "tests/fixtures"
EX = ROOT / "examples/headlines"
PIPE = 0x80  # also run the pipeline on a dataset that reads


def rd(p):
    return (p if isinstance(p, pathlib.Path) else ROOT / p).read_bytes()


def npy(descr, shape, payload, fortran=False):
    d = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (
        descr, "True" if fortran else "False",
        "(%d,)" % shape[0] if len(shape) == 1 else "(" + ", ".join(map(str, shape)) + ")")
    n = len(d) + 1
    n += (64 - (10 + n) % 64) % 64
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", n) + d.encode() + b" " * (n - len(d) - 1) + b"\n" + payload


def write(target, name, header, body):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(bytes([header]) + body)


tiny_l, tiny_p = rd(FX / "golden/tiny_k3_a/labels.csv"), rd(FX / "golden/tiny_k3_a/pred_probs.csv")
ties_l, ties_p = rd(FX / "golden/ties_identical_rows/labels.csv"), rd(FX / "golden/ties_identical_rows/pred_probs.csv")
ml_l = rd(FX / "golden/multilabel_tiny_k3/labels.csv")
hl_l, hl_p, hl_d = rd(EX / "labels.csv"), rd(EX / "pred_probs.csv"), rd(EX / "dataset.csv")
mn_l, mn_npy = rd(FX / "io/mnist50_labels.csv"), rd(FX / "io/mnist50_pred_probs.npy")
mn_labels = [int(x) for x in mn_l.decode().split()[1:]]

# (a) CSV: role bits 3-4 (0 labels, 1 pred_probs, 2 combined), chunk bits 0-2, 0x40 = header row.
write("csv", "labels_tiny", PIPE | 0x40 | (0 << 3) | 3, tiny_l)
write("csv", "labels_multilabel", 0x40 | (0 << 3) | 1, ml_l)
write("csv", "labels_headlines_names", 0x40 | (0 << 3) | 5, hl_l)
write("csv", "probs_tiny", PIPE | 0x40 | (1 << 3) | 2, tiny_p)
write("csv", "probs_ties_f32", PIPE | 0x40 | 0x20 | (1 << 3) | 6, ties_p)
write("csv", "probs_headlines", PIPE | 0x40 | (1 << 3) | 4, hl_p)
write("csv", "combined_headlines", PIPE | (2 << 3) | 7, hl_d)
write("csv", "combined_tsv_quoted", PIPE | (2 << 3) | 1,
      b'id\ttext\tlabel\ta\tb\n1\t"x, ""y"""\ta\t0.9\t0.1\n2\tz\tb\t0.4\t0.6\n3\t\xc3\xa9\ta\t0.2\t0.8\r\n')
write("csv", "combined_bom_crlf", PIPE | (2 << 3) | 2,
      b"\xef\xbb\xbfgiven_label,p0,p1,is_error\r\n0,0.9,0.1,0\r\n1,0.8,0.2,1\r\n1,0.1,0.9,0\r\n")

# Class names in UTF-8 (read) and the same names saved as Windows-1252 (refused as not_utf8).
NAMES_UTF8 = b"label,caf\xc3\xa9,th\xc3\xa9,na\xc3\xafve\ncaf\xc3\xa9,0.8,0.1,0.1\nth\xc3\xa9,0.1,0.8,0.1\nna\xc3\xafve,0.2,0.2,0.6\n"
NAMES_1252 = b"label,caf\xe9,th\xe9,na\xefve\ncaf\xe9,0.8,0.1,0.1\nth\xe9,0.1,0.8,0.1\nna\xefve,0.2,0.2,0.6\n"
write("csv", "combined_utf8_names", PIPE | (2 << 3) | 1, NAMES_UTF8)
write("csv", "combined_cp1252_names", PIPE | (2 << 3) | 1, NAMES_1252)
write("csv", "labels_cp1252", 0x40 | (0 << 3) | 2, b"label\ncaf\xe9\nth\xe9\nna\xefve\n")

# (b) .npy: bit 3 = labels role, bit 5 = float32.
write("npy", "probs_mnist50_f8", PIPE | 3, mn_npy)
f4 = npy("<f4", (4, 3), struct.pack("<12f", .7, .2, .1, .1, .8, .1, .3, .3, .4, .2, .2, .6))
write("npy", "probs_f4", PIPE | 0x20 | 1, f4)
write("npy", "probs_fortran", PIPE | 2, npy("<f8", (3, 2), struct.pack("<6d", .9, .3, .2, .1, .7, .8), True))
write("npy", "labels_i8", PIPE | 0x08 | 5, npy("<i8", (6,), struct.pack("<6q", 0, 1, 2, 0, 1, 2)))
write("npy", "labels_u1_col", 0x08 | 2, npy("|u1", (4, 1), bytes([0, 1, 2, 1])))

# (c) pipeline: labels 0xFF pred_probs, or one combined CSV.
write("pipeline", "tiny", 0x00, tiny_l + b"\xff" + tiny_p)
write("pipeline", "ties_f32", 0x20 | 3, ties_l + b"\xff" + ties_p)
write("pipeline", "headlines_names", 0x4a, hl_l + b"\xff" + hl_p)
write("pipeline", "headlines_combined", 0x13, hl_d)
write("pipeline", "utf8_names_combined", 0x13, NAMES_UTF8)
write("pipeline", "cp1252_names_combined", 0x13, NAMES_1252)
write("pipeline", "mnist50_npy", 0x91, mn_l + b"\xff" + mn_npy)
write("pipeline", "npy_labels_npy_probs", 0x05,
      npy("<i4", (4,), struct.pack("<4i", 0, 1, 1, 0)) + b"\xff" +
      npy("<f8", (4, 2), struct.pack("<8d", .9, .1, .8, .2, .4, .6, .3, .7)))

total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
print(f"corpus: {sum(1 for p in OUT.rglob('*') if p.is_file())} seeds, {total} bytes")
