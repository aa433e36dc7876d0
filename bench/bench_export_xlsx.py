"""Benchmark: a scored table written as XLSX at Excel's row limit, time and peak memory.

    python bench/bench_export_xlsx.py [--rows 1048575] [--fresh]

The seeded demo file of bench_commands (bench/out/) is scored with `--out X.xlsx`,
one process measured by the kernel (wall time, peak resident memory, interpreter and
imports included), then the same with `--out X.csv` beside it: the difference is what
the workbook costs. The workbook is streamed into a write-only sheet in batches, so
its memory should stay near the CSV run's, not grow with the rows.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_commands import OUT, ROOT, client_file, measured  # noqa: E402

EXCEL_ROWS = 1_048_575  # below the header: Excel's 1,048,576 rows in all


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=EXCEL_ROWS)
    parser.add_argument("--fresh", action="store_true", help="generate the input again")
    args = parser.parse_args()
    source = client_file(args.rows, args.fresh)
    python = sys.executable
    figures = {}
    for suffix in ("csv", "xlsx"):
        target = OUT / f"export_{args.rows}.{suffix}"
        seconds, peak = measured([python, "-m", "portfolio", "score", str(source),
                                  "--out", str(target)])
        figures[suffix] = (seconds, peak, target.stat().st_size / 1_048_576)
    with zipfile.ZipFile(OUT / f"export_{args.rows}.xlsx") as workbook:
        assert workbook.testzip() is None  # a whole workbook, not a half-written one
    print(f"{args.rows:,} rows ({source.stat().st_size / 1_048_576:.0f} MiB in), from {ROOT.name}:")
    for suffix, (seconds, peak, size) in figures.items():
        print(f"  {suffix:5} {seconds:7.1f} s  peak {peak:7.0f} MiB  file {size:6.0f} MiB")


if __name__ == "__main__":
    main()
