"""Shared test fixtures: a store (DuckDB in memory, or a shared PostgreSQL database) and
the PostgreSQL server of the test session."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from portfolio.store.database import Store
from tests import postgres_server

# The store, one-route, access and import tests run on both stores: every `memory_store`
# test there runs once on DuckDB and once on PostgreSQL.
BOTH_STORES = ("store", "view", "access", "importing", "shared_store")


def pytest_generate_tests(metafunc):
    if "memory_store" in metafunc.fixturenames:
        folder = Path(metafunc.definition.path).parent.name
        if folder in BOTH_STORES:
            metafunc.parametrize("store_kind", ["duckdb", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def postgres():
    """The session's PostgreSQL server (see tests/postgres_server.py)."""
    folder = Path(tempfile.mkdtemp(prefix="portfolio-pg-"))
    try:
        server = postgres_server.start(folder)
    except (RuntimeError, OSError, Exception) as error:  # noqa: BLE001 - said in full below
        shutil.rmtree(folder, ignore_errors=True)
        reason = f"PostgreSQL could not be started: {error}"
        if os.environ.get("CI"):
            pytest.fail(f"shared-store tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def shared_url(postgres):
    """An empty PostgreSQL database of the test's own, dropped afterwards."""
    url = postgres.new_database()
    yield url
    postgres.drop_database(url)


@pytest.fixture
def store_kind(request) -> str:
    return getattr(request, "param", "duckdb")


@pytest.fixture
def memory_store(request, store_kind):
    """An empty store: DuckDB in memory, or (for `store_kind` postgresql) a shared store on
    a database of the test's own."""
    if store_kind == "postgresql":
        from portfolio.store.shared import SharedStore

        url = request.getfixturevalue("shared_url")
        store = SharedStore(url, refresh_every=0)
    else:
        store = Store(":memory:")
    yield store
    store.close()
