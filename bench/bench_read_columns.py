"""Benchmark: the reading's cost against the number of columns and of rows, and what
hostile files cost before they are refused.

    python bench/bench_read_columns.py [--quick]

Each case runs read_client_file in a process of its own and prints wall time and the
process's peak resident memory (VmHWM: interpreter and libraries included, about
150 MB before any file is read; ru_maxrss would carry the parent's over exec):

- columns: 20 rows × 50 … 2,000 columns (contract columns, then custom numbers),
  read with PORTFOLIO_MAX_COLUMNS raised so that none is refused;
- rows: 10k, 100k, 1M rows × 20 columns;
- refused: 20 rows × 10,000 columns (the column limit), a workbook whose one 1 MB
  shared string names 20,000 clients (the cell limit), and one whose 32,000-character
  string fills 34,000 cells (the sheet's text limit, 1 GB).

The cost should grow linearly: seconds per column (per row) about the same at each size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["Code client", "Raison sociale", "Commercial", "CA", "Potentiel"]


def write_csv(path: Path, columns: int, rows: int) -> Path:
    """Contract columns, then custom numeric ones; written by DuckDB (fast at 1M rows)."""
    import duckdb

    custom = [f"(i * {j}) % 1000 AS \"Col {j}\"" for j in range(len(HEADER), columns)]
    items = ["'C' || i AS \"Code client\"", "'Client ' || i AS \"Raison sociale\"",
             "'Léa' AS \"Commercial\"", "i % 5000 AS \"CA\"", "10000 AS \"Potentiel\"", *custom]
    con = duckdb.connect()
    con.execute(f"COPY (SELECT {', '.join(items)} FROM range({rows}) t(i)) TO '{path}' "
                f"(HEADER, DELIMITER ';')")
    con.close()
    return path


CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from portfolio.reading import read_client_file
start = time.perf_counter()
result = read_client_file({path!r})
seconds = time.perf_counter() - start
blocking = [p.code for p in result.report.problems if p.blocking]
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({{"seconds": seconds, "rss_mb": peak / 1024, "rows": result.row_count,
                   "refused": blocking[:1]}}))
"""


def measure(path: Path, env: dict[str, str] | None = None) -> dict:
    code = CHILD.format(root=str(ROOT), path=str(path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(label: str, figures: dict, per: int | None = None, unit: str = "") -> None:
    rate = f"  {figures['seconds'] / per * 1000:8.3f} ms per {unit}" if per else ""
    refused = f"  refused: {figures['refused'][0]}" if figures["refused"] else ""
    print(f"{label:<34} {figures['seconds']:8.2f} s {figures['rss_mb']:8.0f} MB{rate}{refused}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="up to 1,000 columns and 100k rows")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.corpus import limits as hostile

    wide = [50, 100, 250, 500, 1_000] + ([] if args.quick else [2_000])
    long = [10_000, 100_000] + ([] if args.quick else [1_000_000])
    with tempfile.TemporaryDirectory(prefix="bench-columns-") as folder:
        folder = Path(folder)
        print("20 rows × N columns", flush=True)
        for columns in wide:
            path = write_csv(folder / f"wide_{columns}.csv", columns, 20)
            show(f"  {columns:>6} columns", measure(path, {"PORTFOLIO_MAX_COLUMNS": "100000"}),
                 columns, "column")
        print("N rows × 20 columns", flush=True)
        for rows in long:
            path = write_csv(folder / f"long_{rows}.csv", 20, rows)
            show(f"  {rows:>9,} rows", measure(path), rows // 1000, "1,000 rows")
        print("refused", flush=True)
        show("  20 rows × 10,000 columns", measure(write_csv(folder / "w.csv", 10_000, 20)))
        show("  1 MB string in 20,000 cells", measure(hostile.repeated_megabyte(folder)))
        show("  32,000 chars in 34,000 cells", measure(hostile.repeated_under_the_cell_limit(folder)))


if __name__ == "__main__":
    main()
