"""Benchmark: comparing two grids on 100,000 clients (target: under a second of server time).

Run: .venv/bin/python bench/bench_compare_grids.py [--clients 100000] [--repeat 5]

The shipped grid is compared with a tuned one (potential weighs more, a lower QRC cut),
as on the Grid page: the migration table, the movers with their criterion and the
borderline clients within 5 points of a cut. "cold" includes scoring the dataset under
the tuned grid (the first comparison of a session); "warm" is a rerun, both scorings kept.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portfolio.demo import generate_demo  # noqa: E402
from portfolio.grid.compare import borderline, migration, movers  # noqa: E402
from portfolio.grid.loader import load_grid  # noqa: E402
from portfolio.grid.trial import with_changes  # noqa: E402
from portfolio.settings import load_settings  # noqa: E402
from portfolio.store.database import Store  # noqa: E402
from portfolio.store.datasets import create_dataset  # noqa: E402
from portfolio.view import PortfolioView  # noqa: E402


def compare(before: PortfolioView, after: PortfolioView) -> tuple[int, int, int]:
    return len(migration(before, after)), len(movers(before, after)), len(borderline(after, 5.0))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    grid = load_grid(load_settings().default_grid)
    store = Store(":memory:")
    frame = generate_demo(n_clients=args.clients, n_reps=max(12, args.clients // 350), seed=1)
    dataset_id = create_dataset(store, frame, name="bench")
    before = PortfolioView.open(store, dataset_id, grid)
    before.scores_table()
    cold = []
    for attempt in range(args.repeat):
        # A new tuned grid each time, so that its scoring is really computed.
        tuned = with_changes(grid, weights={"potential": 120 + attempt}, cuts={"qrc": [42]})
        start = time.perf_counter()
        sizes = compare(before, before.with_grid(tuned))
        cold.append(time.perf_counter() - start)
    warm = []
    after = before.with_grid(tuned)
    for _ in range(args.repeat):
        start = time.perf_counter()
        compare(before, after)
        warm.append(time.perf_counter() - start)
    print(f"{args.clients:,} clients: {sizes[0]} segment pairs, {sizes[1]:,} movers, "
          f"{sizes[2]:,} borderline rows (within 5 points)")
    print(f"cold (tuned grid scored too): median {statistics.median(cold):.3f} s, "
          f"max {max(cold):.3f} s")
    print(f"warm (both scorings kept):    median {statistics.median(warm):.3f} s, "
          f"max {max(warm):.3f} s")
    store.close()


if __name__ == "__main__":
    main()
