"""Benchmark: the printed report of every rep, one PDF with a page per rep.

Default: the demo as the app loads it (12 reps, 2,000 clients). `--large`: 300 reps and
100,000 clients. Uses the demo generator, the shipped grid and norms, a file-less DuckDB
store, and the system's Chromium for the charts. Scores are computed once beforehand (as
the app keeps them), then the figures of every page, the charts and the PDF are timed.
`--reps N --clients M` sizes a run in between (e.g. 30 reps × 10,000 clients: the large
run's clients per rep, a tenth of its pages). `--profile FILE` keeps a cProfile of the timed part.
Run: .venv/bin/python bench/bench_report.py [--large | --reps N --clients M] [--out FILE.pdf]

Measured on 2 cores shared with other work (load average 8 to 40, so ±50 %): demo 13.5 to
27 s (was 22 to 33 s); 30 reps × 10,000 clients 24.5 to 73 s (was 56 to 118 s); --large
313 s, 26 s of figures and 287 s of charts and PDF (was about 1,010 s: 125 s and 885 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from portfolio.demo import generate_demo  # noqa: E402
from portfolio.grid.loader import load_grid  # noqa: E402
from portfolio.norms import load_norms  # noqa: E402
from portfolio.report.build import report_pdf  # noqa: E402
from portfolio.report.content import rep_sheets, report_reps  # noqa: E402
from portfolio.store.database import Store  # noqa: E402
from portfolio.store.datasets import create_dataset  # noqa: E402
from portfolio.view import PortfolioView  # noqa: E402

DEMO = (2_000, 12)
LARGE = (100_000, 300)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="300 reps × 100,000 clients")
    parser.add_argument("--reps", type=int, help="number of reps (with --clients)")
    parser.add_argument("--clients", type=int, help="number of clients (with --reps)")
    parser.add_argument("--out", help="keep the PDF there")
    parser.add_argument("--profile", help="write a cProfile of the figures, charts and PDF there")
    args = parser.parse_args()
    clients, reps = LARGE if args.large else DEMO
    if args.reps or args.clients:
        clients, reps = args.clients or clients, args.reps or reps
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    store = Store(":memory:")
    dataset_id = create_dataset(store, generate_demo(n_clients=clients, n_reps=reps), name="bench")
    grid = load_grid(ROOT / "config" / "grids" / "default.yaml")
    norms = load_norms(ROOT / "config" / "norms.yaml")
    view = PortfolioView.open(store, dataset_id, grid)
    start = time.perf_counter()
    view.scores_table()
    print(f"{clients:,} clients, {reps} reps; scoring once: {time.perf_counter() - start:.1f} s")

    if profiler:
        profiler.enable()
    start = time.perf_counter()
    names = report_reps(view)
    sheets = rep_sheets(view, norms, names, "en")
    figures = time.perf_counter() - start
    start = time.perf_counter()
    pdf = report_pdf(sheets, grid, "en")
    drawn = time.perf_counter() - start
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    print(f"figures of {len(sheets)} pages: {figures:.1f} s; charts and PDF: {drawn:.1f} s "
          f"({1000 * drawn / len(sheets):.0f} ms a page); total {figures + drawn:.1f} s; "
          f"PDF {len(pdf) / 1e6:.1f} MB")
    if args.out:
        Path(args.out).write_bytes(pdf)
    store.close()


if __name__ == "__main__":
    main()
