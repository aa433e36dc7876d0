"""From a revenue objective to portfolio objectives: which clients' share of wallet to raise.

The method's arithmetic: revenue_i = potential_i × sow_i, so a revenue objective ΔR
becomes ΔR = Σ potential_i × Δsow_i. Clients are taken in decreasing order of headroom
per visit, headroom_i ÷ max(visits_12m_i, 1) (an empty visit count counts as 0), where
headroom_i = max(potential_i − revenue_i, 0): the most to win for the least field time.
Each client taken has its share of wallet raised to its target, the last one only as far
as ΔR needs, until ΔR is reached or no client can move.

A client's current share of wallet is revenue ÷ potential (capped at 1), the share the
arithmetic above uses; clients with no potential cannot move. Target rules:
- "next_band" (default): the start of the next band of the grid's share-of-wallet QRC
  criterion (the QRC criterion with bands reading the `share_of_wallet` column) above the
  client's share: one step up on the criterion; a client in the top band does not move;
- "partners": the partners' level, the pooled share of wallet (Σ revenue ÷ Σ potential) of
  the clients in the grid's partners cell (highest attractiveness and QRC bands), over
  the peers (the same filters, any salesperson, any segment);
- a number: that share of wallet for every client.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import pandas as pd

from portfolio.access import Visibility
from portfolio.grid.model import Criterion, Grid
from portfolio.queries.scope import ClientFilter
from portfolio.structure.mix import rep_filters
from portfolio.structure.roles import partner_segments, segment_ids
from portfolio.structure.wallet import POOLED_SHARE_OF_WALLET
from portfolio.view import PortfolioView

TargetRule = Literal["next_band", "partners"] | float

MOVE_COLUMNS = ("client_id", "client_name", "segment", "current_sow", "target_sow",
                "delta_sow_points", "revenue_gain", "potential", "revenue", "headroom",
                "visits_12m", "headroom_per_visit")
SEGMENT_PLAN_COLUMNS = ("segment", "clients", "revenue_gain", "share_of_objective",
                        "available_gain")
SOW_COLUMN = "share_of_wallet"
MONEY_SLACK = 1e-6  # € — sums of products of decimals are not exact


@dataclass(frozen=True)
class ObjectivePlan:
    """Structural moves that turn `growth` (0.10 = +10 %) of a rep's revenue into share-of-wallet
    objectives. `moves`: MOVE_COLUMNS, in the order clients are taken; `by_segment`:
    SEGMENT_PLAN_COLUMNS in grid order (`available_gain`: what every candidate of the
    segment raised to its target would bring). `reachable` is False when the headroom
    available under the rule cannot bring `objective`; `shortfall` says by how much."""

    salesperson: str
    growth: float
    current_revenue: float
    objective: float
    planned_gain: float
    available_gain: float
    shortfall: float
    reachable: bool
    target_rule: str
    moves: pd.DataFrame
    by_segment: pd.DataFrame


def revenue_objective_plan(view: PortfolioView, salesperson: str, growth: float,
                           filters: ClientFilter = ClientFilter(),
                           target: TargetRule = "next_band",
                           peers: Visibility | None = None) -> ObjectivePlan:
    """Plan ΔR = growth × the rep's current revenue (their visible clients within the
    filters) as share-of-wallet moves; see the module docstring for the rules."""
    if not growth >= 0:
        raise ValueError(f"growth: expected a revenue increase ≥ 0, as a fraction (0.10 for +10 %) "
                         f"(got {growth})")
    clients = _rep_clients(view, rep_filters(filters, salesperson))
    current_revenue = float(clients["revenue"].sum())
    objective = growth * current_revenue
    candidates = clients[clients["potential"] > 0].copy()
    candidates["current_sow"] = (candidates["revenue"] / candidates["potential"]).clip(upper=1.0)
    level, rule = _targets(view.seen_by(peers or view.visibility), filters, target,
                           candidates["current_sow"].to_numpy())
    candidates["band_target"] = level
    candidates["available"] = (candidates["potential"]
                               * (candidates["band_target"] - candidates["current_sow"]).clip(lower=0))
    candidates["headroom"] = (candidates["potential"] - candidates["revenue"]).clip(lower=0)
    candidates["headroom_per_visit"] = (candidates["headroom"]
                                        / candidates["visits_12m"].fillna(0).clip(lower=1))
    movable = candidates[candidates["available"] > 0].sort_values(
        ["headroom_per_visit", "headroom", "client_id"], ascending=[False, False, True],
        kind="stable")
    before = movable["available"].cumsum() - movable["available"]
    taken = movable[before < objective - MONEY_SLACK].copy()
    taken["revenue_gain"] = np.minimum(taken["available"], objective - before[taken.index])
    taken["target_sow"] = taken["current_sow"] + taken["revenue_gain"] / taken["potential"]
    taken["delta_sow_points"] = 100 * (taken["target_sow"] - taken["current_sow"])
    planned = float(taken["revenue_gain"].sum())
    available = float(movable["available"].sum())
    shortfall = max(objective - planned, 0.0)
    return ObjectivePlan(
        salesperson=salesperson, growth=growth, current_revenue=current_revenue,
        objective=objective, planned_gain=planned, available_gain=available,
        shortfall=shortfall if shortfall > MONEY_SLACK else 0.0,
        reachable=shortfall <= MONEY_SLACK, target_rule=rule,
        moves=taken.reset_index(drop=True)[list(MOVE_COLUMNS)],
        by_segment=_by_segment(view.grid, taken, movable, objective))


def _rep_clients(view: PortfolioView, filters: ClientFilter) -> pd.DataFrame:
    source = view.clients(filters)
    with view.store.reading() as cur:
        return cur.execute(f"SELECT client_id, client_name, segment, revenue, potential, "
                           f"CAST(visits_12m AS DOUBLE) AS visits_12m FROM {source.sql}",
                           source.params).df()


def _targets(peers: PortfolioView, filters: ClientFilter, target: TargetRule,
             current: np.ndarray) -> tuple[np.ndarray, str]:
    """Each candidate's target share of wallet (its current share when it cannot move)."""
    if target == "next_band":
        starts = np.array(sorted(band.start for band in _sow_criterion(peers.grid).bands or ()))
        following = np.searchsorted(starts, current, side="right")
        padded = np.append(starts, np.nan)
        level = np.where(following < len(starts), padded[following], current)
        return np.minimum(level, 1.0), "next_band"
    if target == "partners":
        level = _partners_level(peers, filters)
        return np.full(len(current), min(level, 1.0)), f"partners ({level:.4g})"
    if isinstance(target, (int, float)) and not isinstance(target, bool) and 0 <= target <= 1:
        return np.full(len(current), float(target)), f"fixed ({float(target):.4g})"
    raise ValueError(f"target: expected 'next_band', 'partners' or a share of wallet between 0 "
                     f"and 1 (got {target!r})")


