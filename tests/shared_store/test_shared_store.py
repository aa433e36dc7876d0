"""PostgreSQL as the system of record: several processes on one database, each computing in
its own DuckDB. A process is a `SharedStore` here, or a real `python -m portfolio` run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from portfolio.access import Visibility
from portfolio.cli import main
from portfolio.demo import generate_demo
from portfolio.grid.loader import load_grid
from portfolio.queries.matrix import matrix_clients
from portfolio.store.datasets import add_period, create_dataset, get_dataset, list_datasets
from portfolio.store.opening import open_store
from portfolio.store.postgres import SharedStoreUnreachable
from portfolio.store.shared import SharedStore
from portfolio.view import PortfolioView
from tests.importing.test_crash_and_busy import big_french_csv

ROOT = Path(__file__).resolve().parents[2]
GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_postgresql_really_runs_and_holds_what_the_store_wrote(shared_url):
    store = open_store(shared_url)
    try:
        assert isinstance(store, SharedStore)
        create_dataset(store, generate_demo(n_clients=50, n_reps=4), name="Team", period="2026-Q3")
    finally:
        store.close()
    # Read by PostgreSQL itself, not through the store: the rows are there.
    with psycopg.connect(shared_url) as con:
        assert con.execute("SHOW server_version").fetchone()[0].split(".")[0].isdigit()
        ((version,),) = con.execute("SELECT version FROM current_versions WHERE dataset_id = 1").fetchall()
        assert con.execute(f"SELECT count(*) FROM clients_1_v{version}").fetchone() == (50,)
        assert con.execute("SELECT name FROM kept_datasets").fetchall() == [("Team",)]


def test_what_one_process_writes_another_serves_after_its_next_refresh(shared_url):
    writer, reader = SharedStore(shared_url), SharedStore(shared_url, refresh_every=0)
    try:
        dataset_id = create_dataset(writer, generate_demo(n_clients=300, n_reps=4), name="Team",
                                    period="2026-Q2")
        assert list_datasets(reader) == []  # nothing is loaded behind a page's back
        started = time.monotonic()
        assert reader.refresh()
        assert time.monotonic() - started < 5
        assert [(d.name, d.rows, d.version) for d in list_datasets(reader)] == [("Team", 300, 1)]
        assert not reader.refresh()  # nothing new: one cheap question, nothing loaded

        # The same figures from both processes.
        mine = matrix_clients(PortfolioView.open(writer, dataset_id, GRID))
        theirs = matrix_clients(PortfolioView.open(reader, dataset_id, GRID))
        assert mine.sort_values("client_id").reset_index(drop=True).equals(
            theirs.sort_values("client_id").reset_index(drop=True))
    finally:
        writer.close()
        reader.close()


def test_a_page_begun_on_a_version_reads_that_version_to_its_end(shared_url):
    writer, reader = SharedStore(shared_url), SharedStore(shared_url, refresh_every=0)
    try:
        dataset_id = create_dataset(writer, generate_demo(n_clients=200, n_reps=4)
                                    .assign(period="2026-Q2"), name="Team")
        reader.refresh()
        page = PortfolioView.open(reader, dataset_id, GRID, Visibility.everyone())
        before = len(matrix_clients(page))
        add_period(writer, dataset_id, generate_demo(n_clients=120, n_reps=4), period="2026-Q3")
        assert reader.refresh()
        # The page's next query still reads version 1 (200 clients of 2026-Q2)…
        assert len(matrix_clients(page)) == before == 200
        # …the next page opens version 2.
        latest = PortfolioView.open(reader, dataset_id, GRID)
        assert latest.dataset.version == 2 and latest.shown_period == "2026-Q3"
        assert len(matrix_clients(latest)) == 120
    finally:
        writer.close()
        reader.close()


def test_two_imports_at_once_from_two_processes_end_as_two_complete_datasets(shared_url, tmp_path):
    files = [big_french_csv(tmp_path / f"team-{n}.csv", 60_000) for n in (1, 2)]
    runs = [subprocess.Popen([sys.executable, "-m", "portfolio", "import", str(f), "--db", shared_url],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for f in files]
    outcomes = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outcomes
    store = SharedStore(shared_url)
    try:
        found = sorted((d.name, d.rows, d.dataset_id) for d in list_datasets(store))
        assert [(name, rows) for name, rows, _ in found] == [("team-1", 60_000), ("team-2", 60_000)]
        assert {i for *_, i in found} == {1, 2}
        with store.reading() as cur:
            for dataset in list_datasets(store):
                assert cur.execute(f"SELECT count(DISTINCT client_id) FROM {dataset.table}"
                                   ).fetchone() == (60_000,)
    finally:
        store.close()


def test_a_reader_never_sees_a_half_imported_dataset(shared_url, tmp_path):
    """Polled while another process imports 200,000 rows: the dataset is absent, then whole."""
    big = big_french_csv(tmp_path / "big.csv", 200_000)
    reader = SharedStore(shared_url, refresh_every=0)
    seen = set()
    try:
        job = subprocess.Popen([sys.executable, "-m", "portfolio", "import", str(big), "--db", shared_url],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while job.poll() is None:
            reader.refresh()
            for dataset in list_datasets(reader):
                with reader.reading() as cur:
                    ((rows,),) = cur.execute(f"SELECT count(*) FROM {dataset.table}").fetchall()
                seen.add((dataset.rows, rows))
            time.sleep(0.05)
        assert job.returncode == 0, job.stderr.read()
        reader.refresh(force=True)
        assert [d.rows for d in list_datasets(reader)] == [200_000]
        assert seen <= {(200_000, 200_000)}
    finally:
        reader.close()


def test_a_refused_write_changes_nothing_in_postgresql(shared_url):
    store = SharedStore(shared_url)
    try:
        dataset_id = create_dataset(store, generate_demo(n_clients=40, n_reps=4), name="Team",
                                    period="2026-Q2")
        with psycopg.connect(shared_url) as con:
            before = con.execute("SELECT generation FROM store_state").fetchone()
        with pytest.raises(ValueError):
            with store.transaction() as cur:
                cur.execute("UPDATE datasets SET name = 'Changed'")
                raise ValueError("refused half-way")
        with psycopg.connect(shared_url) as con:
            assert con.execute("SELECT generation FROM store_state").fetchone() == before
            assert con.execute("SELECT name FROM kept_datasets").fetchall() == [("Team",)]
        assert get_dataset(store, dataset_id).name == "Team"
    finally:
        store.close()


def test_an_unreachable_database_is_said_in_words_without_its_password(postgres, capsys):
    url = f"postgresql://someone:secret@127.0.0.1:{postgres.port + 1 if postgres.port < 65535 else 1}/none"
    with pytest.raises(SharedStoreUnreachable) as raised:
        SharedStore(url)
    assert "secret" not in str(raised.value) and "cannot be reached" in str(raised.value)
    assert main(["datasets", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "secret" not in err and "Traceback" not in err


def test_a_grid_saved_through_one_process_reaches_the_grids_folder_of_another(shared_url, tmp_path):
    from portfolio.access import Person, Role
    from portfolio.store import guarded
    from portfolio.store.saved_grids import write_saved_grids

    admin = Person("admin@example.com", Role.ADMIN)
    text = (ROOT / "config" / "grids" / "default.yaml").read_text(encoding="utf-8")
    one, two = SharedStore(shared_url), SharedStore(shared_url, refresh_every=0)
    try:
        guarded.save_grid_file(one, admin, text, tmp_path / "one", "tuned.yaml")
        assert write_saved_grids(two, tmp_path / "two") == ()  # not loaded yet
        assert two.refresh()
        assert write_saved_grids(two, tmp_path / "two") == ("tuned.yaml",)
        assert (tmp_path / "two" / "tuned.yaml").read_text(encoding="utf-8") == text
        assert write_saved_grids(two, tmp_path / "two") == ()  # there already, the same
        # Saved over (asked for) in the first process: the second's older copy follows.
        changed = text.replace("version:", "# tuned again\nversion:", 1)
        guarded.save_grid_file(one, admin, changed, tmp_path / "one", "tuned.yaml", overwrite=True)
        os.utime(tmp_path / "two" / "tuned.yaml", (0, 0))
        two.refresh()
        assert write_saved_grids(two, tmp_path / "two") == ("tuned.yaml",)
        assert (tmp_path / "two" / "tuned.yaml").read_text(encoding="utf-8") == changed
    finally:
        one.close()
        two.close()
