"""The local DuckDB file: opening it, its schema, cursors and serialised transactions."""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Iterator

import duckdb

from portfolio.faults import Fault, StoreBusy, first_error, store_fault

__all__ = ["DEFAULT_DB_PATH", "Store", "StoreBusy"]

DEFAULT_DB_PATH = Path(__file__).resolve().parents[2] / "data" / "portfolio.duckdb"  # see portfolio.settings

# Columns added since the first databases were made: run on every DuckDB file opened, and
# on the tables a shared store loads from PostgreSQL (their definitions are the ones they
# were written with), so that a store made by an earlier version reads and writes as a new one.
UPGRADES = (
    # Datasets made before they had a currency: theirs are in euros.
    "ALTER TABLE datasets ADD COLUMN IF NOT EXISTS currency VARCHAR DEFAULT 'EUR'",
    # What made the clients (the choices of a build from sales lines, how shared accounts
    # were resolved): empty for a dataset imported before.
    "ALTER TABLE datasets ADD COLUMN IF NOT EXISTS description VARCHAR",
)

_SCHEMA = (
    "CREATE SEQUENCE IF NOT EXISTS dataset_ids START 1",
    """CREATE TABLE IF NOT EXISTS datasets (
        dataset_id  INTEGER PRIMARY KEY,
        name        VARCHAR NOT NULL UNIQUE,
        source      VARCHAR,
        imported_at TIMESTAMP NOT NULL,
        is_demo     BOOLEAN NOT NULL DEFAULT FALSE,
        currency    VARCHAR NOT NULL DEFAULT 'EUR',
        description VARCHAR
    )""",
    *UPGRADES,
    """CREATE TABLE IF NOT EXISTS dataset_periods (
        dataset_id  INTEGER NOT NULL,
        period      VARCHAR NOT NULL,
        source      VARCHAR,
        imported_at TIMESTAMP NOT NULL,
        rows        BIGINT NOT NULL,
        PRIMARY KEY (dataset_id, period)
    )""",
    # The version of each dataset's clients that this process holds, when the system of
    # record is a shared store (`portfolio.store.shared`); empty in a DuckDB file, whose
    # tables are the data itself.
    """CREATE TABLE IF NOT EXISTS dataset_versions (
        dataset_id  INTEGER PRIMARY KEY,
        version     INTEGER NOT NULL
    )""",
)
_SCRATCH = "space_reclaimed"  # made and dropped at once: see `Store.reclaim_space`
# What a database holds of its own that is not what it keeps: the clients (each dataset's,
# handled as such), derived scores, and the versions a shared store's process holds.
_NOT_KEPT = ("dataset_versions", _SCRATCH)
_NOT_KEPT_PREFIXES = ("clients_", "scores_")
_log = logging.getLogger(__name__)


