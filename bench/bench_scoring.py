"""Benchmark: scoring 10k, 100k and 1M clients in DuckDB against a vectorised pandas baseline.

Run: .venv/bin/python bench/bench_scoring.py [--sizes 10000 100000 1000000] [--repeat 5]

Both implementations score the same synthetic clients with the shipped grid; their
results are compared before any figure is printed, so the baseline is a fair one.
DuckDB's figure is the time to score the clients table into a new scores table
(what the app keeps); pandas' is the time to compute the same columns in memory.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pandas_baseline import grid_spec, pandas_scores, spec_grid  # noqa: E402
from portfolio.demo import generate_demo  # noqa: E402
from portfolio.grid.loader import load_grid  # noqa: E402
from portfolio.scoring.engine import column_kinds, scoring_query  # noqa: E402
from portfolio.settings import load_settings  # noqa: E402


def timed(function, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    grid = load_grid(load_settings().default_grid)
    spec = spec_grid(grid_spec(grid))  # the grid as the pandas baseline reads it
    con = duckdb.connect()
    print(f"duckdb {duckdb.__version__}, pandas {pd.__version__}, threads "
          f"{con.execute('SELECT current_setting(?)', ['threads']).fetchone()[0]}")
    print(f"{'clients':>10} {'duckdb (s)':>11} {'pandas (s)':>11} {'speed-up':>9}")
    for size in args.sizes:
        frame = generate_demo(n_clients=size, n_reps=max(12, size // 350), seed=1)
        con.execute("CREATE OR REPLACE TABLE clients AS SELECT * FROM frame")
        query = scoring_query(grid, "clients", column_kinds(con, "clients"))

        def run_duckdb() -> None:
            con.execute(f"CREATE OR REPLACE TABLE scores AS {query.sql}", query.params)

        duck = timed(run_duckdb, args.repeat)
        base = timed(lambda: pandas_scores(frame, spec), args.repeat)
        stored = con.execute("SELECT * FROM scores ORDER BY client_id").df()
        expected = pandas_scores(frame, spec).sort_values("client_id").reset_index(drop=True)
        for column in expected.columns:
            left, right = stored[column], expected[column]
            if column == "segment":
                same = (left.fillna("") == right.fillna("")).all()
            elif column == "client_id":
                same = (left == right).all()
            else:
                same = np.allclose(left.astype(float), right.astype(float), equal_nan=True)
            if not same:
                raise SystemExit(f"results differ on column {column!r} at {size} clients")
        print(f"{size:>10,} {duck:>11.3f} {base:>11.3f} {base / duck:>8.1f}x")


if __name__ == "__main__":
    main()
