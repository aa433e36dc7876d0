"""Read a scoring grid from YAML: shape first (keys, types), then meaning, every error at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Mapping

from portfolio.grid.meaning import Shaped, check_meaning
from portfolio.grid.model import AXES, Axis, Band, Category, Criterion, Grid, LocalText, Segment
from portfolio.problems import ConfigIssue, detail
from portfolio.yaml_source import (Checker, MapNode, Node, child_path, closest, fingerprint,
                                   nearest_line, read_config_text, read_document, written_text)

VERSION = 1
_LIST_OF = {"bands": "config_grid.what_list_of_bands", "categories": "config_grid.what_list_of_categories"}
MISSING_POLICIES = ("zero", "ignore")
Level = Band | Category


COLUMN_KINDS = ("number", "text")


def load_grid(path: str | Path) -> Grid:
    """The grid in a YAML file; raises ConfigError naming every problem (file, line, key)."""
    path = Path(path)
    return parse_grid(read_config_text(path), path.name)


def parse_grid(text: str, source: str = "<grid>") -> Grid:
    """The grid in a YAML text; `source` is the file name shown in messages."""
    grid, checker = read_document(text, source, _read_and_check)
    return replace(grid, source=source, lines=checker.lines, fingerprint=fingerprint(text))


def _read_and_check(ch: Checker, root: Node) -> Grid | None:
    """Shape first, then meaning on every part that read well."""
    shaped = _read_grid(ch, root)
    if shaped is None:
        return None
    check_meaning(ch, shaped)
    return shaped.grid


def check_columns(grid: Grid, columns: Mapping[str, str]) -> list[ConfigIssue]:
    """What stops `grid` from scoring data with these columns (name → "number" or "text"):
    a criterion whose column is missing, or bands over a text column."""
    unknown = {kind for kind in columns.values() if kind not in COLUMN_KINDS}
    if unknown:
        raise ValueError(f"column kinds must be among {COLUMN_KINDS}, not {sorted(unknown)}")
    issues = []
    for axis_id in AXES:
        for index, criterion in enumerate(grid.axes[axis_id].criteria):
            path = f"axes.{axis_id}.criteria[{index}].column"  # the key of `grid.lines`
            shown = f"axes.{axis_id}.criteria[{criterion.id}].column"  # a valid grid's ids are unique
            kind = columns.get(criterion.column)
            if kind is None:
                meant = closest(criterion.column, columns)
                message = detail("config_grid.column_missing_meant" if meant else
                                 "config_grid.column_missing",
                                 column=criterion.column, criterion=criterion.id, meant=meant)
            elif criterion.is_numeric and kind != "number":
                message = detail("config_grid.column_not_numeric", column=criterion.column,
                                 criterion=criterion.id)
            else:
                continue
            issues.append(ConfigIssue.of(grid.source, nearest_line(grid.lines, path), shown, message))
    return issues


def _read_grid(ch: Checker, root: Node) -> Shaped | None:
    top = ch.mapping(root, required=("name", "version", "axes", "matrix"), optional=("missing",),
                     what=detail("config_grid.what_grid"))
    if top is None:
        return None
    start = ch.mark()
    name = ch.local_text(top.get("name"))
    ch.version(top.get("version"), VERSION)
    missing = ch.choice(top.get("missing"), MISSING_POLICIES) if "missing" in top else "zero"
    shaped = Shaped()
    axes = ch.mapping(top.get("axes"), required=AXES, what=detail("config_grid.what_axes"))
    axes_read = {axis_id: _read_axis(ch, axis_id, axes.get(axis_id), shaped)
                 for axis_id in AXES if axes is not None}
    matrix = ch.mapping(top.get("matrix"), required=("cuts", "segments"))
    segments: list[Segment | None] = []
    if matrix is not None:
        _read_cuts(ch, matrix.get("cuts"), shaped)
        segments = _read_segments(ch, matrix.get("segments"), shaped)
    if ch.clean_since(start) and name is not None and missing is not None:
        shaped.grid = Grid(
            name=LocalText.of(name), version=VERSION, missing=missing,  # type: ignore[arg-type]
            axes=axes_read, cuts=dict(shaped.cuts), segments=tuple(segments))  # type: ignore[arg-type]
    return shaped


def _read_axis(ch: Checker, axis_id: str, node: Node | None, shaped: Shaped) -> Axis | None:
    axis = ch.mapping(node, required=("label", "criteria"))
    if axis is None:
        return None
    start = ch.mark()
    label = ch.local_text(axis.get("label"))
    criteria = [_read_criterion(ch, item, shaped) for item in
                ch.items(axis.get("criteria"), detail("config_grid.what_criteria")) or ()]
    if not ch.clean_since(start) or label is None:
        return None
    return Axis(axis_id, LocalText.of(label), tuple(criteria))  # type: ignore[arg-type]


def _read_criterion(ch: Checker, node: Node, shaped: Shaped) -> Criterion | None:
    criterion = ch.mapping(node, required=("id", "label", "column", "weight"),
                           optional=("bands", "categories"), what=detail("config_grid.what_criterion"))
    if criterion is None:
        return None
    start = ch.mark()
    cid = ch.identifier(criterion.get("id"), detail("config_grid.what_criterion_id"))
    ch.name_item("criteria", node.path, written_text(criterion.get("id")), cid is not None)
    if cid is not None:
        shaped.criterion_ids.append((child_path(node.path, "id"), cid))
    label = ch.local_text(criterion.get("label"))
    column = ch.text(criterion.get("column"), detail("config_grid.what_column"))
    weight = ch.number(criterion.get("weight"), above=0)
    given = [key for key in ("bands", "categories") if key in criterion]
    if not given:
        ch.error(node, detail("config_grid.neither_bands_nor_categories"))
    elif len(given) == 2:  # at the one written second, the likelier slip
        second = max((criterion.entries[key] for key in given), key=lambda level: level.line)
        ch.error(second, detail("config_grid.bands_and_categories"))
    bands = _read_levels(ch, criterion, "bands", _read_band, shaped)
    categories = _read_levels(ch, criterion, "categories", _read_category, shaped)
    if not ch.clean_since(start) or None in (cid, label, column, weight):
        return None
    return Criterion(cid, LocalText.of(label), column, weight,  # type: ignore[arg-type]
                     bands=bands, categories=categories)  # type: ignore[arg-type]


def _read_levels(ch: Checker, criterion: MapNode, key: str, read_one: Callable[[Checker, Node], Level | None],
                 shaped: Shaped) -> tuple | None:
    """The criterion's bands or categories: None when the key is absent (or broken)."""
    node = criterion.get(key)
    levels = [read_one(ch, item) for item in ch.items(node, detail(_LIST_OF[key])) or ()]
    if not levels or None in levels:
        return None
    shaped.levels.append((node.path, tuple(levels)))  # type: ignore[union-attr, arg-type]
    return tuple(levels)


