"""Benchmark: what writing a table's numbers the user's way costs on each page drawing.

Up to `STYLED_ROWS` rows a table is a pandas Styler (numbers kept, sorted as numbers): the
cost measured is the Styler's rendering, as Streamlit runs it when it sends the table. Past
that, the table is shown as its text, built in vectorised passes. 12 number columns, French.
Run: .venv/bin/python bench/bench_localised_tables.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from portfolio.ui.shared.localised_table import (STYLED_ROWS, localised, one_decimal,  # noqa: E402
                                                 signed_points, whole)

COLUMNS, RUNS = 12, 5
WRITERS = (whole, one_decimal, signed_points)


def drawn(rows: int) -> float:
    """Median milliseconds to localise and render a table of `rows` rows."""
    rng = np.random.default_rng(7)
    table = pd.DataFrame({f"c{i}": rng.normal(0, 1e5, rows) for i in range(COLUMNS)})
    formats = {f"c{i}": WRITERS[i % len(WRITERS)] for i in range(COLUMNS)}
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        shown = localised(table, "fr", formats)
        if not isinstance(shown, pd.DataFrame):
            shown._translate(False, False)  # what Streamlit's Styler marshalling runs
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def main() -> None:
    print(f"rows × {COLUMNS} columns, French, median of {RUNS} (styled up to {STYLED_ROWS} rows)")
    for rows in (50, STYLED_ROWS, STYLED_ROWS + 1, 1_000, 10_000):
        print(f"{rows:>7,} rows: {drawn(rows):8.1f} ms")


if __name__ == "__main__":
    main()
