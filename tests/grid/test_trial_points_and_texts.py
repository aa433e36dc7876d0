"""Points per level and segment texts tried on a grid: each level keeps its edge, value and
rule; the grid format's rules hold; a segment's name changes in one language only."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.grid.loader import load_grid
from portfolio.grid.saving import checked_text
from portfolio.grid.trial import GridChanges, InvalidTrial, with_points, with_texts

GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")


def _numeric_and_categorical():
    numeric = next(c for c in GRID.criteria if c.bands is not None)
    categorical = next(c for c in GRID.criteria if c.categories is not None)
    return numeric, categorical


def test_points_replace_each_level_in_order_and_keep_edges_values_and_rules():
    numeric, categorical = _numeric_and_categorical()
    new_bands = tuple(float(2 * i + 1) for i in range(len(numeric.bands)))
    new_categories = tuple(float(i) for i in range(len(categorical.categories), 0, -1))
    tried = with_points(GRID, {numeric.id: new_bands, categorical.id: new_categories})
    after = tried.criterion(numeric.id)
    assert tuple(b.points for b in after.bands) == new_bands
    assert [(b.start, b.rule) for b in after.bands] == [(b.start, b.rule) for b in numeric.bands]
    kept = tried.criterion(categorical.id)
    assert tuple(c.points for c in kept.categories) == new_categories
    assert [c.value for c in kept.categories] == [c.value for c in categorical.categories]
    assert tried.fingerprint == ""  # a trial is cached by its content, never by the file's


@pytest.mark.parametrize("points", [(-1.0,), (0.0,)])
def test_negative_points_or_all_zero_are_refused(points):
    numeric, _ = _numeric_and_categorical()
    values = points * len(numeric.bands) if points == (0.0,) else (
        (-1.0,) + tuple(b.points for b in numeric.bands[1:]))
    with pytest.raises(InvalidTrial) as raised:
        with_points(GRID, {numeric.id: values})
    assert raised.value.part == "points" and raised.value.where == numeric.id


def test_a_segment_renamed_in_french_keeps_its_english_name():
    segment = GRID.segments[0]
    tried = with_texts(GRID, {segment.id: {"fr": "Cibles prioritaires", "en": ""}}, {})
    after = next(s for s in tried.segments if s.id == segment.id)
    assert after.label.get("fr") == "Cibles prioritaires"
    assert after.label.get("en") == segment.label.get("en")


def test_a_tried_grid_with_new_points_and_names_reloads_as_itself():
    numeric, _ = _numeric_and_categorical()
    segment = GRID.segments[1]
    changes = GridChanges(points={numeric.id: tuple(float(i + 1) for i in range(len(numeric.bands)))},
                          labels={segment.id: {"en": "Key accounts", "fr": "Comptes clés"}},
                          actions={segment.id: {"en": "Defend them", "fr": "Les défendre"}})
    tried = changes.applied_to(GRID)
    text, reloaded = checked_text(tried, None, "tried.yaml")
    assert "Comptes clés" in text
    assert reloaded.criterion(numeric.id).bands == tried.criterion(numeric.id).bands
    again = next(s for s in reloaded.segments if s.id == segment.id)
    assert (again.label.get("en"), again.action.get("fr")) == ("Key accounts", "Les défendre")
