"""The shipped grid and norms: they load, fit each other and the data contract, and say the method."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from portfolio.contract import COLUMNS, Kind
from portfolio.grid.loader import check_columns, load_grid
from portfolio.norms import check_norms_against_grid, load_norms
from portfolio.scoring.engine import score_frame

ROOT = Path(__file__).resolve().parents[2]
GRID_PATH = ROOT / "config" / "grids" / "default.yaml"
NORMS_PATH = ROOT / "config" / "norms.yaml"


@pytest.fixture(scope="module")
def grid():
    return load_grid(GRID_PATH)


@pytest.fixture(scope="module")
def norms():
    return load_norms(NORMS_PATH)


def test_default_grid_has_the_methods_criteria(grid):
    assert grid.source == "default.yaml"
    assert [c.id for c in grid.axes["attractiveness"].criteria] == ["potential", "market_position", "solvency"]
    assert [c.id for c in grid.axes["qrc"].criteria] == [
        "share_of_wallet", "product_families", "contact_level", "commitments_kept"]
    kinds = {c.id: c.is_numeric for c in grid.criteria}
    assert kinds == {"potential": True, "market_position": False, "solvency": False, "share_of_wallet": True,
                     "product_families": True, "contact_level": False, "commitments_kept": True}
    assert [c.value for c in grid.criterion("market_position").categories] == [  # type: ignore[union-attr]
        "leader", "challenger", "follower", "niche"]
    assert [c.value for c in grid.criterion("solvency").categories] == ["A", "B", "C", "D"]  # type: ignore[union-attr]
    assert [c.value for c in grid.criterion("contact_level").categories] == [  # type: ignore[union-attr]
        "operational", "manager", "director", "executive"]
    assert grid.cuts == {"attractiveness": (50,), "qrc": (50,)}


def test_every_level_has_a_written_rule_in_both_languages(grid):
    for criterion in grid.criteria:
        assert {"en", "fr"} <= dict(criterion.label.by_lang).keys(), criterion.id
        for level in criterion.bands or criterion.categories or ():
            assert level.rule is not None, criterion.id
            rules = dict(level.rule.by_lang)
            assert rules.keys() == {"en", "fr"} and all(rules.values()), criterion.id


def test_default_segments_are_the_methods(grid):
    cells = {s.id: (s.cell["attractiveness"], s.cell["qrc"]) for s in grid.segments}
    assert cells == {"develop": (1, 0), "partners": (1, 1), "maintain": (0, 1), "minimal": (0, 0)}
    assert grid.segment("develop").label.get("fr") == "Bastions concurrents"
    assert grid.segment("develop").action.get("fr") == "Visites prioritaires"  # type: ignore[union-attr]
    assert grid.segment("maintain").label.get("fr") == "Petits clients fidèles"
    assert grid.segment("minimal").action.get("fr") == "À traiter à distance"  # type: ignore[union-attr]
    assert len({s.color for s in grid.segments}) == 4


def test_default_grid_fits_the_data_contract(grid):
    numeric = {Kind.NUMBER, Kind.RATIO, Kind.INTEGER}
    columns = {c.name: "number" if c.kind in numeric else "text" for c in COLUMNS}
    assert check_columns(grid, columns) == []


def test_worked_example_of_the_user_documentation(grid):
    # docs/grid-format.md, "A worked example": computed by hand there.
    clients = pd.DataFrame({
        "client_id": ["C1", "C2"],
        "potential": [150_000.0, 150_000.0],
        "market_position": ["challenger", "Challenger "],
        "solvency": ["B", None],
        "share_of_wallet": [0.12, 0.12],
        "product_families": [2, 2],
        "contact_level": ["manager", "manager"],
        "commitments_kept": [0.6, 0.6],
    })
    scored = score_frame(clients, grid).set_index("client_id")
    assert scored.loc["C1", "attractiveness"] == pytest.approx(75.0)
    assert scored.loc["C1", "qrc"] == pytest.approx(130 / 3)  # 43.3
    assert scored.loc["C1", "segment"] == "develop"
    assert not scored.loc["C1", "incomplete"]
    assert scored.loc["C2", "attractiveness"] == pytest.approx(56.25)
    assert scored.loc["C2", "incomplete"]


def test_shipped_norms_fit_the_default_grid(norms, grid):
    assert check_norms_against_grid(norms, grid) == []


def test_shipped_norms_tell_the_methods_story(norms):
    visits = norms.visits
    assert max(visits, key=lambda s: visits[s].norm) == "partners"
    assert (visits["minimal"].min, visits["minimal"].max) == (0, 1)
    assert norms.capacity.visits_per_year == 720
    # 120 clients at the target structure: 24 partners, 36 develop, 36 maintain, 24 minimal.
    workload = 24 * 10 + 36 * 8 + 36 * 3 + 24 * 1
    assert workload == sum(round(120 * t.clients) * visits[s].norm for s, t in norms.structure.targets.items())
    assert workload / norms.capacity.visits_per_year == pytest.approx(0.9167, abs=1e-4)
    # Develop has the most to win from more visits; partners lose the most without them.
    assert max(norms.response, key=lambda s: norms.response[s].saturation) == "develop"
    assert min(norms.response, key=lambda s: norms.response[s].none) == "partners"
    assert norms.structure_for({"region": "Île-de-France"}).targets["partners"].clients == 0.25
