"""The visit plan page renders on the seeded demo; the judgements form changes the plan."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from portfolio.numbers import amounts, one_decimal, signed_percent, two_figures, visit_counts
from tests.ui.conftest import ROOT, all_text, open_page, table_rows

PAGE = "pages/7_Visit_plan.py"
EDITOR = "w.plan.judgements"
# Rows of the judgements editor: the grid's segments in order.
DEVELOP, PARTNERS = 0, 1


def segment_rows(at) -> dict[str, list[str]]:
    """The visits-by-segment table keyed by segment label."""
    tables = [t for t in at.table if list(t.value.columns)[:5] == ["Segment", "Clients", "Today", "Norms",
                                                                  "Recommended"]]
    assert len(tables) == 1
    return {row[0]: row[1:] for row in table_rows(tables[0])}


def recommended(at) -> dict[str, int]:
    return {segment: int(row[3].replace(",", "")) for segment, row in segment_rows(at).items()}


def edit(at, row: int, **levels: float) -> None:
    """What the browser sends once cells of the judgements editor are changed and Apply pressed."""
    at.session_state[EDITOR] = {"edited_rows": {row: levels}, "added_rows": [], "deleted_rows": []}
    at.button(key="w.plan.judgements_apply").click().run()


def choose_rep(at, rep: str) -> None:
    at.selectbox(key="w.plan.rep").set_value(rep).run()


def test_the_page_shows_the_plan_of_the_first_rep(seeded_db):
    at = open_page(PAGE)
    assert not at.exception
    assert [t.value for t in at.title] == ["Visit plan"]
    assert at.selectbox(key="w.plan.rep").value == "Claire Martin"
    assert at.selectbox(key="w.plan.rep").options == ["Claire Martin", "Julien Moreau", "Sophie Bernard",
                                                       "Vincent Faure"]
    metrics = {m.label: m.value for m in at.metric}
    assert list(metrics) == ["Visits the norms ask for", "Visits available", "Visits recommended",
                             "Expected revenue", "Value of a visit-day"]
    assert metrics["Visits available"] == "720"  # 4 visits a day × 180 days
    # The gauge, the bars by segment and the response curves.
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert [spec["data"][0]["type"] for spec in specs] == ["indicator", "bar", "scatter"]
    tables = [list(frame.value.columns)[-1] for frame in at.dataframe]
    # Priorities, clients, the judgements editor (levels by id), the team.
    assert tables == ["Why", "One more visit adds", "saturation", "Visit-day value"]
    text = all_text(at)
    assert "Priority visits" in text and "Response to visits" in text and "The team" in text


def test_the_priority_list_gives_a_reason_for_each_rank(seeded_db):
    at = open_page(PAGE)
    choose_rep(at, "Julien Moreau")  # the competitors'-strongholds portfolio
    priorities = next(frame.value for frame in at.dataframe if "Why" in frame.value.columns)
    assert list(priorities.columns) == ["#", "Client", "Segment", "Urgency", "Since last visit",
                                        "Headroom", "Visits today → plan", "Why"]
    assert list(priorities["#"][:3]) == [1, 2, 3]
    assert (priorities["Segment"][:10] == "Competitors' strongholds").all()
    first = priorities.iloc[0]
    assert first["Why"].startswith("Competitors' stronghold")
    assert first["Headroom"].replace(",", "") in first["Why"].replace(",", "")


def test_the_gauge_reads_workload_over_capacity(seeded_db):
    at = open_page(PAGE)
    workload = int(next(m.value for m in at.metric if m.label == "Visits the norms ask for").replace(",", ""))
    gauge = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert abs(gauge["value"] - 100 * workload / 720) < 1e-9
    assert gauge["gauge"]["threshold"]["value"] == 100


@pytest.fixture
def norms_file(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped configuration for the app; the test rewrites its norms."""
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config)
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    return config / "norms.yaml"


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_overloaded_rep_sees_what_gives(seeded_db, norms_file):
    rewrite(norms_file, "field_days: 180", "field_days: 120")  # 4 × 120 = 480 visits a year
    at = open_page(PAGE)
    choose_rep(at, "Vincent Faure")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Visits available"] == "480"
    workload = int(metrics["Visits the norms ask for"].replace(",", ""))
    assert workload > 480
    assert f"The norms ask for {workload - 480} visits more than the capacity" in all_text(at)
    gives = next(frame.value for frame in at.dataframe if "Lost" in frame.value.columns)
    # Exactly the excess is taken, the least valuable clients first: low-priority ones.
    assert gives["Lost"].astype(int).sum() == workload - 480
    assert gives["Segment"].iloc[0] == "Low-priority clients"
    assert list(gives["Order"][:3]) == [1, 2, 3]


