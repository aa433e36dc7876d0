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

from portfolio.demo import generate_demo  # noqa: E402
from portfolio.grid.loader import load_grid  # noqa: E402
from portfolio.grid.model import Grid  # noqa: E402
from portfolio.scoring.engine import column_kinds, scoring_query  # noqa: E402
from portfolio.settings import load_settings  # noqa: E402


def pandas_scores(frame: pd.DataFrame, grid: Grid) -> pd.DataFrame:
    """The grid's semantics written with pandas/numpy vector operations (the baseline)."""
    out = pd.DataFrame({"client_id": frame["client_id"]})
    for criterion in grid.criteria:
        values = frame[criterion.column]
        if criterion.is_numeric:
            starts = np.array([b.start for b in criterion.bands], dtype=float)
            points = np.array([b.points for b in criterion.bands], dtype=float)
            numbers = values.astype("float64").to_numpy(na_value=np.nan)
            index = np.searchsorted(starts, numbers, side="right") - 1
            valid = (index >= 0) & ~np.isnan(numbers)
            out[f"pts_{criterion.id}"] = np.where(valid, points[np.clip(index, 0, None)], np.nan)
        else:
            mapping = {c.key: c.points for c in criterion.categories}
            out[f"pts_{criterion.id}"] = (values.astype("string").str.strip().str.lower()
                                          .map(mapping).astype("float64"))
    incomplete = np.zeros(len(frame), dtype=bool)
    for axis_id, axis in grid.axes.items():
        total = np.zeros(len(frame))
        weights = np.zeros(len(frame))
        for criterion in axis.criteria:
            pts = out[f"pts_{criterion.id}"].to_numpy()
            missing = np.isnan(pts)
            incomplete |= missing
            total += criterion.weight * np.nan_to_num(pts) / criterion.max_points
            weights += criterion.weight if grid.missing == "zero" else np.where(missing, 0, criterion.weight)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[axis_id] = np.round(100 * total / np.where(weights == 0, np.nan, weights), 9)
    bands = {axis: sum((out[axis] >= cut).astype(int) for cut in grid.cuts[axis])
             for axis in grid.axes}
    segment = pd.Series(pd.NA, index=out.index, dtype="string")
    for seg in grid.segments:
        hit = (bands["attractiveness"] == seg.cell["attractiveness"]) & (bands["qrc"] == seg.cell["qrc"])
        segment = segment.mask(hit, seg.id)
    out["segment"] = segment.mask(out["attractiveness"].isna() | out["qrc"].isna())
    out["incomplete"] = incomplete
    if grid.missing == "zero":
        for criterion in grid.criteria:
            out[f"pts_{criterion.id}"] = out[f"pts_{criterion.id}"].fillna(0.0)
    return out


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
        base = timed(lambda: pandas_scores(frame, grid), args.repeat)
        stored = con.execute("SELECT * FROM scores ORDER BY client_id").df()
        expected = pandas_scores(frame, grid).sort_values("client_id").reset_index(drop=True)
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
