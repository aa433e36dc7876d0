"""The seeded database of tests/importing/conftest.py on either store: a DuckDB file, or a
shared PostgreSQL database holding the same seed. A module that imports `seeded_db` from
here runs each of its tests on both (its helpers open the location with `open_store`)."""

from __future__ import annotations

import pytest

from tests.importing.conftest import seed_store


@pytest.fixture(params=["duckdb", "postgresql"])
def seeded_db(request, tmp_path) -> str:
    if request.param == "postgresql":
        location = request.getfixturevalue("shared_url")
    else:
        location = str(tmp_path / "portfolio.duckdb")
    seed_store(location)
    return location


def clients_of(location: str, dataset_id: int) -> str:
    """The table of a dataset's clients in the store at `location` (a shared store's working
    copy names it by its version)."""
    from portfolio.store.datasets import get_dataset
    from portfolio.store.opening import open_store

    store = open_store(location)
    try:
        return get_dataset(store, dataset_id).table
    finally:
        store.close()
