"""Benchmark: saving a rep's objective, reading it back, and its outcome a quarter later,
on 100,000 clients and 300 reps over two quarters (the demo and its quarter before).

A DuckDB file in a temporary folder (objectives are kept in the file); scores are computed
once beforehand, as the app keeps them. Run: .venv/bin/python bench/bench_objectives.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from portfolio.access import Person, Role  # noqa: E402
from portfolio.demo import PERIOD, STRONGHOLD_REP, generate_demo  # noqa: E402
from portfolio.demo.history import PREVIOUS_PERIOD, previous_quarter  # noqa: E402
from portfolio.grid.loader import load_grid  # noqa: E402
from portfolio.objectives import objective_outcome, save_objective, saved_objective  # noqa: E402
from portfolio.store.database import Store  # noqa: E402
from portfolio.store.datasets import add_period, create_dataset  # noqa: E402
from portfolio.view import PortfolioView  # noqa: E402

CLIENTS, REPS, RUNS = 100_000, 300, 7


def _median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def main() -> None:
    grid = load_grid(ROOT / "config" / "grids" / "default.yaml")
    current = generate_demo(n_clients=CLIENTS, n_reps=REPS)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.duckdb")
        dataset_id = create_dataset(store, previous_quarter(current), name="bench",
                                    period=PREVIOUS_PERIOD)
        add_period(store, dataset_id, current, period=PERIOD)
        view = PortfolioView.open(store, dataset_id, grid)
        asked = view.at_period(PREVIOUS_PERIOD)
        asked.scores_table()  # scoring once, as the app keeps it
        admin = Person("bench@example.com", Role.ADMIN)
        rep = STRONGHOLD_REP
        saved = save_objective(asked, admin, rep, 0.10)
        print(f"{CLIENTS:,} clients, {REPS} reps, two quarters; objective of {rep}: "
              f"{saved.clients} clients named")
        for name, run in [
                ("save_objective (+10 %)", lambda: save_objective(asked, admin, rep, 0.10)),
                ("saved_objective", lambda: saved_objective(asked, rep)),
                ("objective_outcome", lambda: objective_outcome(view, rep, PREVIOUS_PERIOD, PERIOD))]:
            print(f"{name:<28} median of {RUNS}: {_median_ms(run):7.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
