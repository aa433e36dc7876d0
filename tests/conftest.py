"""Shared test fixtures: an in-memory store and small hand-built grids."""

from __future__ import annotations

import pytest

from portfolio.store.database import Store


@pytest.fixture
def memory_store():
    store = Store(":memory:")
    yield store
    store.close()
