"""First start: an empty database gets the demo portfolio, so the app opens full."""

from __future__ import annotations

from portfolio.demo import generate_demo
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset, list_datasets

DEMO_DATASET_NAME = "Demo portfolio"


def ensure_demo_dataset(store: Store) -> int | None:
    """Load the demo into a database that has no dataset yet; return its id.

    Returns None when the database already holds datasets: a user's own data is
    never mixed with or replaced by the demo.
    """
    if list_datasets(store):
        return None
    return create_dataset(store, generate_demo(), name=DEMO_DATASET_NAME,
                          source="demo", is_demo=True)
