"""The demo portfolios for a room: each seeded, the small one fits a slide with every segment,
the overloaded one asks for more visits than its reps can make; loading one touches nothing else."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from portfolio.demo import SAME_REVENUE_REPS
from portfolio.demo.variants import VARIANTS, demo_variant
from portfolio.grid.loader import load_grid
from portfolio.norms import load_norms
from portfolio.planning import PlanInputs
from portfolio.planning.team import view_plan
from portfolio.scoring.engine import score_frame
from portfolio.store.bootstrap import can_add_demo_quarter_before, load_demo_dataset
from portfolio.store.datasets import create_dataset, get_dataset, list_datasets
from portfolio.view import PortfolioView

CONFIG = Path(__file__).resolve().parents[2] / "config"
GRID = load_grid(CONFIG / "grids" / "default.yaml")
NORMS = load_norms(CONFIG / "norms.yaml")


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_each_variant_is_the_same_for_its_seed(variant):
    pd.testing.assert_frame_equal(demo_variant(variant).clients_frame(),
                                  demo_variant(variant).clients_frame())


def test_the_default_is_the_demo_of_12_reps_and_2000_clients():
    clients = demo_variant("default").clients_frame()
    assert (len(clients), clients["salesperson"].nunique()) == (2000, 12)


def test_the_small_demo_fits_a_slide_with_every_segment():
    clients = demo_variant("small").clients_frame()
    assert len(clients) == 40 and clients["salesperson"].nunique() == 4
    segments = score_frame(clients, GRID)["segment"].value_counts()
    assert set(segments.index) == {s.id for s in GRID.segments}
    # The story's two reps are there, with the same revenue (within 2 %).
    revenue = clients.groupby("salesperson")["revenue"].sum()
    first, second = (revenue[rep] for rep in SAME_REVENUE_REPS)
    assert abs(first - second) / max(first, second) < 0.02


def _utilisation(memory_store, variant: str) -> pd.Series:
    dataset_id = create_dataset(memory_store, demo_variant(variant).clients_frame(), name=variant)
    plan = view_plan(PortfolioView.open(memory_store, dataset_id, GRID), PlanInputs.from_norms(NORMS))
    return plan.reps.set_index("salesperson")["utilisation"]


def test_the_overloaded_demo_asks_far_more_visits_than_its_reps_can_make(memory_store):
    overloaded = _utilisation(memory_store, "overflow")
    assert len(overloaded) == 6
    # Capacity is 4 visits a day × 180 days: every rep's norm plan needs more than twice that.
    assert (overloaded > 2).all()
    assert overloaded.min() > _utilisation(memory_store, "default").max()


def test_loading_a_room_demo_adds_a_dataset_and_touches_no_other(memory_store):
    own = create_dataset(memory_store, demo_variant("small").clients_frame().head(12), name="Ours")
    before = get_dataset(memory_store, own)
    small = load_demo_dataset(memory_store, "small")
    loaded = get_dataset(memory_store, small)
    assert loaded.is_demo and loaded.name == "Small demo portfolio" and loaded.clients_in() == 40
    assert get_dataset(memory_store, own) == before
    assert [d.dataset_id for d in list_datasets(memory_store)] == [own, small]
    # The default demo's quarter before is drawn for its own clients, not the small one's.
    assert not can_add_demo_quarter_before(loaded)
    with pytest.raises(ValueError):
        load_demo_dataset(memory_store, "huge")


def test_the_demo_command_writes_a_room_variant(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "small.csv"
    done = subprocess.run([sys.executable, "-m", "portfolio", "demo", "--variant", "small",
                           "--out", str(out)], cwd=CONFIG.parent, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    written = pd.read_csv(out, dtype={"client_id": str})
    assert list(written["client_id"]) == list(demo_variant("small").clients_frame()["client_id"])
