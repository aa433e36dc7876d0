"""Benchmark: `python -m portfolio score FILE --out X.csv` end to end, against a pandas script.

    python bench/bench_commands.py [--sizes 10000 100000 1000000] [--repeat 3] [--fresh]

For each size, a seeded demo client file (UTF-8, contract headers; bench/out/) is scored
by the default grid, `--repeat` times each, the two alternating so that a busy machine
weighs on both alike:

- ours: `python -m portfolio score FILE --out X.csv`, as a user runs it: the reading
  with all its checks, the scoring in DuckDB, the CSV written by DuckDB;
- pandas: bench/pandas_baseline.py, a well-written pandas script doing the same
  (read_csv, numpy searchsorted per criterion, to_csv);
- bare DuckDB: bench/duckdb_baseline.py, the same scores from one DuckDB query over
  read_csv's guessed types, with no check at all: the floor under any reading done in
  DuckDB on this machine, shown so that the distance to the target can be judged.

Each run is a process of its own, measured by the kernel (os.wait4): wall time and peak
resident memory (interpreter and imports included). The package is byte-compiled first,
as an installed one is: with PYTHONDONTWRITEBYTECODE set, every run would otherwise
compile its ~90 modules again (0.2 s), which pandas, installed, never pays. The three outputs are compared
before any figure is printed, so the references compute what we compute.
Target: ours at most 0.3x the pandas script's median time at 1M rows.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
TARGET_RATIO = 0.3


def client_file(rows: int, fresh: bool) -> Path:
    """The seeded demo portfolio of `rows` clients as a UTF-8 CSV, generated when absent."""
    path = OUT / f"commands_{rows}.csv"
    if fresh or not path.exists():
        sys.path.insert(0, str(ROOT))
        from portfolio.demo import generate_demo

        OUT.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        generate_demo(n_clients=rows, n_reps=max(12, rows // 350), seed=1).to_csv(path, index=False)
        print(f"generated {path.name} ({path.stat().st_size / 1_048_576:.0f} MiB) in "
              f"{time.perf_counter() - start:.1f} s", flush=True)
    return path


def default_grid_spec() -> Path:
    """The default grid as the pandas script reads it (it imports nothing of ours)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from pandas_baseline import grid_spec
    from portfolio.grid.loader import load_grid
    from portfolio.settings import load_settings

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "default_grid_spec.json"
    path.write_text(json.dumps(grid_spec(load_grid(load_settings().default_grid))), encoding="utf-8")
    return path


def measured(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of `command` in a process of its own."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024


def same_scores(ours: Path, theirs: Path) -> None:
    """Stop unless both outputs hold the same clients, in order, with the same scores."""
    import numpy as np
    import pandas as pd

    left = pd.read_csv(ours, dtype={"client_id": str})
    right = pd.read_csv(theirs, dtype={"client_id": str})
    if list(left.columns) != list(right.columns) or len(left) != len(right):
        raise SystemExit(f"outputs differ in shape: {list(left.columns)} × {len(left)} against "
                         f"{list(right.columns)} × {len(right)}")
    for column in left.columns:
        a, b = left[column], right[column]
        if column in ("client_id", "segment", "incomplete"):
            same = (a.astype("string").fillna("") == b.astype("string").fillna("")).all()
        else:
            same = np.allclose(a.astype(float), b.astype(float), equal_nan=True)
        if not same:
            raise SystemExit(f"outputs differ on column {column!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="regenerate the files")
    args = parser.parse_args()
    spec = default_grid_spec()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "portfolio")], check=True)
    print(f"{os.cpu_count()} CPUs; median of {args.repeat} alternating runs each")
    print(f"{'rows':>10} {'MiB':>5} | {'ours s':>7} {'peak MiB':>8} | {'pandas s':>8} "
          f"{'peak MiB':>8} | {'duckdb s':>8} {'peak MiB':>8} | {'ratio':>5} {'floor':>5}")
    for rows in args.sizes:
        path = client_file(rows, args.fresh)
        ours_out, pandas_out = OUT / f"ours_{rows}.csv", OUT / f"pandas_{rows}.csv"
        duckdb_out = OUT / f"duckdb_{rows}.csv"
        commands = {
            "ours": [sys.executable, "-m", "portfolio", "score", str(path), "--out", str(ours_out)],
            "pandas": [sys.executable, str(ROOT / "bench" / "pandas_baseline.py"), str(path),
                       str(spec), str(pandas_out)],
            "duckdb": [sys.executable, str(ROOT / "bench" / "duckdb_baseline.py"), str(path),
                       str(spec), str(duckdb_out)]}
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                runs[name].append(measured(command))
        same_scores(ours_out, pandas_out)
        same_scores(duckdb_out, pandas_out)
        figures = {name: (statistics.median(s for s, _ in r), max(m for _, m in r))
                   for name, r in runs.items()}
        ratio = figures["ours"][0] / figures["pandas"][0]
        floor = figures["duckdb"][0] / figures["pandas"][0]  # bare DuckDB against pandas
        print(f"{rows:>10,} {path.stat().st_size / 1_048_576:>5.0f} | {figures['ours'][0]:>7.2f} "
              f"{figures['ours'][1]:>8.0f} | {figures['pandas'][0]:>8.2f} "
              f"{figures['pandas'][1]:>8.0f} | {figures['duckdb'][0]:>8.2f} "
              f"{figures['duckdb'][1]:>8.0f} | {ratio:>5.2f} {floor:>5.2f}", flush=True)
        if rows == max(args.sizes):
            verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
            print(f"target ours ≤ {TARGET_RATIO}x pandas at {rows:,} rows: {verdict}")


if __name__ == "__main__":
    main()
