"""Priority visits per rep: attractive clients with a weak relationship first, then urgency."""

from __future__ import annotations

import datetime as dt
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from portfolio.visits.params import VisitNorm, client_norms
from portfolio.visits.urgency import urgency

# Reason code → the parameters the interface needs to phrase it (FR/EN).
REASON_PARAMS: dict[str, tuple[str, ...]] = {
    "develop_never_visited": ("headroom",),
    "develop_overdue": ("headroom", "days", "interval"),
    "develop_due": ("headroom", "days", "interval"),
    "develop_headroom": ("headroom", "days"),
    "develop_no_visit_date": ("headroom",),
    "never_visited": ("segment",),
    "overdue": ("segment", "days", "interval"),
    "due": ("segment", "days", "interval"),
}


def priority_visits(clients: pd.DataFrame, norms: Mapping[str, Sequence[float] | VisitNorm],
                    reference_date: str | dt.date | pd.Timestamp, *,
                    develop: str = "develop", limit: int | None = None) -> pd.DataFrame:
    """Ranked visits per rep, each with a reason code and its parameters.

    Who is listed: every client of the `develop` segment (attractive, weak relationship —
    competitors' strongholds), then clients of other segments that are never visited, overdue
    or due (a client with no visit date in a file without any is not known to be due: not
    listed unless it is a develop client). Clients whose segment norm is 0 visits (served at a distance) are not listed.
    Order within a rep: develop first; then urgency (never visited, overdue, due, ok);
    then headroom (potential − revenue) largest first; then the most overdue; then client_id.
    `limit` keeps the first ranks of each rep. Columns: salesperson, rank, client_id,
    segment, urgency, days_since_visit, headroom, reason, params.
    """
    needed = ("client_id", "salesperson", "segment", "revenue", "potential", "last_visit")
    missing = [c for c in needed if c not in clients.columns]
    if missing:
        raise ValueError(f"clients: missing column(s) {', '.join(missing)}; expected {', '.join(needed)}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit: expected a number of clients ≥ 0, got {limit!r}")
    state = urgency(clients, norms, reference_date)
    _, norm, _ = client_norms(clients["segment"], norms)
    revenue = pd.to_numeric(clients["revenue"], errors="coerce").fillna(0).to_numpy(dtype=float)
    potential = pd.to_numeric(clients["potential"], errors="coerce").fillna(0).to_numpy(dtype=float)

    table = pd.DataFrame({
        "salesperson": clients["salesperson"].to_numpy(),
        "client_id": clients["client_id"].to_numpy(),
        "segment": clients["segment"].to_numpy(),
        "urgency": state["urgency"].astype(str).to_numpy(),
        "_class": state["urgency"].cat.codes.to_numpy(),  # URGENCY_CLASSES order, most urgent first
        "days_since_visit": state["days_since_visit"].to_numpy(),
        "headroom": np.maximum(potential - revenue, 0.0),
        "_ratio": state["urgency_ratio"].fillna(np.inf).to_numpy(),
        "_interval": state["norm_interval_days"].to_numpy(),
    })
    is_develop = table["segment"].to_numpy() == develop
    urgent = ~np.isin(table["urgency"].to_numpy(), ["ok", "no_visit_date"])
    table = table[(norm > 0) & (is_develop | urgent)].copy()
    table["_tier"] = np.where(table["segment"].to_numpy() == develop, 0, 1)
    table = table.sort_values(["salesperson", "_tier", "_class", "headroom", "_ratio", "client_id"],
                              ascending=[True, True, True, False, False, True], kind="stable")
    table.insert(1, "rank", table.groupby("salesperson").cumcount() + 1)
    if limit is not None:
        table = table[table["rank"] <= limit]

    urgency_label = table["urgency"].astype(str)
    develop_ok = (table["_tier"] == 0) & (urgency_label == "ok")
    reason = np.where(table["_tier"] == 0, "develop_" + urgency_label, urgency_label)
    table["reason"] = np.where(develop_ok, "develop_headroom", reason)
    table["params"] = _params(table)
    return table.drop(columns=["_tier", "_class", "_ratio", "_interval"]).reset_index(drop=True)


def _params(table: pd.DataFrame) -> pd.Series:
    """The parameters of each row's reason, as plain numbers (€ and days, half rounded up)."""
    def whole(column: pd.Series) -> pd.Series:
        return np.floor(column.fillna(0).replace(np.inf, 0) + 0.5).astype("int64")

    values = pd.DataFrame({
        "headroom": whole(table["headroom"]),
        "days": whole(table["days_since_visit"]),
        "interval": whole(table["_interval"]),
        "segment": table["segment"].astype(str),
    }, index=table.index)
    params = pd.Series([None] * len(table), index=table.index, dtype=object)
    for reason, keys in REASON_PARAMS.items():
        rows = table.index[table["reason"] == reason]
        if len(rows):
            params.loc[rows] = pd.Series(values.loc[rows, list(keys)].to_dict("records"), index=rows)
    return params