def _read_band(ch: Checker, node: Node) -> Band | None:
    band = ch.mapping(node, required=("from", "points"), optional=("rule",),
                      what=detail("config_grid.what_band"))
    if band is None:
        return None
    start = ch.mark()
    lower = ch.number(band.get("from"))
    points = ch.number(band.get("points"), at_least=0)
    rule = _optional_text(ch, band, "rule")
    if not ch.clean_since(start) or lower is None or points is None:
        return None
    return Band(lower, points, rule)


def _read_category(ch: Checker, node: Node) -> Category | None:
    category = ch.mapping(node, required=("value", "points"), optional=("rule",),
                          what=detail("config_grid.what_category"))
    if category is None:
        return None
    start = ch.mark()
    value = ch.text(category.get("value"), detail("config_grid.what_category_value"))
    points = ch.number(category.get("points"), at_least=0)
    rule = _optional_text(ch, category, "rule")
    if not ch.clean_since(start) or value is None or points is None:
        return None
    return Category(value, points, rule)


def _optional_text(ch: Checker, node: MapNode, key: str) -> LocalText | None:
    """The optional text under `key` (None when absent; a broken one is reported)."""
    text = ch.local_text(node.get(key))
    return None if text is None else LocalText.of(text)


def _read_cuts(ch: Checker, node: Node | None, shaped: Shaped) -> None:
    cuts = ch.mapping(node, required=AXES, what=detail("config_grid.what_cuts"))
    if cuts is None:
        return
    for axis_id in AXES:
        values_node = cuts.get(axis_id)
        if values_node is None:
            continue
        start = ch.mark()
        items = ch.items(values_node, detail("config_grid.what_cut_scores"), allow_empty=True)
        values = [ch.number(item, at_least=0, at_most=100) for item in items or ()]
        if ch.clean_since(start) and items is not None:
            shaped.cuts[axis_id] = tuple(values)  # type: ignore[arg-type]


def _read_segments(ch: Checker, node: Node | None, shaped: Shaped) -> list[Segment | None]:
    items = ch.items(node, detail("config_grid.what_segments"))
    shaped.cells_complete = items is not None
    return [_read_segment(ch, item, shaped) for item in items or ()]


def _read_segment(ch: Checker, node: Node, shaped: Shaped) -> Segment | None:
    segment = ch.mapping(node, required=("id", "cell", "label"), optional=("action", "color"),
                         what=detail("config_grid.what_segment"))
    if segment is None:
        shaped.cells_complete = False
        return None
    start = ch.mark()
    sid = ch.identifier(segment.get("id"), detail("config_grid.what_segment_id"))
    ch.name_item("segments", node.path, written_text(segment.get("id")), sid is not None)
    if sid is not None:
        shaped.segment_ids.append((child_path(node.path, "id"), sid))
    cell_node = ch.mapping(segment.get("cell"), required=AXES,
                           what=detail("config_grid.what_cell"))
    cell = {axis_id: ch.integer(cell_node.get(axis_id), at_least=0)
            for axis_id in AXES if cell_node is not None and axis_id in cell_node}
    if cell_node is not None and len(cell) == len(AXES) and None not in cell.values():
        shaped.cells.append((cell_node.path, cell))  # type: ignore[arg-type]
    else:
        shaped.cells_complete = False
    label = ch.local_text(segment.get("label"))
    action = _optional_text(ch, segment, "action")
    color = ch.color(segment.get("color"))
    if not ch.clean_since(start) or sid is None or label is None or cell_node is None:
        return None
    return Segment(sid, cell, LocalText.of(label), action, color)  # type: ignore[arg-type]
