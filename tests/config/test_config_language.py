"""Every error of a broken grid or norms file can be said in French: the Grid, Structure
and Visit plan pages show the messages in the user's language, the command line keeps
the English of the public format."""

from __future__ import annotations

import pytest

from portfolio.grid.loader import check_columns, parse_grid
from portfolio.norms import check_norms_against_grid, parse_norms
from portfolio.problems import ConfigError, ConfigIssue
from portfolio.yaml_source import read_config_text
from tests.config import test_grid_loader as grids
from tests.config import test_norms_loader as norms


def _raised(parse, text: str, source: str) -> list[ConfigIssue]:
    with pytest.raises(ConfigError) as caught:
        parse(text, source)
    return caught.value.issues


def _not_said_in_french(issues: list[ConfigIssue]) -> list[str]:
    return [issue.message for issue in issues
            if issue.detail is None or issue.text("fr") == issue.message]


@pytest.mark.parametrize("edits", [case[1] for case in grids.CASES], ids=[case[0] for case in grids.CASES])
def test_every_error_of_a_broken_grid_is_said_in_french(edits):
    issues = _raised(parse_grid, grids.edited(edits), "grid.yaml")
    assert issues and _not_said_in_french(issues) == []
    # The English stays the public format's, word for word.
    assert [issue.describe("en") for issue in issues] == [str(issue) for issue in issues]


@pytest.mark.parametrize("edits", [case[1] for case in norms.CASES], ids=[case[0] for case in norms.CASES])
def test_every_error_of_broken_norms_is_said_in_french(edits):
    issues = _raised(parse_norms, norms.edited(edits), "norms.yaml")
    assert issues and _not_said_in_french(issues) == []


def test_the_checks_against_data_and_grid_are_said_in_french():
    grid = parse_grid(grids.GRID, "grid.yaml")
    issues = check_columns(grid, {"potential": "text", "contact_levels": "text"})
    broken = parse_norms(norms.edited({20: "    develp: {min: 4, norm: 8, max: 12}"}), "norms.yaml")
    issues += check_norms_against_grid(broken, grid)
    assert len(issues) == 4 and _not_said_in_french(issues) == []


def test_unreadable_files_are_said_in_french(tmp_path):
    issues = _raised(parse_grid, "", "empty.yaml") + _raised(parse_grid, "a: [1\n", "bad.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: Grille réseau\n".encode("cp1252"))
    with pytest.raises(ConfigError) as caught:
        read_config_text(latin)
    issues += caught.value.issues
    assert len(issues) == 3 and _not_said_in_french(issues) == []


def test_a_french_message_reads_as_french():
    [issue] = _raised(parse_grid, grids.edited({11: '        weight: "60"'}), "grid.yaml")
    assert issue.describe("fr") == (
        'grid.yaml:11: axes.attractiveness.criteria[potential].weight: attendu : un nombre > 0 '
        '(reçu : le texte "60" ; enlevez les guillemets)')
    [issue] = _raised(parse_grid, grids.edited({26: "  cuts: {attractiveness: [50], qrc: [150]}"}),
                      "grid.yaml")
    assert issue.text("fr") == "attendu : un nombre entre 0 et 100 (reçu : 150)"
