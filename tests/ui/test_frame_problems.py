"""What the pages say when something is wrong: a broken or missing grid, a grid that does not fit
the data, a database held by another program; and the density view of a very large portfolio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portfolio.demo import generate_demo
from tests.ui.conftest import ROOT, all_text, open_page, seed_database

SHIPPED_GRID = (ROOT / "config" / "grids" / "default.yaml").read_text(encoding="utf-8")


def _config_with_grid(folder: Path, text: str | None) -> Path:
    """A config folder holding `text` as grids/default.yaml (no file when text is None)."""
    (folder / "grids").mkdir(parents=True)
    if text is not None:
        (folder / "grids" / "default.yaml").write_text(text, encoding="utf-8")
    return folder


def _line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


BROKEN_GRID = SHIPPED_GRID.replace("weight: 50", "weight: -50", 1)
BROKEN_LINE = _line_of(BROKEN_GRID, "weight: -50")
BROKEN_ISSUE = (f"default.yaml:{BROKEN_LINE}: axes.attractiveness.criteria[potential].weight: "
                f"expected a number > 0 (got -50)")


def test_a_grid_broken_after_a_valid_one_keeps_the_last_valid_grid(seeded_db, tmp_path,
                                                                   monkeypatch):
    config = _config_with_grid(tmp_path / "config", SHIPPED_GRID)
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    at = open_page("pages/1_Matrix.py")
    assert len(at.get("plotly_chart")) == 1 and not at.warning

    (config / "grids" / "default.yaml").write_text(BROKEN_GRID, encoding="utf-8")
    at.run()
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "The grid file default.yaml has errors: the last valid grid is used until they are fixed."]
    assert len(at.get("plotly_chart")) == 1  # still drawn, with the last valid grid

    at.switch_page("pages/2_Grid.py").run()
    assert [e.value for e in at.error] == ["The grid file default.yaml has errors (1):"]
    assert [c.value for c in at.code] == [BROKEN_ISSUE]
    assert "Meanwhile the last valid grid is used" in all_text(at)
    assert "Purchase potential | potential | 50 | 50%" in all_text(at)


def test_a_grid_never_valid_stops_the_matrix_and_lists_its_errors(seeded_db, tmp_path, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(_config_with_grid(tmp_path / "config", BROKEN_GRID)))
    at = open_page("pages/1_Matrix.py")
    assert not at.exception
    assert not at.get("plotly_chart")
    assert [e.value for e in at.error] == [
        "The grid file default.yaml has errors and no valid grid could be read: clients cannot "
        "be scored."]
    at.switch_page("pages/2_Grid.py").run()
    assert [c.value for c in at.code] == [BROKEN_ISSUE]
    at.switch_page("app.py").run()
    assert "The grid file has errors (1): see the Grid page." in all_text(at)


def test_the_grid_page_in_french_gives_the_errors_in_french(seeded_db, tmp_path, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(_config_with_grid(tmp_path / "config", BROKEN_GRID)))
    at = open_page("pages/2_Grid.py")
    at.segmented_control(key="w.language").set_value("fr").run()
    assert not at.exception
    assert [c.value for c in at.code] == [
        f"default.yaml:{BROKEN_LINE}: axes.attractiveness.criteria[potential].weight: "
        f"attendu : un nombre > 0 (reçu : -50)"]


def test_a_missing_grid_file_is_named_with_what_to_do(seeded_db, tmp_path, monkeypatch):
    config = _config_with_grid(tmp_path / "config", None)
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    at = open_page("pages/2_Grid.py")
    assert not at.exception
    [issue] = [c.value for c in at.code]
    assert issue.startswith("default.yaml:?: (file): expected a grid file here (got no file at ")
    assert str(config / "grids" / "default.yaml") in issue


def test_a_grid_reading_a_column_the_data_lacks_scores_it_as_missing_and_says_which(
        seeded_db, tmp_path, monkeypatch):
    grid = SHIPPED_GRID.replace("column: potential ", "column: turnover_class ", 1)
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(_config_with_grid(tmp_path / "config", grid)))
    at = open_page("pages/1_Matrix.py")
    assert not at.exception
    assert at.get("plotly_chart"), "the matrix is drawn, with the criterion scored as missing"
    [warning] = [w.value for w in at.warning]
    assert warning.startswith("No client has a value for these criteria of the grid, so they "
                              "give 0 points to every client: Purchase potential (column "
                              "turnover_class)")


def test_a_grid_with_bands_over_a_text_column_says_which(seeded_db, tmp_path, monkeypatch):
    grid = SHIPPED_GRID.replace("column: potential ", "column: client_name ", 1)
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(_config_with_grid(tmp_path / "config", grid)))
    at = open_page("pages/1_Matrix.py")
    assert not at.exception
    assert not at.get("plotly_chart")
    assert [e.value for e in at.error] == [
        "The grid cannot be applied to the dataset “Test portfolio”:"]
    [issue] = [c.value for c in at.code]
    line = _line_of(grid, "column: client_name")
    assert issue.startswith(f"default.yaml:{line}: axes.attractiveness.criteria[potential].column: ")
    assert "client_name" in issue


@pytest.fixture
def database_held_elsewhere(seeded_db):
    """Another process holding the database file open for writing, as a second app would."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.read()", str(seeded_db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield seeded_db
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_database_held_by_another_program_stops_with_a_clear_message(database_held_elsewhere):
    at = open_page("pages/1_Matrix.py")
    assert not at.exception
    assert [e.value for e in at.error] == [
        f"The database {database_held_elsewhere} is open in another program (another copy of "
        f"Portfolio Pilot, or a command still running). Close that program, then reload this page."]
    assert not at.get("plotly_chart")


def test_a_very_large_portfolio_is_drawn_as_a_density_map_with_an_invitation_to_filter(
        tmp_path, monkeypatch):
    path = seed_database(tmp_path / "large.duckdb", generate_demo(n_clients=52_000, n_reps=20,
                                                                   seed=3))
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page("pages/1_Matrix.py")
    assert not at.exception
    [chart] = at.get("plotly_chart")
    assert '"type":"heatmap"' in chart.proto.spec.replace(" ", "")
    [note] = [i.value for i in at.info]
    assert note.startswith("52,000 clients: from 50,000 on, the chart shows where clients are dense")
    assert "Filter by salesperson, region, industry or segment" in note
