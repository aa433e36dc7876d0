"""Same revenue, different structure: each rep's wallet, headroom, segment split and concentration.

Concentration rules:
- top share: the share of revenue made by the top `top_fraction` of clients by revenue,
  their number rounded up (`ceil`) so that a small portfolio still has one top client;
- ABC classes, clients ranked by revenue: a client is A while the revenue of the clients
  ranked before it is under 80 % of the total (so the client that crosses 80 % is A: it
  makes part of the first 80 %), B under 95 %, C otherwise. With no revenue at all, every
  client is C. Counts and sums do not depend on how tied revenues are ordered.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from portfolio.queries.scope import ClientFilter
from portfolio.structure.roles import segment_ids
from portfolio.structure.wallet import CAPPED_REVENUE
from portfolio.view import PortfolioView

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


def compare_reps(view: PortfolioView, filters: ClientFilter = ClientFilter(),
                 top_fraction: float = TOP_FRACTION) -> RepComparison:
    """Revenue = potential × share of wallet, headroom, revenue split and concentration."""
    if not 0 < top_fraction <= 1:
        raise ValueError(f"top_fraction: expected a share of clients in (0, 1] (got {top_fraction})")
    source = view.clients(filters)
    segments = segment_ids(view.grid)
    split = "".join(f", sum(revenue) FILTER (WHERE segment = ?) AS {_split_column(i)}"
                    for i in range(len(segments)))
    # One pass over the clients: sums per rep in SQL, and each rep's revenues as one list
    # sorted by DuckDB, cumulated in numpy below (a window over 100,000 clients, or a
    # numpy lexsort, costs several times more).
    sql = f"""
        SELECT salesperson, count(*) AS clients, coalesce(sum(revenue), 0) AS revenue,
               coalesce(sum(potential), 0) AS potential,
               coalesce(sum({CAPPED_REVENUE}), 0) AS capped_revenue,
               coalesce(sum(greatest(potential - revenue, 0)), 0) AS headroom,
               list(coalesce(revenue, 0) ORDER BY revenue DESC) AS revenues{split}
        FROM {source.sql} GROUP BY salesperson ORDER BY salesperson"""
    with view.store.reading() as cur:
        found = cur.execute(sql, segments + source.params).fetchnumpy()
    lists = list(found["revenues"])
    reps = pd.DataFrame({column: found[column] for column in
                         ("salesperson", "clients", "revenue", "potential", "capped_revenue",
                          "headroom")})
    everything = -np.sort(-np.concatenate(lists)) if lists else np.zeros(0)
    team = pd.DataFrame({"clients": [len(everything)], "revenue": [reps["revenue"].sum()],
                         "potential": [reps["potential"].sum()],
                         "capped_revenue": [reps["capped_revenue"].sum()],
                         "headroom": [reps["headroom"].sum()]})
    reps = _with_concentration(reps, lists, top_fraction)
    team = _with_concentration(team, [everything], top_fraction)
    split_frame = pd.DataFrame({segment: np.asarray(found[_split_column(i)], dtype=float)
                                for i, segment in enumerate(segments)},
                               index=pd.Index(reps["salesperson"], name="salesperson")).fillna(0.0)
    return RepComparison(reps=reps[["salesperson", *COMPARISON_COLUMNS]],
                         team=team[list(COMPARISON_COLUMNS)], revenue_by_segment=split_frame)


def _split_column(index: int) -> str:
    return f"segment_{index}_revenue"


def _with_concentration(frame: pd.DataFrame, revenues: list[np.ndarray],
                        top_fraction: float) -> pd.DataFrame:
    """Add share of wallet, top share and ABC columns; `revenues` holds each row's clients'
    revenues, largest first."""
    sizes = np.array([len(r) for r in revenues], dtype=np.int64)
    owner = np.repeat(np.arange(len(revenues)), sizes)
    ranked = np.concatenate(revenues).astype(float) if len(revenues) else np.zeros(0)
    total = np.bincount(owner, weights=ranked, minlength=len(sizes))
    # Cumulated per row (a pandas group cumsum restarts at each row: exact sums of its own).
    before = pd.Series(ranked).groupby(owner).cumsum().to_numpy() - ranked
    position = np.arange(len(ranked)) - np.repeat(np.cumsum(sizes) - sizes, sizes) + 1
    with np.errstate(divide="ignore", invalid="ignore"):
        share_before = np.round(before / total[owner], SHARE_DECIMALS)
    top = position <= np.ceil(np.round(top_fraction * sizes[owner], SHARE_DECIMALS))
    has_revenue = total[owner] > 0
    levels = {"a": has_revenue & (share_before < A_LIMIT),
              "b": has_revenue & (share_before >= A_LIMIT) & (share_before < B_LIMIT)}
    levels["c"] = ~(levels["a"] | levels["b"])

    def per_row(mask: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(owner[mask], weights=None if weights is None else weights[mask],
                           minlength=len(sizes))

    def share(amount: np.ndarray, of: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(of > 0, amount / np.where(of > 0, of, 1), 0.0)

    frame = frame.copy()
    frame["clients"] = frame["clients"].astype("int64")
    # Pooled from capped client shares (portfolio.structure.wallet): never above 1.
    frame["share_of_wallet"] = share(frame.pop("capped_revenue").to_numpy(float),
                                     frame["potential"].to_numpy(float))
    frame["top_revenue_share"] = share(per_row(top, ranked), total)
    for level, mask in levels.items():
        frame[f"{level}_clients"] = per_row(mask).astype("int64")
        frame[f"{level}_revenue_share"] = share(per_row(mask, ranked), total)
    return frame
