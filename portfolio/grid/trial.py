"""A grid with other weights and cuts, tried for a while without touching its file.

A trainer shows what moves when a criterion weighs more or a cut is raised; the grid
file stays as it was, so the next session, or the next meeting, starts from it again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from portfolio.grid.model import AXES, Grid


class InvalidTrial(ValueError):
    """A change the grid format would refuse: a criterion's `weight` or an axis's `cuts`
    (`part`), on the criterion or axis `where` (its id)."""

    def __init__(self, part: str, where: str, message: str):
        super().__init__(message)
        self.part, self.where = part, where


@dataclass(frozen=True)
class GridChanges:
    """Weights by criterion id and cuts by axis id, to apply to whatever the grid file holds."""

    weights: Mapping[str, float] = field(default_factory=dict)
    cuts: Mapping[str, Sequence[float]] = field(default_factory=dict)

    def applied_to(self, grid: Grid) -> Grid:
        return with_changes(grid, self.weights, self.cuts)


def with_changes(grid: Grid, weights: Mapping[str, float] | None = None,
                 cuts: Mapping[str, Sequence[float]] | None = None) -> Grid:
    """`grid` with some criteria weights (by criterion id) and axis cuts replaced.

    The rules are the grid format's: a weight above 0; on each axis as many cuts as
    before (the segments are cells of the same matrix), strictly ascending, within
    0–100. Raises `InvalidTrial` otherwise, and ValueError for a criterion or a number
    of cuts the grid does not have (the grid file changed under the changes).
    """
    weights = dict(weights or {})
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
            replace(c, weight=float(weights.get(c.id, c.weight))) for c in axis.criteria))
        for axis_id, axis in grid.axes.items()}
    # No fingerprint: caches then key the trial by its content, never by the file's text.
    return replace(grid, axes=axes, cuts={axis: cuts.get(axis, grid.cuts[axis]) for axis in AXES},
                   fingerprint="")
