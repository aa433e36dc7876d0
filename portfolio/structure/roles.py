"""Which segments of a grid play the method's roles, found from their cells (not their ids)."""

from __future__ import annotations

from portfolio.grid.model import Grid


def _corner(grid: Grid, attractiveness_high: bool, qrc_high: bool) -> tuple[str, ...]:
    """Ids of the segments in the grid's corner cell: highest or lowest band on each axis."""
    def pick(axis: str, high: bool) -> int:
        bands = [segment.cell[axis] for segment in grid.segments]
        return max(bands) if high else min(bands)

    a_band = pick("attractiveness", attractiveness_high)
    q_band = pick("qrc", qrc_high)
    return tuple(s.id for s in grid.segments
                 if s.cell["attractiveness"] == a_band and s.cell["qrc"] == q_band)


def develop_segments(grid: Grid) -> tuple[str, ...]:
    """Competitors' strongholds: the highest attractiveness band with the lowest QRC band."""
    return _corner(grid, attractiveness_high=True, qrc_high=False)


def partner_segments(grid: Grid) -> tuple[str, ...]:
    """Partners: the highest attractiveness band with the highest QRC band."""
    return _corner(grid, attractiveness_high=True, qrc_high=True)


def segment_ids(grid: Grid) -> list[str]:
    """Segment ids in the grid's order (the order every structure table follows)."""
    return [segment.id for segment in grid.segments]
