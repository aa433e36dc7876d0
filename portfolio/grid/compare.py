"""Two grids compared on the same clients: where each client goes, why, and who is close
to a cut.

A trainer or a sales director weighs a new grid against the current one before adopting
it: how many clients and how much revenue change segment (the migration table), which
criterion's points moved each of those clients, and which clients a small change would
flip (those within a chosen distance of a cut). Everything is one SQL query over the
views' whole scored tables, so the comparison costs what a page query costs.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from portfolio.grid.model import AXES, Criterion, Grid
from portfolio.sql import Fragment, joined, quote_identifier
from portfolio.view import PortfolioView

MIGRATION_COLUMNS = ("from_segment", "to_segment", "clients", "revenue")
MOVER_COLUMNS = ("client_id", "client_name", "salesperson", "revenue", "from_segment",
                 "to_segment", "attractiveness_from", "attractiveness_to", "qrc_from", "qrc_to",
                 "criterion", "criterion_change")
BORDERLINE_COLUMNS = ("client_id", "client_name", "salesperson", "revenue", "segment", "axis",
                      "cut", "score", "gap")

# Scores are stored rounded to 9 decimals; a gap is rounded the same way before it is
# compared with the distance chosen, so that 50.1 is "0.1 above 50" and not 0.1000000000000014.
_GAP_DECIMALS = 9


class NotComparable(ValueError):
    """The two views do not show the same clients (another dataset, period or viewer)."""


def _same_clients(before: PortfolioView, after: PortfolioView) -> None:
    if (before.key[:3], before.key[4]) != (after.key[:3], after.key[4]):
        raise NotComparable("two grids are compared on the same clients: the same store, "
                            "dataset, period and viewer")


def _segment_order(grid: Grid) -> list[str]:
    return [segment.id for segment in grid.segments]


def migration(before: PortfolioView, after: PortfolioView) -> pd.DataFrame:
    """Clients and revenue per (segment under `before`'s grid, segment under `after`'s):
    `MIGRATION_COLUMNS`, one row per pair that has clients, staying pairs included, in
    the grids' segment order (unscored clients, with no segment, last)."""
    _same_clients(before, after)
    query = (Fragment("SELECT * FROM (SELECT b.segment AS from_segment, a.segment AS to_segment, "
                      "count(*) AS clients, coalesce(sum(b.revenue), 0) AS revenue FROM ")
             .extend(before.clients()).add(" AS b JOIN ").extend(after.clients())
             .add(" AS a ON a.client_id = b.client_id GROUP BY ALL) ORDER BY "
                  "list_position(?::VARCHAR[], from_segment) NULLS LAST, "
                  "list_position(?::VARCHAR[], to_segment) NULLS LAST",
                  _segment_order(before.grid), _segment_order(after.grid)))
    with before.store.reading() as cur:
        frame = cur.execute(query.sql, query.params).df()
    frame["clients"] = frame["clients"].astype("int64")
    return frame


def _contribution(grid: Grid, criterion_id: str, alias: str) -> Fragment:
    """The score points (0–100 on its axis) criterion `criterion_id` gives each client of
    `alias` under `grid`: its weighted points over the axis's weights, as the engine
    scores; 0 when the grid has no such criterion."""
    for axis_id in AXES:
        criteria = grid.axes[axis_id].criteria
        found = next((c for c in criteria if c.id == criterion_id), None)
        if found is not None:
            return _share_of_axis(grid, found, criteria, alias)
    return Fragment("0.0")


def _share_of_axis(grid: Grid, criterion: Criterion, criteria: Sequence[Criterion],
                   alias: str) -> Fragment:
    points = f"{alias}.{quote_identifier(f'pts_{criterion.id}')}"
    share = Fragment(f"100 * ? * coalesce({points}, 0) / ? / ",
                     float(criterion.weight), float(criterion.max_points))
    if grid.missing == "zero":
        return share.add("?", float(sum(c.weight for c in criteria)))
    # `missing: ignore`: the weights of the criteria this client could be scored on.
    weights = joined((Fragment(f"CASE WHEN {alias}.{quote_identifier(f'pts_{c.id}')} IS NULL "
                               "THEN 0 ELSE ? END", float(c.weight)) for c in criteria), " + ")
    return share.add("nullif(").extend(weights).add(", 0)")