def test_a_norms_file_that_does_not_fit_the_grid_stops_the_page(seeded_db, norms_file):
    rewrite(norms_file, "    develop:  {min: 4, norm: 8,  max: 12}", "    develope: {min: 4, norm: 8,  max: 12}")
    at = open_page(PAGE)
    assert not at.exception
    assert [e.value for e in at.error] == ["The norms file norms.yaml cannot be used with this grid:"]
    assert "visits.segments.develope" in at.code[0].value
    assert not at.metric


def test_flat_judgements_leave_a_segment_at_its_minimum(seeded_db):
    at = open_page(PAGE)
    before = recommended(at)
    assert before["Partners"] == 14 * 16  # Claire's capacity is slack: every partner at its max
    edit(at, PARTNERS, none=1.0, half=1.0, more_50=1.0, saturation=1.0)
    assert not at.exception
    after = recommended(at)
    # Visits change nothing for partners any more: each of the 14 keeps its minimum, 6.
    assert after["Partners"] == 14 * 6
    assert after["Small loyal clients"] == before["Small loyal clients"]
    assert "Judgements tried in this session" in all_text(at)


def test_a_more_responsive_segment_draws_visits_from_the_others(seeded_db):
    at = open_page(PAGE)
    choose_rep(at, "Sophie Bernard")  # the capacity binds: 720 visits recommended
    before = recommended(at)
    edit(at, DEVELOP, saturation=2.0)  # develop clients could double their revenue
    after = recommended(at)
    assert after["Total"] == before["Total"] == 720
    assert after["Competitors' strongholds"] > before["Competitors' strongholds"]
    assert after["Partners"] < before["Partners"]


def test_reset_goes_back_to_the_norms_file(seeded_db):
    at = open_page(PAGE)
    before = recommended(at)
    edit(at, PARTNERS, none=1.0, half=1.0, more_50=1.0, saturation=1.0)
    assert recommended(at) != before
    at.button(key="w.plan.judgements_reset").click().run()
    assert recommended(at) == before
    assert "Judgements tried in this session" not in all_text(at)
    assert at.button(key="w.plan.judgements_reset").disabled


def test_judgements_that_decrease_are_refused_and_the_plan_kept(seeded_db):
    at = open_page(PAGE)
    before = recommended(at)
    edit(at, PARTNERS, saturation=0.9)
    assert [e.value for e in at.error] == [
        "Partners, Saturation: more visits do not bring less revenue; expected at least the value "
        "of +50% (got 0.9). The plan keeps the last valid judgements."]
    assert recommended(at) == before


def test_tried_judgements_follow_the_user_to_another_page_and_back(seeded_db):
    at = open_page(PAGE)
    edit(at, PARTNERS, none=1.0, half=1.0, more_50=1.0, saturation=1.0)
    at.switch_page("pages/1_Matrix.py").run()
    at.switch_page(PAGE).run()
    assert recommended(at)["Partners"] == 14 * 6


def test_a_rep_viewing_as_themselves_sees_only_their_plan(seeded_db, demo_clients):
    at = open_page(PAGE)
    at.selectbox(key="w.view_as").set_value("Vincent Faure").run()
    assert not at.exception
    chooser = at.selectbox(key="w.plan.rep")
    assert chooser.options == ["Vincent Faure"] and chooser.disabled
    expected = int((demo_clients["salesperson"] == "Vincent Faure").sum())
    assert segment_rows(at)["Total"][0] == str(expected)
    assert "The team" not in all_text(at)


