"""Benchmark: every portfolio-structure function on 100,000 clients and 300 reps.

Uses the demo generator, the shipped default grid and norms, and a file-less DuckDB store.
Scores are computed once beforehand (as the app keeps them in a table), so the figures are
what a page rerun costs. Run: .venv/bin/python bench/bench_structure.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from portfolio.access import Visibility  # noqa: E402
from portfolio.demo import STRONGHOLD_REP, generate_demo  # noqa: E402
from portfolio.grid.loader import load_grid  # noqa: E402
from portfolio.norms import load_norms  # noqa: E402
from portfolio.store.database import Store  # noqa: E402
from portfolio.store.datasets import create_dataset  # noqa: E402
from portfolio.store.scores import ensure_scores  # noqa: E402
from portfolio.structure import (compare_reps, development_priorities, norms_gaps,  # noqa: E402
                                 outside_tolerance, peer_distribution, priority_clients,
                                 qrc_profile, rep_mix, revenue_objective_plan, team_mix,
                                 team_norms_gaps)

CLIENTS, REPS, RUNS = 100_000, 300, 9
BUDGET_MS = 200


def main() -> None:
    store = Store(":memory:")
    dataset_id = create_dataset(store, generate_demo(n_clients=CLIENTS, n_reps=REPS), name="bench")
    grid = load_grid(ROOT / "config" / "grids" / "default.yaml")
    norms = load_norms(ROOT / "config" / "norms.yaml")
    start = time.perf_counter()
    ensure_scores(store, dataset_id, grid)
    print(f"{CLIENTS:,} clients, {REPS} reps; scoring once: {time.perf_counter() - start:.3f} s")

    everyone, rep = Visibility.everyone(), STRONGHOLD_REP
    own = Visibility.only([rep])
    cases: list[tuple[str, Callable[[], object]]] = [
        ("rep_mix", lambda: rep_mix(store, dataset_id, grid, everyone)),
        ("team_mix", lambda: team_mix(store, dataset_id, grid, everyone)),
        ("norms_gaps (+ overrides)", lambda: norms_gaps(store, dataset_id, grid, everyone, norms)),
        ("outside_tolerance(norms_gaps)",
         lambda: outside_tolerance(norms_gaps(store, dataset_id, grid, everyone, norms))),
        ("team_norms_gaps", lambda: team_norms_gaps(store, dataset_id, grid, everyone, norms)),
        ("compare_reps", lambda: compare_reps(store, dataset_id, grid, everyone)),
        ("qrc_profile + priorities", lambda: development_priorities(
            qrc_profile(store, dataset_id, grid, own, rep, peers=everyone))),
        ("peer_distribution", lambda: peer_distribution(store, dataset_id, grid, own, rep,
                                                        peers=everyone)),
        ("priority_clients (one rep)", lambda: priority_clients(store, dataset_id, grid, own, rep)),
        ("priority_clients (team, top 50)",
         lambda: priority_clients(store, dataset_id, grid, everyone, limit=50)),
        ("revenue_objective_plan next_band",
         lambda: revenue_objective_plan(store, dataset_id, grid, own, rep, 0.10)),
        ("revenue_objective_plan partners",
         lambda: revenue_objective_plan(store, dataset_id, grid, own, rep, 0.10,
                                        target="partners", peers=everyone)),
    ]
    # The minimum is what the work costs; the median shows what other load on the machine adds.
    print(f"{'function':<36} {'min ms':>8} {'median ms':>10} {'max ms':>8}")
    slow = []
    for name, call in cases:
        call()  # first call warms DuckDB's caches, as the page's first draw does
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            call()
            runs.append(1000 * (time.perf_counter() - start))
        median = statistics.median(runs)
        print(f"{name:<36} {min(runs):>8.1f} {median:>10.1f} {max(runs):>8.1f}")
        if min(runs) > BUDGET_MS:
            slow.append(name)
    print(f"over {BUDGET_MS} ms: {', '.join(slow) if slow else 'none'}")
    store.close()


if __name__ == "__main__":
    main()
