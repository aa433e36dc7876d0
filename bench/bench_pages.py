"""Benchmark: the Structure, Rep, Matrix and Grid pages on 100,000 clients and 300 reps, by AppTest.

Seeds a temporary DuckDB file with the demo generator, scores it once (the app keeps scores
in a table, so that is a one-time cost per dataset and grid, reported apart), then for each
page times a full script run with empty caches ("first") and the rerun that follows ("cached",
what a click on a widget costs when nothing it reads has changed). On the Rep page, choosing
another rep is timed too; on the Grid page, trying a lower QRC cut (the whole dataset scored
again under the changed grid, and the clients that change segment counted).
Run: .venv/bin/python bench/bench_pages.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from portfolio.demo import STRONGHOLD_REP, generate_demo  # noqa: E402
from portfolio.grid.loader import load_grid  # noqa: E402
from portfolio.store.database import Store  # noqa: E402
from portfolio.store.datasets import create_dataset  # noqa: E402
from portfolio.store.scores import ensure_scores  # noqa: E402

CLIENTS, REPS, RUNS = 100_000, 300, 3
PAGES = ("pages/5_Structure.py", "pages/6_Rep.py", "pages/1_Matrix.py", "pages/2_Grid.py")
TIMEOUT_S = 600


def seed(folder: Path) -> Path:
    path = folder / "bench_pages.duckdb"
    store = Store(path)
    try:
        start = time.perf_counter()
        dataset_id = create_dataset(store, generate_demo(n_clients=CLIENTS, n_reps=REPS),
                                    name="Bench portfolio", source="bench")
        print(f"{CLIENTS:,} clients, {REPS} reps: generated and stored in "
              f"{time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        ensure_scores(store, dataset_id, load_grid(ROOT / "config" / "grids" / "default.yaml"))
        print(f"scoring once (kept in a table): {time.perf_counter() - start:.2f} s")
    finally:
        store.close()
    return path


def timed(run) -> float:  # noqa: ANN001
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_page(page: str) -> dict[str, list[float]]:
    """Seconds of each kind of run of one page, RUNS times, caches emptied before each first run."""
    times: dict[str, list[float]] = {"first": [], "cached": []}
    if page.endswith("Rep.py"):
        times["another rep"] = []
    if page.endswith("Grid.py"):
        times["try a cut"] = []
    for _ in range(RUNS):
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
        at.run()  # the home page: opens the database, reads the grid
        times["first"].append(timed(lambda: at.switch_page(page).run()))
        if at.exception:
            raise SystemExit(f"{page} raised: {at.exception[0].value}")
        times["cached"].append(timed(at.run))
        if "another rep" in times:
            times["another rep"].append(
                timed(lambda: at.selectbox(key="w.rep.rep").set_value(STRONGHOLD_REP).run()))
        if "try a cut" in times:
            at.slider(key="w.trial.cut.qrc").set_value(40.0)
            [apply] = [b for b in at.button if b.label == "Try these changes"]
            times["try a cut"].append(timed(lambda: apply.click().run()))
            if not any("change segment" in m.value for m in at.markdown):
                raise SystemExit("trying a cut listed no client that moves")
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PORTFOLIO_DB"] = str(seed(Path(folder)))
        os.environ.pop("PORTFOLIO_CONFIG", None)
        print(f"{'page':<24} {'run':<12} {'min s':>7} {'median s':>9} {'max s':>7}")
        for page in PAGES:
            for kind, runs in bench_page(page).items():
                print(f"{Path(page).stem:<24} {kind:<12} {min(runs):>7.2f} "
                      f"{statistics.median(runs):>9.2f} {max(runs):>7.2f}")


if __name__ == "__main__":
    main()
