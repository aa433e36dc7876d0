"""Workload against capacity per rep, and what gives when the norms do not fit."""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from portfolio.visits.allocation import whole_visit_bounds
from portfolio.visits.params import Capacity, VisitNorm, client_norms, rep_capacities
from portfolio.visits.surplus import capacity_surplus

# The method's order of visit priority: priority visits, key accounts, small loyal
# clients, clients served at a distance. The last listed loses visits first.
DEFAULT_PRIORITY: tuple[str, ...] = ("develop", "partners", "maintain", "minimal")


def _reps(clients: pd.DataFrame) -> tuple[np.ndarray, pd.Index]:
    if "salesperson" not in clients.columns or "segment" not in clients.columns:
        raise ValueError("clients: expected columns salesperson and segment")
    codes, reps = pd.factorize(clients["salesperson"], sort=True)
    if (codes < 0).any():
        raise ValueError("column 'salesperson': some clients have no rep; assign them first")
    return codes, reps


def workload(clients: pd.DataFrame, norms: Mapping[str, Sequence[float] | VisitNorm],
             capacity: Capacity | Mapping[str, Capacity]) -> pd.DataFrame:
    """Per rep: clients, workload at norm, at min and at max, capacity (whole visits),
    utilisation, and whether the capacity is far beyond the workload.

    workload = Σ clients × their segment's norm; utilisation = workload ÷ capacity
    (infinite for work with no capacity, 0 for neither). workload_max = Σ of the whole
    visits at each client's max (rounded down, as the plan would give them);
    capacity_surplus: workload_max < SURPLUS_SHARE × capacity (see `surplus`).
    """
    codes, reps = _reps(clients)
    v_min, v_norm, v_max = client_norms(clients["segment"], norms)
    _, whole_max = whole_visit_bounds(v_min, v_max)
    cap, _, _ = rep_capacities(list(reps), capacity)
    load = np.bincount(codes, v_norm, minlength=len(reps))
    load_max = np.bincount(codes, whole_max, minlength=len(reps))
    with np.errstate(divide="ignore", invalid="ignore"):
        utilisation = np.where(cap > 0, load / np.where(cap > 0, cap, 1), np.where(load > 0, np.inf, 0.0))
    return pd.DataFrame({
        "salesperson": np.asarray(reps),
        "clients": np.bincount(codes, minlength=len(reps)),
        "workload": load,
        "workload_min": np.bincount(codes, v_min, minlength=len(reps)),
        "capacity": cap,
        "utilisation": utilisation,
        "fits": load <= cap,
        "workload_max": load_max,
        "capacity_surplus": capacity_surplus(load_max, cap),
    })


def value_order(clients: pd.DataFrame, priority: Sequence[str] = DEFAULT_PRIORITY) -> np.ndarray:
    """Rank of each client from least to most valuable (0 = loses visits first).

    Value: segment priority first (segments not listed in `priority` come below all listed
    ones), then headroom (potential − revenue, at least 0), then revenue, then client_id.
    """
    position = {s: i for i, s in enumerate(priority)}
    segment_rank = clients["segment"].map(position).fillna(len(priority)).to_numpy(dtype=float)
    revenue = pd.to_numeric(clients["revenue"], errors="coerce").fillna(0).to_numpy(dtype=float)
    potential = pd.to_numeric(clients["potential"], errors="coerce").fillna(0).to_numpy(dtype=float)
    headroom = np.maximum(potential - revenue, 0.0)
    ids = pd.factorize(clients["client_id"].astype(str), sort=True)[0]
    # lexsort: the last key is the primary one; a larger segment rank means less valuable.
    order = np.lexsort((ids, revenue, headroom, -segment_rank))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


def what_gives(clients: pd.DataFrame, norms: Mapping[str, Sequence[float] | VisitNorm],
               capacity: Capacity | Mapping[str, Capacity],
               priority: Sequence[str] = DEFAULT_PRIORITY) -> pd.DataFrame:
    """Clients that lose visits when a rep's norms exceed capacity, lowest value first.

    Rule, per rep over the excess (workload − capacity): first the clients go from norm down
    to min, least valuable client first (see `value_order`), each losing all it can before the
    next one loses any; only when every client is at its min do visits go below the min, in
    the same order. Nothing is stretched proportionally. Columns: salesperson, order
    (1 = first to lose), client_id, segment, visits_norm, visits_min, visits_planned,
    visits_lost, below_min.
    """
    for column in ("client_id", "revenue", "potential"):
        if column not in clients.columns:
            raise ValueError(f"clients: missing column {column!r}; what gives ranks clients by value")
    codes, reps = _reps(clients)
    v_min, v_norm, _ = client_norms(clients["segment"], norms)
    cap, _, _ = rep_capacities(list(reps), capacity)
    excess = np.maximum(np.bincount(codes, v_norm, minlength=len(reps)) - cap, 0.0)
    rank = value_order(clients, priority)

    n = len(clients)
    # Two tiers of cuttable visits per client: norm → min, then min → 0.
    amount = np.concatenate([v_norm - v_min, v_min])
    tier = np.repeat([0, 1], n)
    who = np.tile(np.arange(n), 2)
    rep = codes[who]
    order = np.lexsort((rank[who], tier, rep))
    amount_sorted = amount[order]
    rep_sorted = rep[order]
    # Visits cuttable before each item, counted within its rep only.
    before = np.cumsum(amount_sorted) - amount_sorted
    within = before - before[np.searchsorted(rep_sorted, rep_sorted)]
    cut_sorted = np.clip(excess[rep_sorted] - within, 0.0, amount_sorted)

    lost = np.bincount(who[order], cut_sorted, minlength=n)
    first_cut = np.full(n, len(order))
    hit = cut_sorted > 0
    np.minimum.at(first_cut, who[order][hit], np.flatnonzero(hit))
    planned = v_norm - lost
    table = pd.DataFrame({
        "salesperson": clients["salesperson"].to_numpy(),
        "client_id": clients["client_id"].to_numpy(),
        "segment": clients["segment"].to_numpy(),
        "visits_norm": v_norm,
        "visits_min": v_min,
        "visits_planned": planned,
        "visits_lost": lost,
        "below_min": planned < v_min,
        "_first": first_cut,
    })
    table = table[lost > 0].sort_values(["salesperson", "_first"], kind="stable")
    table.insert(1, "order", table.groupby("salesperson").cumcount() + 1)
    return table.drop(columns="_first").reset_index(drop=True)
