"""A grid written back as YAML in the public grid format (docs/grid-format.md).

What a trainer tuned on screen (weights, cuts, and whatever else a grid holds) becomes a
file a sales director can read, keep in version control and load again. The format has
no key for who wrote a grid, its own version or its date (and the loader refuses unknown
keys), so those go in a comment header; `name` is the format's own key. The format's
`version` is the version of the format itself, always the one the loader reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import yaml

from portfolio.grid.loader import VERSION
from portfolio.grid.model import AXES, Band, Category, Criterion, Grid, LocalText, Segment


@dataclass(frozen=True)
class GridMetadata:
    """Who saved a grid, which version of it and when: written as the file's comment header."""

    version: str
    author: str
    saved_on: date

    def header(self) -> str:
        lines = (f"Version: {_one_line(self.version)}", f"Author: {_one_line(self.author)}",
                 f"Date: {self.saved_on.isoformat()}")
        return "".join(f"# {line}\n" for line in lines)


_HEADER_LINE = re.compile(r"^# (Version|Author|Date): (.*)$")


def read_metadata(text: str) -> dict[str, str]:
    """The `Version`, `Author` and `Date` of a saved grid's comment header (those present)."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.match(line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def _one_line(text: str) -> str:
    # A line break in an author's name would end the comment and start YAML of its own.
    return " ".join(str(text).split())


class _Dumper(yaml.SafeDumper):
    """Safe YAML with no anchors or aliases (the loader refuses them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


class _Text(dict):
    """A text in several languages, written on one line as in the format's examples."""


_Dumper.add_representer(_Text, lambda dumper, data: dumper.represent_mapping(
    "tag:yaml.org,2002:map", data, flow_style=True))


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _text(text: LocalText) -> str | dict[str, str]:
    texts = dict(text.by_lang)
    if set(texts) == {"*"}:
        return texts["*"]
    return _Text({lang: value for lang, value in texts.items() if lang != "*"})


def _level(level: Band | Category) -> dict:
    out: dict = ({"from": _number(level.start)} if isinstance(level, Band)
                 else {"value": level.value})
    out["points"] = _number(level.points)
    if level.rule is not None:
        out["rule"] = _text(level.rule)
    return out


def _criterion(criterion: Criterion) -> dict:
    out: dict = {"id": criterion.id, "label": _text(criterion.label), "column": criterion.column,
                 "weight": _number(criterion.weight)}
    if criterion.bands is not None:
        out["bands"] = [_level(band) for band in criterion.bands]
    if criterion.categories is not None:
        out["categories"] = [_level(category) for category in criterion.categories]
    return out


def _segment(segment: Segment) -> dict:
    out: dict = {"id": segment.id, "cell": {axis: int(segment.cell[axis]) for axis in AXES},
                 "label": _text(segment.label)}
    if segment.action is not None:
        out["action"] = _text(segment.action)
    if segment.color is not None:
        out["color"] = segment.color
    return out


def grid_document(grid: Grid) -> dict:
    """The grid as the format's mapping, keys in the format's order."""
    return {
        "name": _text(grid.name),
        "version": VERSION,
        "missing": grid.missing,
        "axes": {axis_id: {"label": _text(grid.axes[axis_id].label),
                           "criteria": [_criterion(c) for c in grid.axes[axis_id].criteria]}
                 for axis_id in AXES},
        "matrix": {"cuts": {axis: [_number(cut) for cut in grid.cuts[axis]] for axis in AXES},
                   "segments": [_segment(s) for s in grid.segments]},
    }


def grid_yaml(grid: Grid, metadata: GridMetadata | None = None) -> str:
    """The grid's YAML text, with `metadata` as its comment header."""
    body = yaml.dump(grid_document(grid), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)
    header = "# Scoring grid (format: docs/grid-format.md)\n"
    return header + (metadata.header() if metadata else "") + body
