"""A database its user emptied stays empty, and the demo portfolio comes back only on request."""

from __future__ import annotations

import pytest

from portfolio.store.bootstrap import DEMO_DATASET_NAME
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset, delete_dataset, list_datasets
from tests.ui.conftest import DATASET_NAME, all_text, open_page

DATASETS = "pages/4_Datasets.py"
LOAD_DEMO = "Load the demo portfolio"


@pytest.fixture
def emptied_db(tmp_path, monkeypatch, demo_clients):
    """A database whose only dataset its user deleted."""
    path = tmp_path / "portfolio.duckdb"
    store = Store(path)
    delete_dataset(store, create_dataset(store, demo_clients, name=DATASET_NAME))
    store.close()
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    return path


def _datasets(path) -> list[tuple[str, bool]]:
    store = Store(path)
    try:
        return [(d.name, d.is_demo) for d in list_datasets(store)]
    finally:
        store.close()


def test_an_emptied_database_offers_the_demo_and_loads_it_on_request(emptied_db):
    at = open_page(DATASETS)
    assert not at.exception
    assert "No dataset yet: import a client file, or load the demo portfolio." in all_text(at)
    assert _datasets(emptied_db) == []  # the restart did not bring the demo back by itself
    [load] = [b for b in at.button if b.label == LOAD_DEMO]
    load.click().run()
    assert not at.exception
    assert f"The demo portfolio is loaded as “{DEMO_DATASET_NAME}” and is now active." in [
        s.value for s in at.success]
    assert at.sidebar.selectbox(key="w.dataset").value is not None
    assert _datasets(emptied_db) == [(DEMO_DATASET_NAME, True)]
    assert not [b for b in at.button if b.label == LOAD_DEMO]  # one demo is enough


def test_other_pages_point_to_the_demo_when_there_is_no_data(emptied_db):
    at = open_page("pages/1_Matrix.py")
    assert [i.value for i in at.info] == [
        "No data yet: import a client file to start, or load the demo portfolio on the "
        "Datasets page."]


def test_a_database_with_its_own_data_can_add_the_demo_beside_it(seeded_db):
    at = open_page(DATASETS)
    [b for b in at.button if b.label == LOAD_DEMO][0].click().run()
    assert _datasets(seeded_db) == [(DATASET_NAME, False), (DEMO_DATASET_NAME, True)]
