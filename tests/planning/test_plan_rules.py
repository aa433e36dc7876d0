"""The plan's two rules for data it cannot take at face value, on the hand-checkable team
(tests/planning/conftest.py): a capacity far beyond the workload, and no visit data.

Response judgements EXACT: for a client whose judgements are placed on v visits,
r(x) = 0.5 + x / (v + x). Ben's clients: b1 partners (revenue 180 000, 3 visits today,
norm 10, max 16), b2 minimal (2 000, 1 visit, norm 1, max 1), b3 maintain (60 000,
6 visits, norm 3, max 4). Σ of Ben's maximums: 16 + 1 + 4 = 21; Ana's: 12 + 12 + 16 + 4 = 44.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from portfolio.norms.model import Capacity
from portfolio.planning import effort_range, make_plan, plan_export, plan_roles, rep_plan, segment_visits
from portfolio.visits import capacity_surplus, priority_visits, urgency
from tests.planning.conftest import EXACT, NORMS, PLAN_DATE, SEGMENT, client_frame, inputs, plan_grid

SEGMENTS = ["develop", "partners", "maintain", "minimal"]


def planned_clients() -> pd.DataFrame:
    """The team as `plan_clients` gives it: the segments worked out by hand."""
    frame = client_frame()
    frame["segment"] = frame["client_id"].map(SEGMENT)
    frame["visits_12m"] = frame["visits_12m"].astype(float)
    return frame


def plan(clients: pd.DataFrame, judgements=EXACT, capacity=Capacity(2, 10)):
    return make_plan(clients, inputs(judgements, capacity), PLAN_DATE, plan_roles(plan_grid()))


def column(made, name: str) -> dict[str, float]:
    return dict(zip(made.clients["client_id"], made.clients[name]))


def rep(made, name: str) -> pd.Series:
    return made.reps.set_index("salesperson").loc[name]


def r(x: float, v: float) -> float:
    return 0.5 + x / (v + x)


# --- capacity far beyond the workload --------------------------------------------------

def test_the_rule_is_maximums_under_half_the_capacity():
    # 21 visits at the maximums: surplus from a capacity of 43 (21 < 21.5), not at 42 (21 = 21).
    assert capacity_surplus([21, 21, 21, 0, 5], [42, 43, 200, 10, 0]).tolist() == [
        False, True, True, True, False]


def test_a_surplus_rep_is_planned_at_the_norms_and_gains_what_the_norms_bring():
    made = plan(planned_clients(), capacity=Capacity(5, 10))  # 50 visits: 21 < 25, 44 ≥ 25
    ben, ana = rep(made, "Ben"), rep(made, "Ana")
    assert (bool(ben["capacity_surplus"]), bool(ana["capacity_surplus"])) == (True, False)
    assert (ben["workload_max"], ana["workload_max"]) == (21, 44)
    visits = column(made, "visits_recommended")
    assert [visits[c] for c in ("b1", "b2", "b3")] == [10, 1, 3]  # the norms, not 16, 1, 4
    assert [visits[c] for c in ("a1", "a2", "a3", "a4")] == [12, 12, 16, 4]  # Ana: her maxes
    assert ben["visits_free"] == 50 - 14
    # Expected revenue follows the plan recommended: b1 at 10 visits, b2 at 1, b3 at 3.
    planned = 180_000 * r(10, 3) + 2_000 * r(1, 1) + 60_000 * r(3, 6)
    today = 180_000 * r(3, 3) + 2_000 * r(1, 1) + 60_000 * r(6, 6)  # = 242 000
    assert ben["revenue_expected_recommended"] == pytest.approx(planned)
    assert ben["expected_gain"] == pytest.approx(planned - today)  # 38 461.54, not the max's 55 578.95
    assert ben["expected_gain_share"] == pytest.approx((planned - today) / 242_000)
    assert ben["expected_gain"] == pytest.approx(38_461.538, abs=0.01)
    # One more visit, read at the norm; b2's norm is its max: no next visit.
    following = column(made, "next_visit_value")
    assert following["b1"] == pytest.approx(180_000 * (r(11, 3) - r(10, 3)))
    assert following["b3"] == pytest.approx(60_000 * (r(4, 6) - r(3, 6)))
    assert np.isnan(following["b2"])
    assert ben["visit_day_value"] == 0.0 and ben["marginal_visit_value"] == 0.0


def test_at_exactly_half_the_capacity_the_plan_still_goes_by_marginal_return():
    made = plan(planned_clients()[lambda f: f["salesperson"] == "Ben"], capacity=Capacity(2, 21))
    assert not bool(rep(made, "Ben")["capacity_surplus"])  # 21 = half of 42
    assert [column(made, "visits_recommended")[c] for c in ("b1", "b2", "b3")] == [16, 1, 4]


def test_without_judgements_a_surplus_rep_is_flagged_with_its_free_visits():
    made = plan(planned_clients(), judgements=None, capacity=Capacity(5, 10))
    ben = rep(made, "Ben")
    assert bool(ben["capacity_surplus"]) and ben["visits_free"] == 36
    assert np.isnan(ben["expected_gain"])


def test_a_surplus_rep_has_no_effort_range():
    clients = planned_clients()
    made = plan(clients, capacity=Capacity(5, 10))
    ben = rep_plan(made, "Ben", SEGMENTS)
    assert effort_range(made, inputs(EXACT, Capacity(5, 10)), ben) is None
    assert effort_range(made, inputs(EXACT, Capacity(5, 10)), rep_plan(made, "Ana", SEGMENTS)) is not None


# --- no visit data --------------------------------------------------------------------

def without_counts(clients: pd.DataFrame, who: str) -> pd.DataFrame:
    clients = clients.copy()
    clients.loc[clients["salesperson"] == who, "visits_12m"] = np.nan
    return clients


def test_a_rep_without_visit_counts_has_no_visits_today_and_a_gain_against_the_norms():
    made = plan(without_counts(planned_clients(), "Ben"))
    ben, ana = rep(made, "Ben"), rep(made, "Ana")
    assert (bool(ben["visits_known"]), bool(ana["visits_known"])) == (False, True)
    assert np.isnan(ben["visits_today"])  # unknown, not 0
    assert ana["visits_today"] == 2 + 0 + 5 + 4
    # The judgements are placed on each client's norm: "today" is the norm, r = 1, so the
    # expected revenue today is the file's revenue, not r(0) = half of it.
    current = column(made, "revenue_expected_current")
    assert [current[c] for c in ("b1", "b2", "b3")] == pytest.approx([180_000, 2_000, 60_000])
    visits = column(made, "visits_recommended")
    recommended = (180_000 * r(visits["b1"], 10) + 2_000 * r(visits["b2"], 1)
                   + 60_000 * r(visits["b3"], 3))
    assert ben["expected_gain"] == pytest.approx(recommended - 242_000)
    # Each segment's visits today stay unknown too; Ana's empty segment counts 0.
    segments = segment_visits(rep_plan(made, "Ben", SEGMENTS).clients, SEGMENTS).set_index("segment")
    assert segments["visits_today"].isna().all()
    mine = segment_visits(rep_plan(made, "Ana", SEGMENTS).clients, SEGMENTS).set_index("segment")
    assert mine["visits_today"].to_dict() == {"develop": 2, "partners": 5, "maintain": 4, "minimal": 0}


def test_a_missing_count_beside_known_ones_keeps_the_norm_as_today():
    clients = planned_clients()
    clients.loc[clients["client_id"] == "b1", "visits_12m"] = np.nan
    made = plan(clients)
    ben = rep(made, "Ben")
    assert bool(ben["visits_known"]) and ben["visits_today"] == 1 + 6  # the missing one adds none
    assert column(made, "revenue_expected_current")["b1"] == pytest.approx(180_000)


def test_a_file_without_visit_dates_says_no_visit_date_not_never_visited():
    clients = planned_clients()
    clients["last_visit"] = pd.NaT
    state = urgency(clients, NORMS, PLAN_DATE)
    # a2 has a count of 0: never visited; every other client: no visit date.
    assert dict(zip(clients["client_id"], state["urgency"].astype(str))) == {
        "a1": "no_visit_date", "a2": "never_visited", "a3": "no_visit_date", "a4": "no_visit_date",
        "b1": "no_visit_date", "b2": "no_visit_date", "b3": "no_visit_date"}
    # Without the count column either, nobody is known never visited.
    bare = urgency(clients.drop(columns="visits_12m"), NORMS, PLAN_DATE)
    assert set(bare["urgency"].astype(str)) == {"no_visit_date"}
    # Only the develop clients are priorities then: their urgency is unknown, not due.
    ranked = priority_visits(clients, NORMS, PLAN_DATE)
    assert ranked[["client_id", "reason"]].values.tolist() == [["a2", "develop_never_visited"],
                                                               ["a1", "develop_no_visit_date"]]


def test_a_client_without_a_date_in_a_file_with_dates_is_never_visited():
    clients = planned_clients()
    clients.loc[clients["client_id"] == "a1", "last_visit"] = pd.NaT  # a1 has 2 visits
    state = urgency(clients, NORMS, PLAN_DATE)
    assert state["urgency"].astype(str).tolist()[:2] == ["never_visited", "never_visited"]


def test_the_export_follows_both_rules(grid):
    clients = planned_clients()
    clients["last_visit"] = pd.NaT
    clients.loc[clients["salesperson"] == "Ben", "visits_12m"] = np.nan
    made = plan(clients, capacity=Capacity(5, 10))  # Ben: a capacity surplus, no visit counts
    ben = plan_export(rep_plan(made, "Ben", SEGMENTS).clients, grid, "fr")
    assert ben["Urgence"].tolist() == ["pas de date de visite"] * 3
    assert ben["Visites, 12 derniers mois"].isna().all()
    assert ben["Visites recommandées"].tolist() == [10, 3, 1]  # the norms (grid order)
    ana = plan_export(rep_plan(made, "Ana", SEGMENTS).clients, grid, "en")
    assert ana["Urgency"].tolist() == ["no visit date", "never visited", "no visit date", "no visit date"]
