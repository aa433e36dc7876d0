"""Same revenue, different structure: each rep's wallet, headroom, segment split and concentration.

Concentration rules:
- top share: the share of revenue made by the top `top_fraction` of clients by revenue,
  their number rounded up (`ceil`) so that a small portfolio still has one top client;
- ABC classes, clients ranked by revenue: a client is A while the
  revenue of the clients ranked before it is under 80 % of the total (so the client that
  crosses 80 % is A: it makes part of the first 80 %), B under 95 %, C otherwise. With no
  revenue at all, every client is C.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.queries.scope import ClientFilter, scored_clients
from portfolio.store.database import Store
from portfolio.structure.roles import segment_ids

A_LIMIT = 0.80
B_LIMIT = 0.95
TOP_FRACTION = 0.20
# Cumulated shares are rounded before they are compared with the limits, so that a
# share that is 0.8 on paper but 0.7999999999999999 in floating point lands in B.
SHARE_DECIMALS = 9

COMPARISON_COLUMNS = ("clients", "revenue", "potential", "share_of_wallet", "headroom",
                      "top_revenue_share", "a_clients", "b_clients", "c_clients",
                      "a_revenue_share", "b_revenue_share", "c_revenue_share")


@dataclass(frozen=True)
class RepComparison:
    """`reps`: one row per visible rep (salesperson + COMPARISON_COLUMNS); `team`: one row
    for all visible clients together (COMPARISON_COLUMNS); `revenue_by_segment`: revenue
    per rep (index) and segment (columns, grid order)."""

    reps: pd.DataFrame
    team: pd.DataFrame
    revenue_by_segment: pd.DataFrame


def compare_reps(store: Store, dataset_id: int, grid: Grid, visibility: Visibility,
                 filters: ClientFilter = ClientFilter(),
                 top_fraction: float = TOP_FRACTION) -> RepComparison:
    """Revenue = potential × share of wallet, headroom, revenue split and concentration."""
    if not 0 < top_fraction <= 1:
        raise ValueError(f"top_fraction: expected a share of clients in (0, 1] (got {top_fraction})")
    source = scored_clients(store, dataset_id, grid, visibility, filters)
    segments = segment_ids(grid)
    split = "".join(f", sum(revenue) FILTER (WHERE segment = ?) AS {_split_column(i)}"
                    for i in range(len(segments)))
    # The reps and the team are ranked in one pass over the clients: each client appears
    # once per rep (team = FALSE) and once in the team (team = TRUE, salesperson NULL).
    # Sums per class or over the top do not depend on the order of tied revenues, so no
    # tie-breaker is needed.
    sql = f"""
        WITH base AS MATERIALIZED (SELECT salesperson, segment, revenue, potential
                                   FROM {source.sql}),
        levels AS (SELECT FALSE AS team, salesperson, segment, revenue, potential FROM base
                   UNION ALL
                   SELECT TRUE, NULL, segment, revenue, potential FROM base),
        ranked AS (
            SELECT *, row_number() OVER ordered AS position,
                   sum(revenue) OVER ordered - revenue AS before,
                   count(*) OVER whole AS n, sum(revenue) OVER whole AS total
            FROM levels
            WINDOW ordered AS (PARTITION BY team, salesperson ORDER BY revenue DESC
                               ROWS UNBOUNDED PRECEDING),
                   whole AS (PARTITION BY team, salesperson)),
        classed AS (
            SELECT *,
                   CASE WHEN total IS NULL OR total = 0 THEN 'C'
                        WHEN round(before / total, {SHARE_DECIMALS}) < ? THEN 'A'
                        WHEN round(before / total, {SHARE_DECIMALS}) < ? THEN 'B'
                        ELSE 'C' END AS abc,
                   position <= ceil(round(? * n, {SHARE_DECIMALS})) AS top
            FROM ranked),
        grouped AS (
            SELECT team, salesperson, count(*) AS clients,
                   sum(revenue) AS revenue, sum(potential) AS potential,
                   sum(greatest(potential - revenue, 0)) AS headroom,
                   sum(revenue) FILTER (WHERE top) AS top_revenue,
                   count(*) FILTER (WHERE abc = 'A') AS a_clients,
                   count(*) FILTER (WHERE abc = 'B') AS b_clients,
                   count(*) FILTER (WHERE abc = 'C') AS c_clients,
                   sum(revenue) FILTER (WHERE abc = 'A') AS a_revenue,
                   sum(revenue) FILTER (WHERE abc = 'B') AS b_revenue,
                   sum(revenue) FILTER (WHERE abc = 'C') AS c_revenue{split}
            FROM classed GROUP BY team, salesperson)
        SELECT * FROM grouped ORDER BY team, salesperson"""
    params = source.params + [A_LIMIT, B_LIMIT, top_fraction] + segments
    with store.reading() as cur:
        frame = cur.execute(sql, params).df()
    if not frame["team"].any():  # nobody visible: the team is still there, empty
        frame = pd.concat([frame, pd.DataFrame([{"team": True}])], ignore_index=True)
    frame = _shares(frame.fillna({c: 0 for c in frame.columns if c != "salesperson"}))
    reps = frame[~frame["team"]]
    split = reps.set_index("salesperson")[[_split_column(i) for i in range(len(segments))]]
    split.columns = segments
    return RepComparison(
        reps=reps[["salesperson", *COMPARISON_COLUMNS]].reset_index(drop=True),
        team=frame[frame["team"]][list(COMPARISON_COLUMNS)].reset_index(drop=True),
        revenue_by_segment=split)


def _split_column(index: int) -> str:
    return f"segment_{index}_revenue"


def _shares(frame: pd.DataFrame) -> pd.DataFrame:
    """Ratios of the summed columns, 0 where the denominator is 0."""
    def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
        return (numerator / denominator.where(denominator != 0)).fillna(0.0)

    frame["share_of_wallet"] = ratio(frame["revenue"], frame["potential"])
    frame["top_revenue_share"] = ratio(frame["top_revenue"], frame["revenue"])
    for level in "abc":
        frame[f"{level}_revenue_share"] = ratio(frame[f"{level}_revenue"], frame["revenue"])
    for column in ("clients", "a_clients", "b_clients", "c_clients"):
        frame[column] = frame[column].astype("int64")
    return frame