def test_the_page_in_french(seeded_db):
    at = open_page(PAGE, locale="fr-FR")
    assert not at.exception
    assert [t.value for t in at.title] == ["Plan de visites"]
    choose_rep(at, "Julien Moreau")
    priorities = next(frame.value for frame in at.dataframe if "Pourquoi" in frame.value.columns)
    assert priorities["Pourquoi"].iloc[0].startswith("Bastion concurrent")
    headroom = priorities["Potentiel restant"].iloc[0]
    assert headroom.endswith("\u00a0€") and "\u202f" in headroom  # 123 456 € (above 1 000 €)


def test_without_judgements_in_the_norms_visits_follow_the_norms(seeded_db, norms_file):
    response = "\nresponse:" + norms_file.read_text(encoding="utf-8").split("\nresponse:", 1)[1]
    rewrite(norms_file, response, "\n")  # the optional response section left out
    at = open_page(PAGE)
    assert not at.exception
    assert any("gives no response judgements" in i.value for i in at.info)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Expected revenue"] == "—"
    # Claire's norms fit her capacity: each client gets its norm, 14 partners × 10.
    assert recommended(at)["Partners"] == 14 * 10
    edit(at, PARTNERS, none=0.5)  # judgements entered in the form: the plan goes by return
    assert {m.label: m.value for m in at.metric}["Expected revenue"] != "—"


def test_a_later_plan_date_makes_more_visits_due(seeded_db):
    at = open_page(PAGE)
    caption = next(c.value for c in at.caption if "competitors' strongholds first" in c.value)
    at.date_input(key="w.plan.date").set_value(dt.date(2027, 10, 31)).run()
    later = next(c.value for c in at.caption if "competitors' strongholds first" in c.value)
    # A year on, every client is due or overdue: more of them are listed.
    assert int(later.split(" clients")[0]) > int(caption.split(" clients")[0])


def test_plan_columns_are_written_as_each_language_writes_numbers():
    values = np.array([1_234_567.5, -2_500.4, np.nan, 0.0])
    assert list(amounts(values, "en")) == ["€1,234,568", "-€2,500", "—", "€0"]
    assert list(amounts(values, "fr")) == ["1\u202f234\u202f568\u00a0€", "-2\u202f500\u00a0€", "—", "0\u00a0€"]
    assert list(one_decimal(np.array([2.65, 1234.04, np.nan]), "fr")) == ["2,7", "1\u202f234,0", "—"]
    assert list(visit_counts(np.array([3.0, 2.5, np.nan]), "en")) == ["3", "2.5", "—"]
    assert (signed_percent(0.0452, "en"), signed_percent(-0.02, "fr"), signed_percent(np.nan, "en")) == \
        ("+4.5%", "-2,0\u00a0%", "—")
    assert two_figures(4_638.47) == 4_600 and two_figures(159.2) == 160 and two_figures(0.0) == 0
    assert list(two_figures(np.array([55.9, -1_234.0]))) == [56, -1_200]


@pytest.mark.parametrize("rep", ["Claire Martin", "Vincent Faure"])
def test_the_plan_and_the_rep_page_show_the_same_revenue_today(seeded_db, demo_clients, rep):
    from portfolio.numbers import money

    plan = open_page(PAGE)
    choose_rep(plan, rep)
    [line] = [c.value for c in plan.caption if c.value.startswith("Revenue today: ")]
    page = open_page("pages/6_Rep.py")
    page.selectbox(key="w.rep.rep").set_value(rep).run()
    revenue = {m.label: m.value for m in page.metric}["Revenue"]
    # The file's revenue of the rep's clients, added up here.
    by_hand = money(demo_clients.loc[demo_clients["salesperson"] == rep, "revenue"].sum(), "en",
                    compact=True)
    assert revenue == by_hand
    assert line.startswith(f"Revenue today: {by_hand}, the file's, as on every page.")
