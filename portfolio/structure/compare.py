"""Same revenue, different structure: each rep's wallet, headroom, segment split and concentration.

Concentration rules:
- top share: the share of revenue made by the top `top_fraction` of clients by revenue,
  their number rounded up (`ceil`) so that a small portfolio still has one top client;
- ABC classes, clients ranked by revenue (ties by client_id): a client is A while the
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
from portfolio.structure.mix import rep_mix

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
    reps = _concentration(store, dataset_id, grid, visibility, filters, top_fraction, per_rep=True)
    team = _concentration(store, dataset_id, grid, visibility, filters, top_fraction,
                          per_rep=False).drop(columns="salesperson")
    mix = rep_mix(store, dataset_id, grid, visibility, filters)
    split = mix.pivot(index="salesperson", columns="segment", values="revenue")
    split = split.reindex(columns=[s.id for s in grid.segments]).rename_axis(columns=None)
    return RepComparison(reps=reps, team=team, revenue_by_segment=split)


def _concentration(store: Store, dataset_id: int, grid: Grid, visibility: Visibility,
                   filters: ClientFilter, top_fraction: float, per_rep: bool) -> pd.DataFrame:
    source = scored_clients(store, dataset_id, grid, visibility, filters)
    key = "salesperson" if per_rep else "''"
    # Without GROUP BY the team query has its one row even when nobody is visible.
    group = "GROUP BY salesperson ORDER BY salesperson" if per_rep else ""
    sql = f"""
        WITH base AS (SELECT {key} AS salesperson, client_id, revenue, potential
                      FROM {source.sql}),
        ranked AS (
            SELECT *,
                   row_number() OVER (PARTITION BY salesperson
                                      ORDER BY revenue DESC, client_id) AS position,
                   count(*) OVER (PARTITION BY salesperson) AS n,
                   sum(revenue) OVER (PARTITION BY salesperson) AS total,
                   coalesce(sum(revenue) OVER (PARTITION BY salesperson
                                               ORDER BY revenue DESC, client_id
                                               ROWS BETWEEN UNBOUNDED PRECEDING
                                               AND 1 PRECEDING), 0) AS before
            FROM base),
        classed AS (
            SELECT *,
                   CASE WHEN total IS NULL OR total = 0 THEN 'C'
                        WHEN round(before / total, {SHARE_DECIMALS}) < ? THEN 'A'
                        WHEN round(before / total, {SHARE_DECIMALS}) < ? THEN 'B'
                        ELSE 'C' END AS abc,
                   position <= ceil(round(? * n, {SHARE_DECIMALS})) AS top
            FROM ranked)
        SELECT any_value(salesperson) AS salesperson, count(*) AS clients,
               coalesce(sum(revenue), 0) AS revenue, coalesce(sum(potential), 0) AS potential,
               coalesce(sum(revenue) / nullif(sum(potential), 0), 0) AS share_of_wallet,
               coalesce(sum(greatest(potential - revenue, 0)), 0) AS headroom,
               coalesce(sum(revenue) FILTER (WHERE top) / nullif(sum(revenue), 0), 0)
                   AS top_revenue_share,
               count(*) FILTER (WHERE abc = 'A') AS a_clients,
               count(*) FILTER (WHERE abc = 'B') AS b_clients,
               count(*) FILTER (WHERE abc = 'C') AS c_clients,
               coalesce(sum(revenue) FILTER (WHERE abc = 'A') / nullif(sum(revenue), 0), 0)
                   AS a_revenue_share,
               coalesce(sum(revenue) FILTER (WHERE abc = 'B') / nullif(sum(revenue), 0), 0)
                   AS b_revenue_share,
               coalesce(sum(revenue) FILTER (WHERE abc = 'C') / nullif(sum(revenue), 0), 0)
                   AS c_revenue_share
        FROM classed {group}"""
    with store.reading() as cur:
        frame = cur.execute(sql, source.params + [A_LIMIT, B_LIMIT, top_fraction]).df()
    for column in ("clients", "a_clients", "b_clients", "c_clients"):
        frame[column] = frame[column].astype("int64")
    return frame[["salesperson", *COMPARISON_COLUMNS]]
