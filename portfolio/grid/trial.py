"""A grid with other weights, cuts, band edges, points and segment texts, tried for a while
without touching its file.

A trainer shows what moves when a criterion weighs more or a cut is raised; the grid
file stays as it was, so the next session, or the next meeting, starts from it again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from portfolio.grid.model import AXES, Band, Category, Criterion, Grid, LocalText, Segment


class InvalidTrial(ValueError):
    """A change the grid format would refuse: a criterion's `weight` or `bands`, or an axis's
    `cuts` (`part`), on the criterion or axis `where` (its id)."""

    def __init__(self, part: str, where: str, message: str):
        super().__init__(message)
        self.part, self.where = part, where


@dataclass(frozen=True)
class GridChanges:
    """Weights by criterion id, cuts by axis id and band starts by criterion id, to apply to
    whatever the grid file holds."""

    weights: Mapping[str, float] = field(default_factory=dict)
    cuts: Mapping[str, Sequence[float]] = field(default_factory=dict)
    bands: Mapping[str, Sequence[float]] = field(default_factory=dict)
    # The points of each level of a criterion (its bands' or its categories', in order).
    points: Mapping[str, Sequence[float]] = field(default_factory=dict)
    # A segment's label and action by language: {segment id: {"en": …, "fr": …}}.
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    actions: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def applied_to(self, grid: Grid) -> Grid:
        changed = with_changes(grid, self.weights, self.cuts, self.bands)
        return with_texts(with_points(changed, self.points), self.labels, self.actions)

    def with_bands(self, criterion_id: str, starts: Sequence[float]) -> "GridChanges":
        """These changes, and the band starts of one criterion replaced by `starts`."""
        return replace(self, bands={**self.bands, criterion_id: tuple(starts)})


def with_changes(grid: Grid, weights: Mapping[str, float] | None = None,
                 cuts: Mapping[str, Sequence[float]] | None = None,
                 bands: Mapping[str, Sequence[float]] | None = None) -> Grid:
    """`grid` with some criteria weights (by criterion id), axis cuts and band starts (by
    criterion id, its bands' `from` in order) replaced.

    The rules are the grid format's: a weight above 0; on each axis as many cuts as
    before (the segments are cells of the same matrix), strictly ascending, within
    0–100; as many band starts as the criterion has bands, strictly ascending (each band
    keeps its points; its written rule, written for the old edges, is dropped). Raises
    `InvalidTrial` otherwise, and ValueError for a criterion, bands or a number of cuts the
    grid does not have (the grid file changed under the changes).
    """
    weights = dict(weights or {})
    starts_by_id = {cid: tuple(float(v) for v in values) for cid, values in (bands or {}).items()}
    for criterion_id, starts in starts_by_id.items():
        criterion = grid.criterion(criterion_id) if criterion_id in {
            c.id for c in grid.criteria} else None
        if criterion is None or criterion.bands is None or len(criterion.bands) != len(starts):
            raise ValueError(f"the grid has no criterion {criterion_id!r} with "
                             f"{len(starts)} bands")
        if any(b <= a for a, b in zip(starts, starts[1:])):
            raise InvalidTrial("bands", criterion_id, f"{criterion_id}: band starts "
                                                      f"{list(starts)} are not strictly ascending")
    cuts = {axis: tuple(float(c) for c in values) for axis, values in (cuts or {}).items()}
    for criterion_id, weight in weights.items():
        if criterion_id not in {c.id for c in grid.criteria}:
            # Changes kept in a session while the file lost that criterion.
            raise ValueError(f"the grid has no criterion {criterion_id!r}")
        if not weight > 0:
            raise InvalidTrial("weight", criterion_id, f"{criterion_id}: weight {weight:g} is not above 0")
    for axis, values in cuts.items():
        if len(values) != len(grid.cuts[axis]):
            raise ValueError(f"{axis}: {len(grid.cuts[axis])} cuts expected, not {len(values)}")
        inside = all(0 <= value <= 100 for value in values)
        if not inside or any(b <= a for a, b in zip(values, values[1:])):
            raise InvalidTrial("cuts", axis, f"{axis}: cuts {list(values)} are not strictly "
                                             f"ascending within 0–100")
    axes = {
        axis_id: replace(axis, criteria=tuple(
            _with_starts(replace(c, weight=float(weights.get(c.id, c.weight))),
                         starts_by_id.get(c.id)) for c in axis.criteria))
        for axis_id, axis in grid.axes.items()}
    # No fingerprint: caches then key the trial by its content, never by the file's text.
    return replace(grid, axes=axes, cuts={axis: cuts.get(axis, grid.cuts[axis]) for axis in AXES},
                   fingerprint="")


def _with_starts(criterion: Criterion, starts: tuple[float, ...] | None) -> Criterion:
    if starts is None or criterion.bands is None:
        return criterion
    if starts == tuple(band.start for band in criterion.bands):
        return criterion  # the same edges: the rules written for them still hold
    return replace(criterion, bands=tuple(Band(start, band.points)
                                          for start, band in zip(starts, criterion.bands)))


def with_points(grid: Grid, points: Mapping[str, Sequence[float]]) -> Grid:
    """`grid` with the points of some criteria's levels replaced (by criterion id, one
    number per band or category, in the grid's order). Each level keeps its edge or value
    and its written rule. Raises `InvalidTrial` for a negative number or a criterion whose
    points would all be 0 (the grid format's rules), ValueError for a criterion or a number
    of levels the grid does not have."""
    if not points:
        return grid
    known = {c.id for c in grid.criteria}
    for criterion_id, values in points.items():
        if criterion_id not in known:
            raise ValueError(f"the grid has no criterion {criterion_id!r}")
        if any(not value >= 0 for value in values):
            raise InvalidTrial("points", criterion_id,
                               f"{criterion_id}: points {list(values)} must be 0 or more")
        if not any(value > 0 for value in values):
            raise InvalidTrial("points", criterion_id,
                               f"{criterion_id}: at least one level needs points above 0")

    def changed(criterion: Criterion) -> Criterion:
        values = points.get(criterion.id)
        if values is None:
            return criterion
        levels = criterion.bands if criterion.bands is not None else criterion.categories or ()
        if len(values) != len(levels):
            raise ValueError(f"{criterion.id}: {len(levels)} levels, not {len(values)} points")
        if criterion.bands is not None:
            return replace(criterion, bands=tuple(
                Band(b.start, float(v), b.rule) for b, v in zip(criterion.bands, values)))
        return replace(criterion, categories=tuple(
            Category(c.value, float(v), c.rule) for c, v in zip(levels, values)))

    axes = {axis_id: replace(axis, criteria=tuple(changed(c) for c in axis.criteria))
            for axis_id, axis in grid.axes.items()}
    return replace(grid, axes=axes, fingerprint="")


def with_texts(grid: Grid, labels: Mapping[str, Mapping[str, str]],
               actions: Mapping[str, Mapping[str, str]]) -> Grid:
    """`grid` with some segments' labels and actions replaced, language by language (a text
    left empty keeps the grid's). Raises `InvalidTrial` for a segment left with no label."""
    if not labels and not actions:
        return grid

    def merged(text: LocalText | None, given: Mapping[str, str] | None) -> LocalText | None:
        if not given:
            return text
        by_lang = dict(text.by_lang) if text is not None else {}
        fallback = by_lang.pop("*", None)  # one text for every language, now told apart
        for lang in ("en", "fr"):
            if fallback is not None:
                by_lang.setdefault(lang, fallback)
        by_lang.update({lang: value.strip() for lang, value in given.items() if value.strip()})
        return LocalText(tuple(sorted(by_lang.items()))) if by_lang else None

    def changed(segment: Segment) -> Segment:
        label = merged(segment.label, labels.get(segment.id))
        if label is None:
            raise InvalidTrial("labels", segment.id, f"{segment.id}: a segment needs a label")
        return replace(segment, label=label, action=merged(segment.action, actions.get(segment.id)))

    return replace(grid, segments=tuple(changed(s) for s in grid.segments), fingerprint="")
