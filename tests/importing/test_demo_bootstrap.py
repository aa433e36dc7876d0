"""The demo portfolio fills a new database once, and never comes back uninvited."""

from __future__ import annotations

from portfolio.store.bootstrap import DEMO_DATASET_NAME, ensure_demo_dataset, load_demo_dataset
from portfolio.store.database import Store
from portfolio.store.datasets import delete_dataset, list_datasets
from tests.importing.conftest import SEED_NAME


def test_a_new_database_gets_the_demo_once(tmp_path):
    store = Store(tmp_path / "new.duckdb")
    try:
        demo_id = ensure_demo_dataset(store)
        assert [(d.dataset_id, d.name, d.is_demo) for d in list_datasets(store)] == [
            (demo_id, DEMO_DATASET_NAME, True)]
        assert ensure_demo_dataset(store) is None  # already there: not loaded twice
        assert len(list_datasets(store)) == 1
    finally:
        store.close()


def test_a_database_holding_data_does_not_get_the_demo(seeded_db):
    store = Store(seeded_db)
    try:
        assert ensure_demo_dataset(store) is None
        assert [d.name for d in list_datasets(store)] == [SEED_NAME]
    finally:
        store.close()


def test_a_database_emptied_by_its_user_stays_empty_after_a_restart(tmp_path):
    path = tmp_path / "emptied.duckdb"
    store = Store(path)
    delete_dataset(store, ensure_demo_dataset(store))
    store.close()
    store = Store(path)
    try:
        assert ensure_demo_dataset(store) is None
        assert list_datasets(store) == []
    finally:
        store.close()


def test_the_demo_loaded_on_request_takes_a_free_name(tmp_path):
    store = Store(tmp_path / "named.duckdb")
    try:
        ensure_demo_dataset(store)
        second = load_demo_dataset(store)
        assert [(d.dataset_id, d.name) for d in list_datasets(store)][-1] == (
            second, f"{DEMO_DATASET_NAME} (2)")
    finally:
        store.close()
