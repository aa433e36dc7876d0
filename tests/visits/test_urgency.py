"""Urgency classes at their boundaries, computed by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from portfolio.visits import urgency

REF = pd.Timestamp("2026-10-31")
NORMS = {"five": (5, 5, 5), "half": (0, 0.5, 1), "none": (0, 0, 0)}


def case(segment: str, days: int | None) -> dict:
    return {"segment": segment, "last_visit": None if days is None else REF - pd.Timedelta(days=days)}


def test_boundaries() -> None:
    clients = pd.DataFrame([
        case("five", 73),    # 73 × 5 / 365 = 1 exactly → due, not overdue
        case("five", 74),    # > 1 → overdue
        case("half", 511),   # 511 × 0.5 / 365 = 0.7 exactly → due
        case("half", 510),   # just under 0.7 → ok
        case("five", None),  # no visit → never visited
        case("none", 900),   # norm 0: no interval, never due
        case("five", -3),    # a visit after the reference date counts as today
    ])
    table = urgency(clients, NORMS, REF)
    assert table["urgency"].astype(str).tolist() == ["due", "overdue", "due", "ok", "never_visited", "ok", "ok"]
    assert table["days_since_visit"].tolist()[:4] == [73, 74, 511, 510]
    assert np.isnan(table["days_since_visit"].iloc[4])
    assert table["days_since_visit"].iloc[6] == 0
    assert table["norm_interval_days"].tolist()[:4] == [73, 73, 730, 730]
    assert table["norm_interval_days"].iloc[5] == np.inf
    assert table["urgency_ratio"].tolist()[:4] == pytest.approx([1.0, 74 / 73, 0.7, 510 / 730])


def test_reference_date_is_an_argument_and_times_of_day_do_not_count() -> None:
    clients = pd.DataFrame({"segment": ["five"], "last_visit": ["2026-08-19 17:45"]})
    assert urgency(clients, NORMS, "2026-10-31 08:00")["days_since_visit"].tolist() == [73]
    assert urgency(clients, NORMS, "2026-11-01")["urgency"].astype(str).tolist() == ["overdue"]


def test_keeps_the_index_and_reports_bad_input() -> None:
    clients = pd.DataFrame([case("five", 10)], index=[42])
    assert urgency(clients, NORMS, REF).index.tolist() == [42]
    with pytest.raises(ValueError, match="last_visit"):
        urgency(clients.drop(columns="last_visit"), NORMS, REF)
    with pytest.raises(ValueError, match="reference_date"):
        urgency(clients, NORMS, "not a date")
