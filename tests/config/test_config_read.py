"""Reading a grid or norms file never raises: a value, or the issues of a broken, missing or unreadable file."""

from __future__ import annotations

from portfolio.config_read import read_grid_file, read_norms_file
from portfolio.grid.loader import parse_grid
from tests.config import test_grid_loader as grids
from tests.config import test_norms_loader as norms


def test_a_valid_grid_and_norms_are_read(tmp_path):
    (tmp_path / "g.yaml").write_text(grids.GRID, encoding="utf-8")
    (tmp_path / "n.yaml").write_text(norms.NORMS, encoding="utf-8")
    grid = read_grid_file(tmp_path / "g.yaml")
    assert grid.ok and grid.issues == () and grid.value.source == "g.yaml"
    read = read_norms_file(tmp_path / "n.yaml", grid.value)
    assert read.ok and read.value.visits["maintain"].norm == 3


def test_a_broken_file_gives_its_issues(tmp_path):
    (tmp_path / "g.yaml").write_text(grids.edited({11: "        weight: 0"}), encoding="utf-8")
    read = read_grid_file(tmp_path / "g.yaml")
    assert read.value is None and not read.ok
    assert [str(i) for i in read.issues] == [
        "g.yaml:11: axes.attractiveness.criteria[potential].weight: expected a number > 0 (got 0)"]


def test_a_missing_file_is_said_in_both_languages(tmp_path):
    [issue] = read_grid_file(tmp_path / "none.yaml").issues
    assert str(issue) == (f"none.yaml:?: (file): expected a grid file here (got no file at {tmp_path / 'none.yaml'}); "
                          "put a grid at this place or set PORTFOLIO_CONFIG to the folder that holds grids/")
    assert issue.text("fr").startswith("fichier de grille attendu ici")
    [issue] = read_norms_file(tmp_path / "none.yaml").issues
    assert issue.text("en").startswith("expected a norms file here")


def test_a_folder_is_not_read(tmp_path):
    (tmp_path / "g.yaml").mkdir()
    [issue] = read_grid_file(tmp_path / "g.yaml").issues
    assert issue.text("en").startswith("expected a file that can be read (got ")


def test_norms_that_do_not_fit_the_grid_keep_their_value_and_say_why(tmp_path):
    (tmp_path / "n.yaml").write_text(norms.edited({20: "    develp: {min: 4, norm: 8, max: 12}"}), encoding="utf-8")
    read = read_norms_file(tmp_path / "n.yaml", parse_grid(grids.GRID, "grid.yaml"))
    assert read.value is not None and not read.ok
    assert [issue.key for issue in read.issues] == ["visits.segments.develp", "visits.segments"]


def test_segment_labels_and_actions_by_id():
    text = grids.edited({28: '    - {id: develop, cell: {attractiveness: 1, qrc: 0}, label: {en: Develop, fr: Développer}, '
                             'action: {en: Visit more, fr: Visiter plus}}'})
    grid = parse_grid(text, "grid.yaml")
    assert grid.segment_labels("fr") == {"develop": "Développer", "partners": "Partners",
                                         "maintain": "Maintain", "minimal": "Minimal"}
    assert grid.segment_actions("en") == {"develop": "Visit more", "partners": None,
                                          "maintain": None, "minimal": None}
