"""A tuned grid saved as a new YAML file: it reloads to the same scores, passes
validate-grid, is plain YAML of the format; an invalid grid or an existing file is
refused with nothing written."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import yaml

from portfolio.demo import generate_demo
from portfolio.grid.loader import load_grid
from portfolio.grid.saving import GridFileExists, file_name_for, save_grid
from portfolio.grid.trial import GridChanges
from portfolio.grid.writer import GridMetadata, read_metadata
from portfolio.problems import ConfigError
from portfolio.scoring.engine import score_frame

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = load_grid(ROOT / "config" / "grids" / "default.yaml")
META = GridMetadata(version="2.1", author="Claire Dubois", saved_on=date(2026, 3, 14))
# What the grid format allows, by level (docs/grid-format.md).
TOP_KEYS = {"name", "version", "missing", "axes", "matrix"}
CRITERION_KEYS = {"id", "label", "column", "weight", "bands", "categories"}


def tuned():
    # As on the Grid page: potential weighs more, a higher attractiveness cut.
    return GridChanges(weights={"potential": 80, "contact_level": 35},
                       cuts={"attractiveness": [58]}).applied_to(DEFAULT)


def test_a_tuned_grid_saved_reloads_to_the_same_scores(tmp_path):
    path = save_grid(tuned(), tmp_path, "tuned.yaml", META)
    assert path == tmp_path / "tuned.yaml"
    reloaded = load_grid(path)
    clients = generate_demo(n_clients=600, seed=3)
    expected, got = score_frame(clients, tuned()), score_frame(clients, reloaded)
    pd.testing.assert_frame_equal(got, expected)
    # The default grid scores differently: the saved file holds the changes.
    assert not score_frame(clients, DEFAULT)["segment"].equals(got["segment"])
    assert reloaded.criterion("potential").weight == 80 and reloaded.cuts["attractiveness"] == (58,)
    # Labels, rules and actions in both languages are kept.
    assert reloaded.segment("develop").action.get("fr") == "Visites prioritaires"
    assert reloaded.criterion("solvency").categories[3].rule.get("en").startswith("payment default")


def test_the_saved_file_passes_validate_grid_and_is_plain_yaml_of_the_format(tmp_path):
    path = save_grid(tuned(), tmp_path, "tuned.yaml", META)
    done = subprocess.run([sys.executable, "-m", "portfolio", "validate-grid", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr
    text = path.read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    assert set(document) <= TOP_KEYS and document["version"] == 1
    for axis in document["axes"].values():
        for criterion in axis["criteria"]:
            assert set(criterion) <= CRITERION_KEYS
    assert document["name"] == {"en": "Attractiveness × QRC", "fr": "Attractivité × QRC"}
    # Who, which version and when: in the comment header, which the loader ignores.
    assert read_metadata(text) == {"Version": "2.1", "Author": "Claire Dubois", "Date": "2026-03-14"}
    assert "&" not in text.split("axes:")[0] and "*" not in text  # no anchors, no aliases


def test_an_author_on_two_lines_cannot_add_yaml_of_its_own(tmp_path):
    meta = GridMetadata(version="1", author="Eve\nmissing: ignore", saved_on=date(2026, 1, 2))
    path = save_grid(DEFAULT, tmp_path, "eve.yaml", meta)
    assert load_grid(path).missing == "zero"
    assert read_metadata(path.read_text(encoding="utf-8"))["Author"] == "Eve missing: ignore"


def test_an_invalid_edit_is_refused_with_the_loaders_report_and_nothing_written(tmp_path):
    potential = DEFAULT.criterion("potential")
    # A band edge edited below the one before it, and a negative weight.
    broken_bands = (potential.bands[0], replace(potential.bands[1], start=-5), *potential.bands[2:])
    axis = DEFAULT.axes["attractiveness"]
    criteria = (replace(potential, bands=broken_bands, weight=-1), *axis.criteria[1:])
    broken = replace(DEFAULT, axes={**DEFAULT.axes,
                                    "attractiveness": replace(axis, criteria=criteria)})
    with pytest.raises(ConfigError) as refused:
        save_grid(broken, tmp_path, "broken.yaml", META)
    messages = [str(issue) for issue in refused.value.issues]
    assert len(messages) == 2
    assert all(m.startswith("broken.yaml:") for m in messages)
    assert any("axes.attractiveness.criteria[potential].weight" in m for m in messages)
    assert any("bands" in m for m in messages)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_overwritten_without_being_asked(tmp_path):
    first = save_grid(DEFAULT, tmp_path, "mine.yaml", META)
    before = first.read_text(encoding="utf-8")
    with pytest.raises(GridFileExists):
        save_grid(tuned(), tmp_path, "mine.yaml", META)
    assert first.read_text(encoding="utf-8") == before
    save_grid(tuned(), tmp_path, "mine.yaml", META, overwrite=True)
    assert load_grid(first).criterion("potential").weight == 80
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_file_names_come_from_the_grid_name_and_stay_in_the_folder(tmp_path):
    assert file_name_for("Grille Été 2026 / atelier") == "grille-ete-2026-atelier.yaml"
    with pytest.raises(ValueError):
        file_name_for("///")
    with pytest.raises(ValueError):
        save_grid(DEFAULT, tmp_path, "../escape.yaml", META)


def test_band_edges_tried_are_saved_without_the_rules_of_the_old_edges(tmp_path):
    edges = GridChanges(bands={"potential": (0, 11_000, 24_000, 63_000)}).applied_to(DEFAULT)
    reloaded = load_grid(save_grid(edges, tmp_path, "edges.yaml", META))
    bands = reloaded.criterion("potential").bands
    assert [(b.start, b.points, b.rule) for b in bands] == [
        (0, 1, None), (11_000, 2, None), (24_000, 3, None), (63_000, 4, None)]
    # Criteria whose edges did not change keep their written rules.
    assert reloaded.criterion("share_of_wallet").bands[0].rule.get("en") == "under 10 %"
