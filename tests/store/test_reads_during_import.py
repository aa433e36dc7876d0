"""A sales force at once: 16 threads reading while another imports. Every read sees the
dataset either as it was or as it is after the import, never a mix, and nothing fails."""

from __future__ import annotations

import threading

import pandas as pd

from portfolio.access import Person
from portfolio.access.datasets import visible_datasets
from portfolio.store import guarded
from portfolio.store.database import Store
from portfolio.store.datasets import clients_table, create_dataset

READERS, READS = 16, 500
LOCAL = Person.local_user()


def clients(n: int, revenue: float) -> pd.DataFrame:
    return pd.DataFrame({"client_id": [f"c{i}" for i in range(n)],
                         "client_name": [f"Client {i}" for i in range(n)],
                         "salesperson": ["Claire Martin", "Julien Moreau"] * (n // 2),
                         "revenue": revenue, "potential": 10 * revenue})


def snapshot(store: Store) -> tuple:
    """What a page reads: the dataset's latest period as listed, then its clients there."""
    [sight] = [s for s in visible_datasets(store, LOCAL) if s.dataset.name == "Team"]
    period = sight.dataset.latest_period
    with store.reading() as cur:
        count, total = cur.execute(
            f"SELECT count(*), sum(revenue) FROM {clients_table(sight.dataset.dataset_id)} "
            "WHERE period = ?", [period]).fetchone()
    return period, sight.clients, int(count), float(total)


def test_sixteen_readers_see_the_old_or_the_new_dataset_while_another_thread_imports(tmp_path):
    store = Store(tmp_path / "portfolio.duckdb")
    team = create_dataset(store, clients(400, 100.0), name="Team", period="2026-Q3")
    old = ("2026-Q3", 400, 400, 40_000.0)
    new = ("2026-Q4", 600, 600, 120_000.0)
    seen: list[tuple] = []
    errors: list[BaseException] = []
    start = threading.Barrier(READERS + 1)
    first_read = threading.Event()  # the import starts once the old dataset has been read

    def read() -> None:
        start.wait()
        mine = []
        try:
            for _ in range(READS):
                mine.append(snapshot(store))
                first_read.set()
        except BaseException as error:  # noqa: BLE001 - every failure is the test's finding
            errors.append(error)
        seen.extend(mine)

    def write() -> None:
        start.wait()
        first_read.wait(timeout=60)
        guarded.add_period(store, LOCAL, team, clients(600, 200.0), period="2026-Q4")
        guarded.create_dataset(store, LOCAL, clients(200, 1.0), name="Other")

    threads = [threading.Thread(target=read) for _ in range(READERS)]
    writer = threading.Thread(target=write)
    for thread in (*threads, writer):
        thread.start()
    for thread in (*threads, writer):
        thread.join(timeout=300)
    try:
        assert errors == []
        assert len(seen) == READERS * READS
        assert set(seen) == {old, new}  # both seen, nothing else
        assert snapshot(store) == new
    finally:
        store.close()
