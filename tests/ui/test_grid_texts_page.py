"""Points and segment names edited on the Grid page: tried for the session, saved as a new
file that reloads to the same scores and passes validate-grid; an edit the grid format
refuses shows why and changes nothing."""

from __future__ import annotations

import subprocess
import sys

import yaml

from portfolio.grid.loader import load_grid
from portfolio.grid.trial import GridChanges
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from portfolio.view import PortfolioView
from tests.ui.conftest import ROOT, open_page
from tests.ui.test_grid_files_page import GRID, GRID_PAGE, _button, config  # noqa: F401

APPLY = "Try these points and names"
SOLVENCY = next(c for c in GRID.criteria if c.categories is not None)
FIRST = GRID.segments[0]


def _edit(at, points: list[str], french_name: str) -> None:
    at.selectbox(key="w.trial.points_criterion").set_value(SOLVENCY.id)
    at.run()
    for index, value in enumerate(points):
        at.text_input(key=f"w.trial.points.{SOLVENCY.id}.{index}").input(value)
    at.text_input(key=f"w.trial.label.{FIRST.id}.fr").input(french_name)
    _button(at, APPLY).click().run()


def _scores(db_path, grid) -> list[tuple]:
    store = Store(db_path)
    try:
        view = PortfolioView.open(store, list_datasets(store)[-1].dataset_id, grid)
        clients = view.clients()
        with store.reading() as cur:
            return cur.execute(f"SELECT client_id, attractiveness, qrc, segment FROM {clients.sql} "
                               f"ORDER BY client_id", clients.params).fetchall()
    finally:
        store.close()


def test_points_and_a_name_edited_on_screen_are_saved_and_reload_to_the_same_scores(
        config, seeded_db):  # noqa: F811
    at = open_page(GRID_PAGE)
    levels = len(SOLVENCY.categories)
    points = [f"{levels - i}.5" if i == 0 else str(levels - i) for i in range(levels)]  # "4.5"…
    _edit(at, points, "Bastions à conquérir")
    assert not at.exception
    assert any("You are trying changes to the grid" in i.value for i in at.info)
    at.text_input(key="w.grid_save.name").set_value("Workshop points")
    _button(at, "Save as a new file").click().run()
    assert not at.exception
    saved = config / "grids" / "workshop-points.yaml"
    assert isinstance(yaml.safe_load(saved.read_text(encoding="utf-8")), dict)
    reloaded = load_grid(saved)
    expected = [float(p) for p in points]
    assert [c.points for c in reloaded.criterion(SOLVENCY.id).categories] == expected
    assert next(s for s in reloaded.segments if s.id == FIRST.id).label.get("fr") == \
        "Bastions à conquérir"
    tried = GridChanges(points={SOLVENCY.id: tuple(expected)}).applied_to(GRID)
    assert _scores(seeded_db, reloaded) == _scores(seeded_db, tried)
    done = subprocess.run([sys.executable, "-m", "portfolio", "validate-grid", str(saved)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_points_all_zero_are_refused_and_nothing_changes(config, seeded_db):  # noqa: F811
    at = open_page(GRID_PAGE)
    _edit(at, ["0"] * len(SOLVENCY.categories), "Bastions")
    assert not at.exception
    assert any("at least one above 0" in e.value for e in at.error)
    assert not any("You are trying changes to the grid" in i.value for i in at.info)
