#!/usr/bin/env python3
"""Jaro-Winkler rate of rapidfuzz on the name pairs qorgan-bench matching wrote.

Usage: matching-bench-rapidfuzz.py PAIRS.tsv [--rounds N]
PAIRS.tsv: one pair per line, "left<TAB>right", UTF-8.
Prints "loop_pairs_per_second X" (a Python loop calling rapidfuzz.distance.JaroWinkler.similarity per pair,
the way application code calls it), "cpdist_pairs_per_second Y" (rapidfuzz.process.cpdist, the whole batch
in C++ with workers=1) and "checksum Z" (sum of similarities, to compare with the Swift run).
"""
import argparse
import sys
import time

try:
    import rapidfuzz
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler
except ImportError:
    print("rapidfuzz is not installed (pip install rapidfuzz)", file=sys.stderr)
    sys.exit(3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with open(args.pairs, encoding="utf-8") as handle:
        pairs = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    left = [pair[0] for pair in pairs]
    right = [pair[1] for pair in pairs]
    similarity = JaroWinkler.similarity

    # Warm-up, untimed: the first cpdist call imports numpy, the first similarity calls warm the caches.
    for a, b in pairs[:1000]:
        similarity(a, b)
    process.cpdist(left[:1000], right[:1000], scorer=JaroWinkler.similarity, workers=1)

    best_loop = float("inf")
    checksum = 0.0
    for _ in range(args.rounds):
        start = time.perf_counter()
        total = 0.0
        for a, b in pairs:
            total += similarity(a, b)
        best_loop = min(best_loop, time.perf_counter() - start)
        checksum = total

    best_batch = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        process.cpdist(left, right, scorer=JaroWinkler.similarity, workers=1)
        best_batch = min(best_batch, time.perf_counter() - start)

    print(f"rapidfuzz {rapidfuzz.__version__}")
    print(f"loop_pairs_per_second {len(pairs) / best_loop:.1f}")
    print(f"cpdist_pairs_per_second {len(pairs) / best_batch:.1f}")
    print(f"checksum {checksum:.6f}")


if __name__ == "__main__":
    main()
