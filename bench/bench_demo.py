"""Benchmark: generating the demo portfolio at workshop size and at benchmark sizes.

Run: .venv/bin/python bench/bench_demo.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portfolio.demo import generate_demo  # noqa: E402


def main() -> None:
    print(f"{'clients':>10} {'reps':>5} {'median (s)':>11}")
    for clients, reps in ((2_000, 12), (100_000, 300), (1_000_000, 300)):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            generate_demo(n_clients=clients, n_reps=reps)
            runs.append(time.perf_counter() - start)
        print(f"{clients:>10,} {reps:>5} {statistics.median(runs):>11.3f}")


if __name__ == "__main__":
    main()