def movers(before: PortfolioView, after: PortfolioView) -> pd.DataFrame:
    """The clients whose segment differs between the two grids: `MOVER_COLUMNS`, with the
    criterion whose points on its axis changed most for them (`criterion`) and that change
    in score points (`criterion_change`, positive when `after` gives more), by revenue."""
    _same_clients(before, after)
    ids = list(dict.fromkeys(c.id for c in (*before.grid.criteria, *after.grid.criteria)))
    changes = joined((Fragment("coalesce(").extend(_contribution(after.grid, cid, "a"))
                      .add(" - ").extend(_contribution(before.grid, cid, "b")).add(", 0)")
                      for cid in ids), ", ")
    query = (Fragment("WITH moved AS (SELECT b.client_id, b.client_name, b.salesperson, b.revenue, "
                      "b.segment AS from_segment, a.segment AS to_segment, "
                      "b.attractiveness AS attractiveness_from, a.attractiveness AS attractiveness_to, "
                      "b.qrc AS qrc_from, a.qrc AS qrc_to, ?::VARCHAR[] AS ids, [", ids)
             .extend(changes).add("] AS changes FROM ").extend(before.clients())
             .add(" AS b JOIN ").extend(after.clients())
             .add(" AS a ON a.client_id = b.client_id "
                  "WHERE b.segment IS DISTINCT FROM a.segment), "
                  "largest AS (SELECT *, list_position(list_transform(changes, lambda x: abs(x)), "
                  "list_max(list_transform(changes, lambda x: abs(x)))) AS pick FROM moved) "
                  "SELECT client_id, client_name, salesperson, revenue, from_segment, to_segment, "
                  "attractiveness_from, attractiveness_to, qrc_from, qrc_to, "
                  "CASE WHEN changes[pick] <> 0 THEN ids[pick] END AS criterion, "
                  "round(changes[pick], ?) AS criterion_change FROM largest "
                  "ORDER BY revenue DESC NULLS LAST, client_id", _GAP_DECIMALS))
    with before.store.reading() as cur:
        return cur.execute(query.sql, query.params).df()


def borderline(view: PortfolioView, distance: float) -> pd.DataFrame:
    """The clients a small change would flip: those whose score on an axis is within
    `distance` score points of one of its cuts, one row per (client, axis, cut):
    `BORDERLINE_COLUMNS`, `gap` = score − cut (≥ 0: on the upper side, since a score
    equal to a cut goes up), closest first."""
    if not distance >= 0:
        raise ValueError(f"a distance to a cut is 0 or more, not {distance!r}")
    parts = []
    for axis_id in AXES:
        for cut in view.grid.cuts[axis_id]:
            parts.append(Fragment(
                f"SELECT client_id, client_name, salesperson, revenue, segment, ? AS axis, "
                f"?::DOUBLE AS cut, {axis_id} AS score, round({axis_id} - ?, ?) AS gap FROM c "
                f"WHERE round(abs({axis_id} - ?), ?) <= ?",
                axis_id, float(cut), float(cut), _GAP_DECIMALS, float(cut), _GAP_DECIMALS,
                float(distance)))
    if not parts:  # a grid with no cut at all: nobody is near one
        parts.append(Fragment("SELECT client_id, client_name, salesperson, revenue, segment, "
                              "NULL::VARCHAR AS axis, NULL::DOUBLE AS cut, NULL::DOUBLE AS score, "
                              "NULL::DOUBLE AS gap FROM c WHERE false"))
    query = (Fragment("WITH c AS ").extend(view.clients()).add(" SELECT * FROM (")
             .extend(joined(parts, " UNION ALL "))
             .add(") ORDER BY abs(gap), revenue DESC NULLS LAST, client_id, axis"))
    with view.store.reading() as cur:
        return cur.execute(query.sql, query.params).df()
