"""A store shared by several processes: PostgreSQL holds the data, each process computes in
its own DuckDB.

Everything above the store (views, queries, pages, commands) runs the same SQL on the same
tables as with a DuckDB file: this process's DuckDB is a working copy of what PostgreSQL
holds, loaded over Arrow. Three rules make it safe to share:

- **Reading.** `refresh()` (each page run; every command on opening) asks PostgreSQL for
  its generation, and when it moved, loads what changed in one repeatable-read snapshot
  and swaps it in with one local transaction. A dataset's clients live in
  `clients_<id>_v<n>`, so a page that began on version n reads it to its end while
  version n+1 is loaded beside it; a superseded version is dropped a while later.
- **Writing.** A write takes PostgreSQL's advisory lock, loads the latest state, and runs
  the caller's statements in a local transaction where each dataset's current version is
  named `clients_<id>` (what the writing code expects). Then every kept table and each
  dataset whose periods changed (as a new, immutable version) are sent to PostgreSQL,
  and the current-version pointers and the generation flipped, in one PostgreSQL
  transaction. The local transaction is always rolled back: the local copy changes only
  by loading, so what a process shows is always what PostgreSQL committed.
- **Derived data** (the scores tables) stays local: `cache_transaction()`.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager, suppress
from typing import Any, Iterator

import duckdb
import pyarrow as pa

from portfolio.faults import first_error, first_line, store_fault
from portfolio.sql import quote_identifier, table_name
from portfolio.store import postgres as pg
from portfolio.store.database import UPGRADES, Store, kept_tables
from portfolio.store.datasets import clients_table

_log = logging.getLogger(__name__)
_LOADED = "loaded_rows"


class SharedStore(Store):
    """The store whose system of record is the PostgreSQL database at `url`.

    `refresh_every`: the fewest seconds between two questions to PostgreSQL about new
    writes (a page run asks; one cheap query). `keep_superseded`: how long a version that
    a newer one replaced stays readable here, for pages that began on it.
    """

    def __init__(self, url: str, *, refresh_every: float = 2.0, keep_superseded: float = 120.0):
        self.url = url
        self.refresh_every = refresh_every
        self.keep_superseded = keep_superseded
        self._reader = pg.connect(url)  # polls and loads
        self._writer = pg.connect(url)  # write transactions (an import may hold it long)
        self._read_lock = threading.RLock()
        self._generation: int | None = None
        self._checked_at = 0.0
        self._held: dict[int, int] = {}  # dataset id -> version loaded as current
        self._superseded: dict[tuple[int, int], float] = {}  # (id, version) -> when
        super().__init__(":memory:")
        self.path = pg.shown_url(url)
        self.refresh(force=True)

    # -- the working copy -------------------------------------------------------------
    def _connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(":memory:")

    @property
    def label(self) -> str:
        return self.path

    @property
    def generation(self) -> int | None:
        """PostgreSQL's generation this process last loaded."""
        return self._generation

    def reclaim_space(self) -> None:
        """Nothing to give back: a refused write never reached PostgreSQL, and the working
        copy is in memory."""

    def refresh(self, force: bool = False) -> bool:
        """Load what other processes committed since the last load; whether anything did.

        Skipped while this process writes or loads (the write loads its result at its end).
        """
        now = time.monotonic()
        if not force and now - self._checked_at < self.refresh_every:
            return False
        if not self._write_lock.acquire(blocking=force):
            return False
        try:
            self._checked_at = now
            with self._read_lock:
                generation = self._pg_generation()
                if generation == self._generation and not force:
                    return False
                self._load()
            return True
        finally:
            self._write_lock.release()

    def _pg_generation(self) -> int:
        try:
            with self._reader.cursor() as cur:
                ((generation,),) = pg.fetch_rows(cur, "SELECT generation FROM store_state")
            self._reader.rollback()
            return int(generation)
        except pg.driver_error() as error:
            raise self._reader_lost(error) from error

    def _reader_lost(self, error: BaseException) -> pg.SharedStoreUnreachable:
        """The reader connection opened again (a restarted server is used at once), and the
        fault to tell the caller now."""
        with suppress(Exception):
            self._reader.close()
        with suppress(pg.SharedStoreUnreachable):
            self._reader = pg.connect(self.url)
        return pg.SharedStoreUnreachable(self.path, first_line(error))

    def _load(self) -> None:
        """PostgreSQL's state, read in one snapshot, swapped into the working copy at once."""
        try:
            with self._reader.cursor() as cur:
                self._reader.rollback()
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                ((generation, next_id),) = pg.fetch_rows(
                    cur, "SELECT generation, next_dataset_id FROM store_state")
                kept = [(name, definition, pg.fetch_table(cur, f'SELECT * FROM "{pg.kept_copy(name)}"'))
                        for name, definition in pg.fetch_rows(
                            cur, "SELECT table_name, definition FROM kept_tables ORDER BY table_name")]
                current = {int(i): int(v) for i, v in pg.fetch_rows(
                    cur, "SELECT dataset_id, version FROM current_versions")}
                arriving = {}
                for dataset_id, version in current.items():
                    if self._held.get(dataset_id) != version:
                        ((columns,),) = pg.fetch_rows(
                            cur, "SELECT columns FROM client_versions WHERE dataset_id = $1 "
                                 "AND version = $2", (dataset_id, version))
                        arriving[dataset_id] = (pg.columns_of(columns), pg.fetch_table(
                            cur, f'SELECT * FROM "{pg.version_copy(dataset_id, version)}"'))
            self._reader.rollback()
        except pg.driver_error() as error:
            raise self._reader_lost(error) from error
        self._apply(int(generation), int(next_id), kept, current, arriving)

    def _apply(self, generation: int, next_id: int, kept: list[tuple[str, str, pa.Table]],
               current: dict[int, int], arriving: dict[int, tuple[list, pa.Table]]) -> None:
        now = time.monotonic()
        with self.local_transaction() as cur:
            for name, definition, rows in kept:
                cur.execute(f"DROP TABLE IF EXISTS {table_name(name)}")
                cur.execute(definition)
                _insert_arrow(cur, name, rows)
            if any(name == "datasets" for name, _, _ in kept):
                # A database written by an earlier version: its datasets table as this
                # version writes it (the next write sends the new definition).
                for statement in UPGRADES:
                    cur.execute(statement)
            for dataset_id, (columns, rows) in arriving.items():
                table = clients_table(dataset_id, current[dataset_id])
                casts = ", ".join(f"CAST({quote_identifier(c)} AS {kind}) AS {quote_identifier(c)}"
                                  for c, kind in columns)
                cur.register(_LOADED, rows)
                try:
                    cur.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT {casts} FROM {_LOADED}")
                finally:
                    cur.unregister(_LOADED)
            cur.execute("DELETE FROM dataset_versions")
            if current:
                cur.execute("INSERT INTO dataset_versions SELECT unnest(?::INTEGER[]), "
                            "unnest(?::INTEGER[])", [list(current), list(current.values())])
            for dataset_id, version in self._held.items():
                if current.get(dataset_id) != version:
                    self._superseded.setdefault((dataset_id, version), now)
            for (dataset_id, version), since in list(self._superseded.items()):
                if current.get(dataset_id) == version:
                    del self._superseded[(dataset_id, version)]
                elif now - since >= self.keep_superseded or dataset_id not in current:
                    _drop_version(cur, dataset_id, version)
                    del self._superseded[(dataset_id, version)]
            _restart_ids(cur, next_id)
        self._held = dict(current)
        self._generation = generation

    # -- writes -----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write: in PostgreSQL all of it or none of it, after every write made
        before it by any process (see the module's docstring)."""
        with self._write_lock:
            writer = self._writer
            try:
                with writer.cursor() as pg_cur:
                    writer.rollback()
                    pg_cur.execute("SELECT pg_advisory_xact_lock($1)", parameters=(pg.WRITE_LOCK_KEY,))
                    with self._read_lock:
                        self._load()
                    cur = self._live().cursor()
                    try:
                        cur.execute("BEGIN TRANSACTION")
                        before = _writable(cur, self._held)
                        yield cur
                        self._send(cur, pg_cur, before)
                        writer.commit()
                    finally:
                        with suppress(duckdb.Error):
                            cur.execute("ROLLBACK")
                        with suppress(duckdb.Error):
                            cur.close()
            except BaseException as error:
                with suppress(Exception):
                    writer.rollback()
                first = first_error(error)
                if isinstance(first, pg.driver_error()):
                    self._writer_lost()
                    raise pg.SharedStoreUnreachable(self.path, first_line(first)) from first
                fault = store_fault(first, self.path) if isinstance(first, (duckdb.Error, OSError)) else None
                if fault is not None:
                    raise fault from first
                if first is not error:
                    raise first from None
                raise
            with self._read_lock:
                self._load()

    def _writer_lost(self) -> None:
        with suppress(Exception):
            self._writer.close()
        with suppress(pg.SharedStoreUnreachable):
            self._writer = pg.connect(self.url)

    def _send(self, cur: duckdb.DuckDBPyConnection, pg_cur: Any,
              before: dict[int, tuple]) -> None:
        """What the write changed, to PostgreSQL, in the writer's open transaction."""
        for name, definition in kept_tables(cur):
            pg.write_table(pg_cur, pg.kept_copy(name), cur.sql(f"SELECT * FROM {table_name(name)}")
                           .to_arrow_table())
            pg_cur.execute("INSERT INTO kept_tables VALUES ($1, $2) ON CONFLICT (table_name) "
                           "DO UPDATE SET definition = excluded.definition", parameters=(name, definition))
        after = _signatures(cur)
        for dataset_id, signature in after.items():
            if before.get(dataset_id) != signature:
                self._send_version(cur, pg_cur, dataset_id)
        for dataset_id in set(before) - set(after):
            for (version,) in pg.fetch_rows(pg_cur, "SELECT version FROM client_versions "
                                                    "WHERE dataset_id = $1", (dataset_id,)):
                pg_cur.execute(f'DROP TABLE IF EXISTS "{pg.version_copy(dataset_id, version)}"')
            pg_cur.execute("DELETE FROM client_versions WHERE dataset_id = $1", parameters=(dataset_id,))
            pg_cur.execute("DELETE FROM current_versions WHERE dataset_id = $1", parameters=(dataset_id,))
        ((highest,),) = cur.execute("SELECT coalesce(max(dataset_id), 0) FROM datasets").fetchall()
        pg_cur.execute("UPDATE store_state SET generation = generation + 1, "
                       "next_dataset_id = greatest(next_dataset_id, $1)", parameters=(int(highest) + 1,))

    def _send_version(self, cur: duckdb.DuckDBPyConnection, pg_cur: Any, dataset_id: int) -> None:
        """The dataset's clients as its next version, made current; versions older than
        the one it replaces are dropped (a process may still be loading that one)."""
        table = clients_table(dataset_id)
        ((version,),) = pg.fetch_rows(pg_cur, "SELECT coalesce(max(version), 0) + 1 FROM "
                                              "client_versions WHERE dataset_id = $1", (dataset_id,))
        columns = [(name, kind) for name, kind, *_ in cur.execute(f"DESCRIBE {table}").fetchall()]
        rows = cur.sql(f"SELECT * FROM {table}").to_arrow_table()
        pg.write_table(pg_cur, pg.version_copy(dataset_id, version), rows)
        pg_cur.execute("INSERT INTO client_versions (dataset_id, version, columns, rows) "
                       "VALUES ($1, $2, $3, $4)",
                       parameters=(dataset_id, version, pg.columns_text(columns), rows.num_rows))
        pg_cur.execute("INSERT INTO current_versions VALUES ($1, $2) ON CONFLICT (dataset_id) "
                       "DO UPDATE SET version = excluded.version", parameters=(dataset_id, version))
        for (old,) in pg.fetch_rows(pg_cur, "SELECT version FROM client_versions WHERE "
                                            "dataset_id = $1 AND version < $2", (dataset_id, version - 1)):
            pg_cur.execute(f'DROP TABLE IF EXISTS "{pg.version_copy(dataset_id, old)}"')
            pg_cur.execute("DELETE FROM client_versions WHERE dataset_id = $1 AND version = $2",
                           parameters=(dataset_id, old))

    def close(self) -> None:
        for connection in (self._reader, self._writer):
            with suppress(Exception):
                connection.close()
        super().close()


def _insert_arrow(cur: duckdb.DuckDBPyConnection, name: str, rows: pa.Table) -> None:
    cur.register(_LOADED, rows)
    try:
        cur.execute(f"INSERT INTO {table_name(name)} BY NAME SELECT * FROM {_LOADED}")
    finally:
        cur.unregister(_LOADED)


def _writable(cur: duckdb.DuckDBPyConnection, held: dict[int, int]) -> dict[int, tuple]:
    """Inside the write's local transaction: each dataset's current version under the name
    writes use (readers outside it keep seeing `clients_<id>_v<n>`); the datasets' periods
    as they are before the write."""
    for dataset_id, version in held.items():
        cur.execute(f"ALTER TABLE {clients_table(dataset_id, version)} RENAME TO "
                    f"{clients_table(dataset_id)}")
    return _signatures(cur)


def _signatures(cur: duckdb.DuckDBPyConnection) -> dict[int, tuple]:
    """What says a dataset's clients changed: every write of clients adds or removes periods."""
    rows = cur.execute("SELECT d.dataset_id, list((p.period, p.rows, p.imported_at) ORDER BY p.period) "
                       "FROM datasets d LEFT JOIN dataset_periods p USING (dataset_id) "
                       "GROUP BY d.dataset_id").fetchall()
    return {int(i): tuple(map(tuple, periods or [])) for i, periods in rows}


def _drop_version(cur: duckdb.DuckDBPyConnection, dataset_id: int, version: int) -> None:
    cur.execute(f"DROP TABLE IF EXISTS {clients_table(dataset_id, version)}")
    prefix = f"scores_{int(dataset_id)}_v{int(version)}_"
    for (name,) in cur.execute("SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, ?)",
                               [prefix]).fetchall():
        cur.execute(f"DROP TABLE {table_name(name)}")


def _restart_ids(cur: duckdb.DuckDBPyConnection, next_id: int) -> None:
    """Dataset ids are handed out by PostgreSQL's `next_dataset_id`: this process's
    sequence starts there (a write takes the lock first, so no other takes the same)."""
    cur.execute("DROP SEQUENCE IF EXISTS dataset_ids")
    cur.execute(f"CREATE SEQUENCE dataset_ids START {int(next_id)}")