def _sow_criterion(grid: Grid) -> Criterion:
    for criterion in grid.axes["qrc"].criteria:
        if criterion.column == SOW_COLUMN and criterion.is_numeric:
            return criterion
    raise ValueError(f"target 'next_band': grid {grid.source} has no QRC criterion with bands on "
                     f"the {SOW_COLUMN!r} column; use target='partners' or a share of wallet")


def _partners_level(peers: PortfolioView, filters: ClientFilter) -> float:
    """Pooled share of wallet of the partners' cell; 0 when no partner client has potential."""
    scope = replace(filters, salespeople=(), segments=partner_segments(peers.grid))
    source = peers.clients(scope)
    with peers.store.reading() as cur:
        level = cur.execute(f"SELECT {POOLED_SHARE_OF_WALLET} FROM {source.sql}",
                            source.params).fetchone()[0]
    return 0.0 if level is None else float(level)


def _by_segment(grid: Grid, taken: pd.DataFrame, movable: pd.DataFrame,
                objective: float) -> pd.DataFrame:
    order = pd.Index(segment_ids(grid), name="segment")
    gains = taken.groupby("segment")["revenue_gain"].agg(["size", "sum"]).reindex(order)
    available = movable.groupby("segment")["available"].sum().reindex(order)
    frame = pd.DataFrame({
        "clients": gains["size"].fillna(0).astype("int64"),
        "revenue_gain": gains["sum"].fillna(0.0),
        "available_gain": available.fillna(0.0)}).reset_index()
    frame["share_of_objective"] = frame["revenue_gain"] / objective if objective > 0 else 0.0
    return frame[list(SEGMENT_PLAN_COLUMNS)]
