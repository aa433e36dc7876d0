"""Which clients change segment between two scorings: a grid and a changed grid (what a
trainer's trial moves), or one period and a later one (how the portfolio moved)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from portfolio.queries.scope import ClientFilter
from portfolio.sql import Fragment
from portfolio.view import PortfolioView

MOVE_COLUMNS = ("segment_before", "segment_after", "present_before", "present_after", "clients",
                "revenue_before", "revenue_after")


def segment_moves(before: PortfolioView, after: PortfolioView,
                  filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """Clients per pair (segment in `before`, segment in `after`: the same dataset under
    two grids, or at two periods), within `filters`, matched by client_id, with their
    revenue on each side: `MOVE_COLUMNS`.

    A client on one side only (gained or lost between two periods) has `present_*`
    False on the other; a client present but left unscored has no segment (NaN).
    Pairs whose segment did not change are included: they are the clients that stay.
    """
    query = (Fragment(
        "SELECT b.segment AS segment_before, a.segment AS segment_after, "
        "b.client_id IS NOT NULL AS present_before, a.client_id IS NOT NULL AS present_after, "
        "count(*) AS clients, coalesce(sum(b.revenue), 0) AS revenue_before, "
        "coalesce(sum(a.revenue), 0) AS revenue_after FROM ")
        .extend(before.clients(filters))
        .add(" AS b FULL OUTER JOIN ")
        .extend(after.clients(filters))
        .add(" AS a ON a.client_id = b.client_id GROUP BY ALL "
             "ORDER BY present_before DESC, segment_before NULLS LAST, "
             "present_after DESC, segment_after NULLS LAST"))
    with before.store.reading() as cur:
        return cur.execute(query.sql, query.params).df()


def changed(moves: pd.DataFrame) -> pd.DataFrame:
    """The rows of `segment_moves` where clients changed segment, came or left."""
    same = ((moves["segment_before"].fillna("") == moves["segment_after"].fillna(""))
            & moves["present_before"] & moves["present_after"])
    return moves[~same]


@dataclass(frozen=True)
class MovesSummary:
    clients: int  # every client in the comparison
    moved: int  # those that changed segment, came or left
    moved_revenue_share: float  # their share of the revenue before (0 when there is none)


def summarise(moves: pd.DataFrame) -> MovesSummary:
    """How much of the portfolio a set of `segment_moves` moves."""
    moved = changed(moves)
    revenue = float(moves["revenue_before"].sum())
    return MovesSummary(int(moves["clients"].sum()), int(moved["clients"].sum()),
                        float(moved["revenue_before"].sum()) / revenue if revenue else 0.0)
