"""First start: a new database gets the demo portfolio, so the app opens full."""

from __future__ import annotations

import duckdb

from portfolio.demo import PERIOD, generate_demo
from portfolio.demo.history import PREVIOUS_PERIOD, previous_quarter
from portfolio.demo.variants import VARIANTS, demo_variant
from portfolio.store.database import Store
from portfolio.store.datasets import (Dataset, add_period, create_dataset, frame_rows, free_name,
                                      insert_dataset)

DEMO_DATASET_NAME = "Demo portfolio"
# The stored names of the other demo variants (`portfolio.demo.variants`); shown in the
# reader's language by `portfolio.ui.shared.names`.
DEMO_VARIANT_NAMES = {"default": DEMO_DATASET_NAME, "small": "Small demo portfolio",
                      "overflow": "Overloaded demo portfolio"}


def ensure_demo_dataset(store: Store) -> int | None:
    """Load the demo into a database that never held a dataset; return its id.

    Returns None otherwise: a user's own data is never mixed with or replaced by the
    demo, and a user who deleted every dataset (the demo included) finds the database
    empty, as they left it, on the next start.
    """
    with store.reading() as cur:
        if _ever_held_a_dataset(cur):
            return None
    frame = generate_demo()
    # Asked again inside the write: app processes starting together on a shared store
    # load one demo between them, not one each.
    with store.transaction() as cur:
        if _ever_held_a_dataset(cur):
            return None
        with frame_rows(cur, frame) as incoming:
            return insert_dataset(cur, incoming, name=DEMO_DATASET_NAME, source="demo", is_demo=True)


def load_demo_dataset(store: Store, variant: str = "default") -> int:
    """Load a demo portfolio on request (a trainer who emptied the database, or who wants
    another demo for a room); returns its id. A new dataset beside the others: imported
    data is never touched.

    Named like the first-start demo (or the variant's name), "Demo portfolio (2)"… when a
    dataset has that name.
    """
    chosen = demo_variant(variant)
    return create_dataset(store, chosen.clients_frame(),
                          name=free_name(store, DEMO_VARIANT_NAMES[chosen.id]),
                          source=chosen.source, is_demo=True)


def can_add_demo_quarter_before(dataset: Dataset) -> bool:
    """Whether the dataset is the default demo as loaded: its quarter alone, no quarter
    before yet (the quarter before is drawn for the default demo's clients only)."""
    return (dataset.is_demo and dataset.source == VARIANTS["default"].source
            and dataset.periods == (PERIOD,))


def add_demo_quarter_before(store: Store, dataset: Dataset) -> str:
    """Add the demo's quarter before (`portfolio.demo.history`) to a demo dataset, so that
    the history views have two quarters to compare; returns the period added."""
    if not can_add_demo_quarter_before(dataset):
        raise ValueError(f"dataset {dataset.name!r} is not the demo as loaded")
    add_period(store, dataset.dataset_id, previous_quarter(generate_demo()), source="demo",
               period=PREVIOUS_PERIOD)
    return PREVIOUS_PERIOD


def _ever_held_a_dataset(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database holds a dataset or ever handed a dataset number out (DuckDB
    keeps a sequence's last value; a shared store starts its sequence past every number
    it gave)."""
    if cur.execute("SELECT 1 FROM datasets LIMIT 1").fetchall():
        return True
    last = cur.execute("SELECT last_value, start_value FROM duckdb_sequences() "
                       "WHERE sequence_name = 'dataset_ids'").fetchall()
    return bool(last) and (last[0][0] is not None or last[0][1] > 1)
