"""The plan as tables (command-line columns, the page's export) and as figures."""

from __future__ import annotations

import math

import pytest

from portfolio.access import Visibility
from portfolio.norms.model import Capacity
from portfolio.planning import (PLAN_OUTPUT_COLUMNS, make_plan, plan_clients, plan_export, plan_output,
                                plan_roles, rep_plan, segment_visits, typical_clients)
from portfolio.figures.plan import response_figure, segment_visits_figure, utilisation_gauge
from portfolio.view import PortfolioView
from tests.planning.conftest import EXACT, PLAN_DATE, inputs

SEGMENTS = ["develop", "partners", "maintain", "minimal"]


@pytest.fixture
def plan(team, grid):
    store, dataset_id = team
    clients = plan_clients(PortfolioView.open(store, dataset_id, grid, Visibility.everyone()))
    return make_plan(clients, inputs(EXACT, Capacity(5, 10)), PLAN_DATE, plan_roles(grid))


def test_the_output_has_exactly_the_plan_columns(plan):
    out = plan_output(plan)
    assert tuple(out.columns) == PLAN_OUTPUT_COLUMNS == (
        "client_id", "salesperson", "segment", "visits_current", "visits_recommended",
        "expected_revenue_current", "expected_revenue_recommended")
    a1 = out.set_index("client_id").loc["a1"]
    assert (a1["salesperson"], a1["segment"], a1["visits_current"], a1["visits_recommended"]) == \
        ("Ana", "develop", 2, 12)
    assert a1["expected_revenue_current"] == 40_000.0
    assert a1["expected_revenue_recommended"] == round(40_000 * (0.5 + 12 / 14), 2)


def test_the_export_speaks_the_readers_language(plan, grid):
    ana = rep_plan(plan, "Ana", SEGMENTS).clients
    english = plan_export(ana, grid, "en")
    assert list(english.columns[:5]) == ["Client code", "Client", "Salesperson", "Segment", "Urgency"]
    assert english["Urgency"].tolist() == ["overdue", "never visited", "overdue", "ok"]
    assert english["Recommended visits"].tolist() == [12, 12, 16, 4]
    french = plan_export(ana, grid, "fr")
    assert french["Urgence"].tolist() == ["en retard", "jamais visité", "en retard", "à jour"]
    assert math.isnan(french.loc[1, "Jours depuis la dernière visite"])
    assert french.loc[0, "Jours depuis la dernière visite"] == 152


def test_the_gauge_shows_utilisation_against_the_capacity_line():
    figure = utilisation_gauge(1.45, "en")
    indicator = figure.data[0]
    assert indicator.value == pytest.approx(145)
    assert indicator.gauge.threshold.value == 100
    assert indicator.gauge.axis.range == (0, 175)
    assert indicator.title.text == "Utilisation: workload ÷ capacity"
    assert indicator.gauge.bar.color != utilisation_gauge(0.7, "en").data[0].gauge.bar.color


def test_the_segment_bars_group_today_norms_and_recommended(plan, grid):
    table = segment_visits(rep_plan(plan, "Ana", SEGMENTS).clients, SEGMENTS)
    figure = segment_visits_figure(table, grid, "en")
    assert [trace.name for trace in figure.data] == ["Last 12 months", "At the norms", "Recommended"]
    assert list(figure.data[0].x) == SEGMENTS  # the test grid's labels are its ids
    assert list(figure.data[2].y) == [24, 16, 4, 0]
    assert figure.layout.barmode == "group"


def test_the_response_chart_marks_today_and_the_recommended_visits(plan, grid):
    clients = rep_plan(plan, "Ana", SEGMENTS).clients
    typical = typical_clients(clients, SEGMENTS)
    # develop: median of today's visits 2 and of the norm 8 standing in for a2 → 5.
    assert typical.set_index("segment")["reference"].to_dict() == {"develop": 5.0, "partners": 5.0,
                                                                   "maintain": 4.0}
    figure = response_figure(plan.shapes, typical, grid, "en")
    lines = [trace for trace in figure.data if trace.mode == "lines"]
    assert [trace.name for trace in lines] == ["develop", "partners", "maintain"]
    today = next(t for t in figure.data if t.name == "develop · today")
    assert today.y[0] == pytest.approx(100.0, abs=1e-6)  # r(today) = 1 on exact judgements
    recommended = next(t for t in figure.data if t.name == "develop · recommended")
    assert recommended.x[0] == 12
    assert recommended.y[0] == pytest.approx(100 * (0.5 + 12 / 17))
    assert figure.layout.xaxis.title.text == "Visits a year"
