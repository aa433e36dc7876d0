"""The grid's meaning checks, run on every part its shape check could read: levels, ids, cuts, cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

from portfolio.grid.model import AXES, Band, Category, Grid
from portfolio.problems import detail
from portfolio.yaml_source import Checker, fmt, nearest_line


@dataclass
class Shaped:
    """What the shape check read, each part with its key path, kept even when a sibling field
    is broken, so that one run reports the meaning errors of the whole file."""

    criterion_ids: list[tuple[str, str]] = field(default_factory=list)  # (path of `id`, id)
    levels: list[tuple[str, tuple[Band, ...] | tuple[Category, ...]]] = field(default_factory=list)
    cuts: dict[str, tuple[float, ...]] = field(default_factory=dict)  # axes whose cuts read well
    segment_ids: list[tuple[str, str]] = field(default_factory=list)
    cells: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # (path of `cell`, cell)
    cells_complete: bool = False  # every segment's cell read well, so missing cells can be named
    grid: Grid | None = None  # built only when the shape check found nothing wrong


def check_meaning(ch: Checker, shaped: Shaped) -> None:
    """Record every meaning error: levels of each criterion, unique ids, cuts, one segment a cell."""
    for path, levels in shaped.levels:
        _check_levels(ch, path, levels)
    _check_unique(ch, shaped.criterion_ids, "config_grid.unique_criterion_id")
    for axis_id, cuts in shaped.cuts.items():
        _check_ascending(ch, f"matrix.cuts.{axis_id}", "", cuts, "config_grid.ascending_cuts")
    _check_unique(ch, shaped.segment_ids, "config_grid.unique_segment_id")
    _check_cells(ch, shaped)


def _check_levels(ch: Checker, path: str, levels: tuple[Band, ...] | tuple[Category, ...]) -> None:
    """`path` is the criterion's `bands` or `categories` list."""
    if max(level.points for level in levels) <= 0:
        ch.error(path, detail("config_grid.no_points"))
    if isinstance(levels[0], Band):
        _check_ascending(ch, path, ".from", [band.start for band in levels],
                         "config_grid.ascending_bands")
    else:
        _check_unique(ch, [(f"{path}[{i}].value", c.key) for i, c in enumerate(levels)],
                      "config_grid.unique_category_value")


def _check_ascending(ch: Checker, path: str, suffix: str, values: list[float] | tuple[float, ...],
                     message: str) -> None:
    """`message` is the catalogue key of the sentence, which names what must ascend."""
    for i in range(1, len(values)):
        if values[i] <= values[i - 1]:
            ch.error(f"{path}[{i}]{suffix}", detail(message, value=fmt(values[i]),
                                                    previous=fmt(values[i - 1])))


def _check_unique(ch: Checker, located: list[tuple[str, str]], message: str) -> None:
    """Report each value already seen, naming the line where it first appeared (`message`
    is the catalogue key of the sentence, which names what must be unique)."""
    first: dict[str, str] = {}
    for path, value in located:
        if value in first:
            ch.error(path, detail(message, value=value, first=nearest_line(ch.lines, first[value])))
        else:
            first[value] = path


def _cell_text(cell: dict[str, int]) -> str:
    return "{" + ", ".join(f"{axis}: {cell[axis]}" for axis in AXES) + "}"


def _check_cells(ch: Checker, shaped: Shaped) -> None:
    """Every cell inside the grid, and every cell of the grid held by exactly one segment."""
    sizes = {axis: len(cuts) + 1 for axis, cuts in shaped.cuts.items()}
    holder: dict[tuple[int, ...], str] = {}
    for path, cell in shaped.cells:
        outside = [axis for axis in AXES if axis in sizes and cell[axis] >= sizes[axis]]
        for axis in outside:
            cuts = ", ".join(map(fmt, shaped.cuts[axis]))
            ch.error(f"{path}.{axis}", detail("config_grid.cell_outside", last=sizes[axis] - 1,
                                              cuts=cuts, bands=sizes[axis], axis=axis, got=cell[axis]))
        key = tuple(cell[axis] for axis in AXES)
        if outside:
            continue
        if key in holder:
            ch.error(path, detail("config_grid.cell_twice", cell=_cell_text(cell),
                                  first=nearest_line(ch.lines, holder[key])))
        else:
            holder[key] = path
    if not shaped.cells_complete or len(sizes) < len(AXES):
        return  # a cell or a cut that did not read well would make this guesswork
    for key in product(*(range(sizes[axis]) for axis in AXES)):
        if key not in holder:
            ch.error("matrix.segments", detail("config_grid.cell_without_segment",
                                               cell=_cell_text(dict(zip(AXES, key)))))
