"""A dataset's description (how its clients were made): kept with it on both stores, and
the column added to stores made before it existed, a DuckDB file as a PostgreSQL database."""

from __future__ import annotations

import duckdb

from portfolio.importing import import_file
from portfolio.store import postgres as pg
from portfolio.store.database import Store
from portfolio.store.datasets import get_dataset, list_datasets

CLIENTS = "client_id;client_name;salesperson;revenue;potential\nC1;Alpha;Ann;100;1000\n"
OLD_DATASETS = """CREATE TABLE datasets (
    dataset_id  INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL UNIQUE,
    source      VARCHAR,
    imported_at TIMESTAMP NOT NULL,
    is_demo     BOOLEAN NOT NULL DEFAULT FALSE,
    currency    VARCHAR NOT NULL DEFAULT 'EUR')"""


def client_file(tmp_path, name: str = "clients.csv"):
    path = tmp_path / name
    path.write_text(CLIENTS, encoding="utf-8")
    return path


def test_a_dataset_keeps_its_description_and_a_new_period_leaves_it(memory_store, tmp_path):
    path = client_file(tmp_path)
    said = "Built from sales lines (deals.csv) with these choices:\nwindow: 12m ending on 2026-03-31"
    first = import_file(memory_store, path, dataset_name="built", period="P1", description=said)
    plain = import_file(memory_store, path, dataset_name="plain", period="P1", description="  ")
    import_file(memory_store, path, dataset_id=first.dataset_id, period="P2",
                description="not a new dataset's")
    assert get_dataset(memory_store, first.dataset_id).description == said
    assert get_dataset(memory_store, plain.dataset_id).description is None


def test_a_duckdb_file_made_before_descriptions_gains_the_column(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE SEQUENCE dataset_ids START 2")
        con.execute(OLD_DATASETS)
        con.execute("INSERT INTO datasets VALUES (1, 'old', 'old.csv', '2025-01-01', FALSE, 'EUR')")
    store = Store(path)
    try:
        [old] = list_datasets(store)
        assert (old.name, old.description) == ("old", None)
        new = import_file(store, client_file(tmp_path), dataset_name="new", description="told")
        assert get_dataset(store, new.dataset_id).description == "told"
    finally:
        store.close()


def test_a_shared_database_written_before_descriptions_gains_the_column(shared_url, tmp_path):
    from portfolio.store.shared import SharedStore

    first = SharedStore(shared_url, refresh_every=0)
    import_file(first, client_file(tmp_path), dataset_name="old")
    first.close()
    # PostgreSQL as an earlier version left it: the datasets table without the column.
    connection = pg.connect(shared_url)
    with connection.cursor() as cur:
        cur.execute(f'ALTER TABLE "{pg.kept_copy("datasets")}" DROP COLUMN description')
        cur.execute("UPDATE kept_tables SET definition = $1 WHERE table_name = 'datasets'",
                    parameters=(OLD_DATASETS,))
    connection.commit()
    connection.close()
    writer = SharedStore(shared_url, refresh_every=0)
    try:
        assert [(d.name, d.description) for d in list_datasets(writer)] == [("old", None)]
        new = import_file(writer, client_file(tmp_path), dataset_name="new", description="told")
    finally:
        writer.close()
    reader = SharedStore(shared_url, refresh_every=0)
    try:
        assert get_dataset(reader, new.dataset_id).description == "told"
        assert [d.name for d in list_datasets(reader)] == ["old", "new"]
    finally:
        reader.close()
