"""How urgent a client's next visit is: days since the last visit ÷ the norm's interval."""

from __future__ import annotations

import datetime as dt
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from portfolio.visits.params import VisitNorm, client_norms

DUE_FROM = 0.7  # share of the norm interval from which a visit is due
# Most urgent first; "no_visit_date" last: the file holds no visit dates at all, so how
# urgent a visit is cannot be told (it is not "never visited").
URGENCY_CLASSES = ("never_visited", "overdue", "due", "ok", "no_visit_date")
# Calendar days make ratios like 511 × 0.5 / 365 = 0.7 land a rounding error off the
# boundary; comparisons allow for it so that exactly 0.7 is due and exactly 1 is not overdue.
_EPS = 1e-9


def urgency(clients: pd.DataFrame, norms: Mapping[str, Sequence[float] | VisitNorm],
            reference_date: str | dt.date | pd.Timestamp) -> pd.DataFrame:
    """Per client (same index): days since last visit, norm interval, ratio and class.

    clients needs columns segment and last_visit (empty = never visited). The norm interval
    is 365 / norm visits a year; a norm of 0 has no interval, so its clients are never due.
    Days are whole calendar days up to `reference_date`; a visit after that date counts as
    0 days. Classes: never_visited, overdue (ratio > 1), due (0.7 ≤ ratio ≤ 1), ok (< 0.7).

    When no client of `clients` has a last visit (the file holds no visit dates at all), an
    empty date says nothing about the visits: such clients are no_visit_date, except those
    whose visits_12m (when given) is 0, which are never_visited.
    """
    for column in ("segment", "last_visit"):
        if column not in clients.columns:
            raise ValueError(f"clients: missing column {column!r}; urgency needs segment and last_visit")
    try:
        today = pd.Timestamp(reference_date).normalize()
    except (TypeError, ValueError) as exc:
        raise ValueError(f"reference_date: expected a date, got {reference_date!r}") from exc
    last = pd.to_datetime(clients["last_visit"], errors="coerce")
    if getattr(last.dt, "tz", None) is not None:
        last = last.dt.tz_localize(None)
    _, norm, _ = client_norms(clients["segment"], norms)

    days = ((today - last.dt.normalize()) / pd.Timedelta(days=1)).to_numpy(dtype=float)
    days = np.where(np.isnan(days), np.nan, np.maximum(days, 0.0))
    undated = np.isnan(days)
    never = undated
    if not (~undated).any():  # no visit date anywhere: only a count of 0 says "never visited"
        counts = (pd.to_numeric(clients["visits_12m"], errors="coerce").to_numpy(dtype=float)
                  if "visits_12m" in clients.columns else np.full(len(clients), np.nan))
        never = undated & (counts == 0)
    ratio = days * norm / 365.0  # = days ÷ (365 / norm), and 0 rather than 0/0 for norm 0
    with np.errstate(divide="ignore"):
        interval = np.where(norm > 0, 365.0 / np.where(norm > 0, norm, 1.0), np.inf)
    label = np.select([never, undated, ratio > 1.0 + _EPS, ratio >= DUE_FROM - _EPS],
                      ["never_visited", "no_visit_date", "overdue", "due"], "ok")
    return pd.DataFrame({
        "days_since_visit": days,
        "norm_interval_days": interval,
        "urgency_ratio": ratio,
        "urgency": pd.Categorical(label, categories=list(URGENCY_CLASSES)),
    }, index=clients.index)