def kept_tables(cur: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """The tables the store keeps beside the clients (datasets, periods, the audit log,
    objectives, settings, mappings, saved grids), each with its definition: what a shared
    store sends to PostgreSQL and a migration copies."""
    return [(r[0], r[1]) for r in cur.execute(
        "SELECT table_name, sql FROM duckdb_tables() WHERE NOT list_contains(?, table_name) "
        "AND NOT starts_with(table_name, ?) AND NOT starts_with(table_name, ?) "
        "ORDER BY table_name", [list(_NOT_KEPT), *_NOT_KEPT_PREFIXES]).fetchall()]


class Store:
    """One DuckDB database owned by this process.

    Reads go through per-call cursors (each thread or session its own); writes are
    serialised by a lock and each runs in one explicit transaction, so a crash in
    the middle of an import leaves the previous data exactly as it was.

    A fault of the machine (full disk, folder read-only or gone, file held by
    another program) is raised as a `portfolio.faults.Fault` that says so.
    """

    def __init__(self, path: str | Path = DEFAULT_DB_PATH):
        self.path = str(path)
        self._write_lock = threading.RLock()
        self._invalidated = False
        self._con = self._connect()
        with self.local_transaction() as cur:
            for statement in _SCHEMA:
                cur.execute(statement)

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            return duckdb.connect(self.path)
        except (OSError, duckdb.Error) as error:
            fault = store_fault(error, self.path)
            if fault is None:
                raise
            raise fault from error

    def _live(self) -> duckdb.DuckDBPyConnection:
        """The connection, opened again after a fatal error invalidated it (a checkpoint
        that found the disk full): DuckDB refuses all work on such a database until it
        is reopened, and reopening replays what was committed.

        Readers take the write lock only then: a long import must not hold them up.
        """
        if not self._invalidated:
            return self._con
        with self._write_lock:
            if self._invalidated:
                with suppress(duckdb.Error):
                    self._con.close()
                self._con = self._connect()
                self._invalidated = False
            return self._con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for the caller's thread; close it when done."""
        return self._live().cursor()

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._live().cursor()
        try:
            yield cur
        except duckdb.Error as error:
            self._note_invalidated(error)
            fault = store_fault(error, self.path)
            if fault is None:
                raise
            raise fault from error
        finally:
            with suppress(duckdb.Error):
                cur.close()

    def transaction(self):
        """Serialised write transaction of what the store keeps (datasets, periods, the
        audit log, objectives, settings): all of it is committed, or none of it.

        Here the system of record is this DuckDB file; a shared store (`portfolio.store.
        shared`) sends the same writes to PostgreSQL.
        """
        return self.local_transaction()

    def cache_transaction(self):
        """Write transaction of what is derived from the stored data and kept in this
        process's DuckDB only (the scores tables): recomputed when missing, never shared."""
        return self.local_transaction()

    def refresh(self, force: bool = False) -> bool:
        """Take what other processes wrote since the last call; whether anything changed.
        One process holds a DuckDB file, so there is nothing to take here."""
        return False

    @property
    def label(self) -> str:
        """Where the data is, as a user may be told it (no password)."""
        return self.path

    @contextmanager
    def local_transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Serialised write transaction: all of it is committed, or none of it.

        When it fails, the error raised is the first one: a ROLLBACK, or a DETACH in
        the body, that fails because the transaction is aborted already would
        otherwise hide the cause ("No space left on device") behind its own message.
        """
        with self._write_lock:
            cur = self._live().cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                yield cur
                cur.execute("COMMIT")
            except BaseException as error:
                first = first_error(error)
                self._note_invalidated(first)
                self._roll_back(cur)
                fault = store_fault(first, self.path) if isinstance(
                    first, (duckdb.Error, OSError)) else None
                if fault is not None:
                    raise fault from first
                if first is not error:
                    raise first from None
                raise
            finally:
                with suppress(duckdb.Error):
                    cur.close()

    def _roll_back(self, cur: duckdb.DuckDBPyConnection) -> None:
        try:
            cur.execute("ROLLBACK")
        except duckdb.Error as failed:
            # Nothing is left to undo (DuckDB ended the transaction on a failed COMMIT,
            # or a fatal error invalidated the database); the caller raises the cause.
            self._note_invalidated(failed)
            _log.info("ROLLBACK after a failed transaction: %s", failed)

    def _note_invalidated(self, error: BaseException) -> None:
        if isinstance(error, duckdb.FatalException) or "database has been invalidated" in str(error):
            self._invalidated = True

    def reclaim_space(self) -> None:
        """Give back to the disk what a rolled-back write left in the file.

        DuckDB writes a large insert's rows straight into the file; a rollback frees
        those blocks but keeps the file's size until a checkpoint truncates it, and a
        checkpoint runs only when something changed (a 3 MB file stayed at 10 MB after
        a refused 300,000-row import; a scratch table made and dropped brings it back).
        Best effort: a checkpoint refused (a reader still busy) leaves the file larger.
        """
        with self._write_lock:
            try:
                cur = self._live().cursor()
                try:
                    cur.execute(f"CREATE TABLE IF NOT EXISTS {_SCRATCH} (x INTEGER)")
                    cur.execute(f"DROP TABLE {_SCRATCH}")
                    cur.execute("CHECKPOINT")
                finally:
                    cur.close()
            except (duckdb.Error, Fault) as error:
                self._note_invalidated(error)
                _log.info("space not reclaimed: %s", error)

    def close(self) -> None:
        with suppress(duckdb.Error):
            self._con.close()
