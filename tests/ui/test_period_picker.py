"""A dataset with several periods: the sidebar chooses the period every page shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.store.database import Store
from portfolio.store.datasets import add_period, create_dataset
from tests.ui.conftest import DATASET_NAME, N_CLIENTS, open_page, table_rows

EARLIER, LATER = "2026-Q1", "2026-Q2"
LATER_CLIENTS = 300  # the later period lost clients: counts tell the periods apart


@pytest.fixture
def two_periods_db(tmp_path: Path, monkeypatch, demo_clients) -> Path:
    path = tmp_path / "portfolio.duckdb"
    store = Store(path)
    try:
        dataset_id = create_dataset(store, demo_clients.assign(period=EARLIER),
                                    name=DATASET_NAME, source="q1.csv")
        add_period(store, dataset_id, demo_clients.head(LATER_CLIENTS).assign(period=LATER),
                   source="q2.csv")
    finally:
        store.close()
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    return path


def _clients_in_matrix(at) -> int:
    [totals] = [t for t in at.table if list(t.value.columns)[:2] == ["Segment", "Clients"]]
    return int(dict((row[0], row[1]) for row in table_rows(totals))["Total"])


def _clients_metric(at) -> int:
    [clients] = [m for m in at.metric if m.label == "Clients"]
    return int(clients.value)


def test_the_latest_period_is_shown_first_and_an_earlier_one_can_be_chosen(two_periods_db):
    at = open_page("pages/1_Matrix.py")
    picker = at.sidebar.selectbox(key="w.period")
    assert picker.options == [f"{LATER} (latest)", EARLIER]
    assert picker.value == LATER
    assert _clients_in_matrix(at) == LATER_CLIENTS
    picker.set_value(EARLIER).run()
    assert not at.exception
    assert _clients_in_matrix(at) == N_CLIENTS


def test_the_chosen_period_follows_the_user_to_other_pages(two_periods_db, demo_clients):
    rep = "Julien Moreau"
    at = open_page("pages/1_Matrix.py")
    at.sidebar.selectbox(key="w.period").set_value(EARLIER).run()
    at.switch_page("pages/6_Rep.py").run()
    assert not at.exception
    assert at.sidebar.selectbox(key="w.period").value == EARLIER
    at.selectbox(key="w.rep.rep").set_value(rep).run()
    earlier = int((demo_clients["salesperson"] == rep).sum())
    later = int((demo_clients.head(LATER_CLIENTS)["salesperson"] == rep).sum())
    assert earlier != later
    assert _clients_metric(at) == earlier
    at.sidebar.selectbox(key="w.period").set_value(LATER).run()
    assert _clients_metric(at) == later


def test_the_visit_plan_says_it_uses_the_latest_period(two_periods_db):
    at = open_page("pages/1_Matrix.py")
    at.sidebar.selectbox(key="w.period").set_value(EARLIER).run()
    at.switch_page("pages/7_Visit_plan.py").run()
    assert not at.exception
    assert any(EARLIER in i.value and LATER in i.value for i in at.info)


def test_the_sidebar_counts_the_clients_of_a_period_not_the_rows_of_all(two_periods_db):
    at = open_page("pages/1_Matrix.py")
    dataset = at.sidebar.selectbox(key="w.dataset")
    # 2,000 clients then 300: the dataset holds 2,300 rows, a period never more than 2,000.
    assert dataset.value is not None
    assert dataset.format_func(dataset.value) == f"{DATASET_NAME} · {LATER_CLIENTS} clients"


def test_a_dataset_with_one_period_has_no_period_choice(seeded_db):
    at = open_page("pages/1_Matrix.py")
    assert not at.exception
    assert not [s for s in at.sidebar.selectbox if s.key == "w.period"]


def test_the_period_choice_is_in_french_too(two_periods_db):
    at = open_page("pages/1_Matrix.py", locale="fr-FR")
    picker = at.sidebar.selectbox(key="w.period")
    assert picker.label == "Période"
    assert picker.options == [f"{LATER} (la plus récente)", EARLIER]
