"""The plan of a hand-checkable team read from the store: workload, what gives, allocation, priorities."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.norms.model import Capacity
from portfolio.planning import (effort_range, make_plan, plan_clients, plan_roles, rep_plan,
                                segment_visits)
from portfolio.planning.clients import latest_visit
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView
from tests.planning.conftest import EXACT, PLAN_DATE, SEGMENT, client_frame, inputs
from tests.scoring.gridkit import bands, grid_2x2

SEGMENTS = ["develop", "partners", "maintain", "minimal"]


def plan_of(team, grid, judgements=None, capacity=Capacity(2, 10), visibility=Visibility.everyone()):
    store, dataset_id = team
    clients = plan_clients(PortfolioView.open(store, dataset_id, grid, visibility))
    return make_plan(clients, inputs(judgements, capacity), PLAN_DATE, plan_roles(grid))


def by_client(plan, column: str) -> dict[str, float]:
    return dict(zip(plan.clients["client_id"], plan.clients[column]))


def rep_row(plan, rep: str) -> pd.Series:
    return plan.reps.set_index("salesperson").loc[rep]


def test_the_plan_reads_every_visible_client_with_its_segment(team, grid):
    store, dataset_id = team
    everyone = plan_clients(PortfolioView.open(store, dataset_id, grid, Visibility.everyone()))
    assert dict(zip(everyone["client_id"], everyone["segment"])) == SEGMENT
    ben = plan_clients(PortfolioView.open(store, dataset_id, grid, Visibility.only(["Ben"])))
    assert list(ben["client_id"]) == ["b1", "b2", "b3"]
    assert latest_visit(PortfolioView.open(store, dataset_id, grid, Visibility.everyone())) == pd.Timestamp("2026-10-01")
    assert latest_visit(PortfolioView.open(store, dataset_id, grid, Visibility.only(["Ben"]))) == pd.Timestamp("2026-08-01")


def test_workload_and_utilisation_per_rep(team, grid):
    plan = plan_of(team, grid)
    ana, ben = rep_row(plan, "Ana"), rep_row(plan, "Ben")
    # Ana: 8 + 8 + 10 + 3 = 29 visits at the norms for 2 × 10 = 20; Ben: 10 + 1 + 3 = 14.
    assert (ana["workload"], ana["capacity"], ana["utilisation"], ana["fits"]) == (29, 20, 1.45, False)
    assert (ben["workload"], ben["capacity"], ben["utilisation"], ben["fits"]) == (14, 20, 0.7, True)
    assert (ana["clients"], ben["clients"]) == (4, 3)


def test_without_judgements_the_norms_give_way_lowest_value_first(team, grid):
    plan = plan_of(team, grid)
    # Ana's 9 visits too many: maintain a4 3 → 1 (2), partners a3 10 → 6 (4), then the develop
    # client with the least headroom, a2 (180k against 360k), 8 → 5 (the last 3). Ben fits.
    assert by_client(plan, "visits_recommended") == {"a1": 8, "a2": 5, "a3": 6, "a4": 1,
                                                     "b1": 10, "b2": 1, "b3": 3}
    gives = plan.gives[plan.gives["salesperson"] == "Ana"]
    assert list(zip(gives["client_id"], gives["visits_lost"])) == [("a4", 2), ("a3", 4), ("a2", 3)]
    assert plan.gives["salesperson"].eq("Ana").all()
    assert (rep_row(plan, "Ana")["visits_recommended"], rep_row(plan, "Ben")["visits_recommended"]) == (20, 14)
    assert not plan.uses_curves
    assert plan.clients["revenue_expected_recommended"].isna().all()


def test_visits_by_segment_today_at_the_norms_and_recommended(team, grid):
    view = rep_plan(plan_of(team, grid), "Ana", SEGMENTS)
    table = segment_visits(view.clients, SEGMENTS).set_index("segment")
    columns = ["clients", "visits_today", "visits_norm", "visits_recommended"]
    assert table[columns].to_dict("index") == {
        "develop": {"clients": 2, "visits_today": 2, "visits_norm": 16, "visits_recommended": 13},
        "partners": {"clients": 1, "visits_today": 5, "visits_norm": 10, "visits_recommended": 6},
        "maintain": {"clients": 1, "visits_today": 4, "visits_norm": 3, "visits_recommended": 1},
        "minimal": {"clients": 0, "visits_today": 0, "visits_norm": 0, "visits_recommended": 0},
    }
    # The rep's clients come in the grid's segment order, largest revenue first.
    assert list(view.clients["client_id"]) == ["a1", "a2", "a3", "a4"]


def test_with_ample_capacity_every_client_gets_its_max(team, grid):
    plan = plan_of(team, grid, EXACT, capacity=Capacity(5, 10))  # 50 visits, Σ max 44 and 21
    # Ana's maximums use 44 of 50 visits: all at their max. Ben's would use 21, under half of
    # 50: a capacity surplus, his clients keep their norms (partners 10, minimal 1, maintain 3).
    assert by_client(plan, "visits_recommended") == {"a1": 12, "a2": 12, "a3": 16, "a4": 4,
                                                     "b1": 10, "b2": 1, "b3": 3}
    current = by_client(plan, "revenue_expected_current")
    recommended = by_client(plan, "revenue_expected_recommended")
    norms = by_client(plan, "revenue_expected_norms")
    # a1, visited 2 times: r(x) = 0.5 + x / (2 + x). a2, never visited: placed on its norm (8),
    # and today's 0 visits give r(0) = 0.5.
    assert current["a1"] == pytest.approx(40_000 * (0.5 + 2 / 4))
    assert recommended["a1"] == pytest.approx(40_000 * (0.5 + 12 / 14))
    assert norms["a1"] == pytest.approx(40_000 * (0.5 + 8 / 10))
    assert current["a2"] == pytest.approx(20_000 * 0.5)
    assert recommended["a2"] == pytest.approx(20_000 * (0.5 + 12 / 20))
    assert recommended["b2"] == pytest.approx(2_000 * (0.5 + 1 / 2))
    # Capacity is not the limit: a day more in the field is worth nothing.
    assert plan.reps["visit_day_value"].tolist() == [0.0, 0.0]


def _value(revenue: float, reference: float, visits: int) -> float:
    return revenue * (0.5 + visits / (reference + visits))


# Per client: revenue, visits the judgements were made about (today's, the norm when 0),
# and the whole min–max of its segment.
HAND = {"Ana": {"a1": (40_000, 2, 4, 12), "a2": (20_000, 8, 4, 12), "a3": (90_000, 5, 6, 16),
                "a4": (40_000, 4, 1, 4)},
        "Ben": {"b1": (180_000, 3, 6, 16), "b2": (2_000, 1, 0, 1), "b3": (60_000, 6, 1, 4)}}


@pytest.mark.parametrize("rep", ["Ana", "Ben"])
def test_with_tight_capacity_the_plan_is_the_best_of_every_allocation(team, grid, rep):
    plan = plan_of(team, grid, EXACT)
    clients = HAND[rep]
    best = max(sum(_value(r, ref, x) for (r, ref, _, _), x in zip(clients.values(), combo))
               for combo in itertools.product(*(range(lo, hi + 1) for _, _, lo, hi in clients.values()))
               if sum(combo) <= 20)
    visits = by_client(plan, "visits_recommended")
    assert sum(visits[c] for c in clients) <= 20
    row = rep_row(plan, rep)
    assert row["revenue_expected_recommended"] == pytest.approx(best, rel=1e-9)
    # The value of a visit-day: the best single extra visit at the plan, × 2 visits a day.
    extra = max(_value(r, ref, visits[c] + 1) - _value(r, ref, visits[c])
                for c, (r, ref, _, hi) in clients.items() if visits[c] < hi)
    assert row["visit_day_value"] == pytest.approx(2 * extra, rel=1e-9)


def test_the_plan_shows_as_a_range_of_field_days(team, grid):
    plan = plan_of(team, grid, EXACT)
    effort = effort_range(plan, inputs(EXACT), rep_plan(plan, "Ana", SEGMENTS))
    # 2 visits a day × 7.5, 10 and 12.5 field days.
    assert effort.capacity == (15, 20, 25)
    low, mid, high = effort.revenue
    assert low < mid < high
    assert mid == pytest.approx(rep_row(plan, "Ana")["revenue_expected_recommended"])
    assert effort_range(plan_of(team, grid), inputs(), rep_plan(plan_of(team, grid), "Ana", SEGMENTS)) is None


def test_priority_visits_with_their_reasons(team, grid):
    view = rep_plan(plan_of(team, grid), "Ana", SEGMENTS)
    rows = view.priorities[["rank", "client_id", "urgency", "reason", "params", "client_name"]]
    # a2: develop never visited. a1: develop, 1 June → 31 October = 152 days for a 365 / 8 =
    # 45.6-day interval. a3: partners, 46 days for 36.5. a4: maintain, 30 days of 121.7: ok.
    assert rows.to_dict("records") == [
        {"rank": 1, "client_id": "a2", "urgency": "never_visited", "reason": "develop_never_visited",
         "params": {"headroom": 180_000}, "client_name": "Client A2"},
        {"rank": 2, "client_id": "a1", "urgency": "overdue", "reason": "develop_overdue",
         "params": {"headroom": 360_000, "days": 152, "interval": 46}, "client_name": "Client A1"},
        {"rank": 3, "client_id": "a3", "urgency": "overdue", "reason": "overdue",
         "params": {"segment": "partners", "days": 46, "interval": 37}, "client_name": "Client A3"},
    ]
    assert view.priorities["visits_recommended"].tolist() == [5, 8, 6]


def test_a_rep_viewing_as_themselves_gets_only_their_plan(team, grid):
    plan = plan_of(team, grid, EXACT, visibility=Visibility.only(["Ben"]))
    assert plan.reps["salesperson"].tolist() == ["Ben"]
    assert set(plan.clients["client_id"]) == {"b1", "b2", "b3"}
    assert set(plan.priorities["salesperson"]) <= {"Ben"}
    with pytest.raises(KeyError):
        rep_plan(plan, "Ana", SEGMENTS)


def test_urgency_is_counted_to_the_plan_date(team, grid):
    plan = plan_of(team, grid)
    days = by_client(plan, "days_since_visit")
    assert (days["b1"], days["b3"]) == (272, 91)  # from 1 February and 1 August 2026
    assert np.isnan(days["a2"])
    assert by_client(plan, "urgency")["a4"] == "ok"


def test_clients_the_grid_cannot_place_are_counted_and_left_out(memory_store):
    frame = client_frame()
    frame.loc[len(frame)] = {**frame.iloc[0].to_dict(), "client_id": "a5", "share_of_wallet": None}
    dataset_id = create_dataset(memory_store, frame, name="with a gap")
    # Under `missing: ignore` a client with no share of wallet has no QRC score, so no segment.
    grid = grid_2x2([bands("potential", 1, (0, 0), (100_000, 1))],
                    [bands("share_of_wallet", 1, (0, 0), (0.5, 1))], missing="ignore")
    clients = plan_clients(PortfolioView.open(memory_store, dataset_id, grid, Visibility.everyone()))
    assert "a5" not in set(clients["client_id"])
    plan = make_plan(clients, inputs(), PLAN_DATE, plan_roles(grid))
    assert plan.unplaced == 1
    assert rep_row(plan, "Ana")["clients"] == 4
