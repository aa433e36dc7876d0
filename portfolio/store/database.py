"""The local DuckDB file: opening it, its schema, cursors and serialised transactions."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

DEFAULT_DB_PATH = Path(__file__).resolve().parents[2] / "data" / "portfolio.duckdb"  # see portfolio.settings

_SCHEMA = (
    "CREATE SEQUENCE IF NOT EXISTS dataset_ids START 1",
    """CREATE TABLE IF NOT EXISTS datasets (
        dataset_id  INTEGER PRIMARY KEY,
        name        VARCHAR NOT NULL UNIQUE,
        source      VARCHAR,
        imported_at TIMESTAMP NOT NULL,
        is_demo     BOOLEAN NOT NULL DEFAULT FALSE
    )""",
    """CREATE TABLE IF NOT EXISTS dataset_periods (
        dataset_id  INTEGER NOT NULL,
        period      VARCHAR NOT NULL,
        source      VARCHAR,
        imported_at TIMESTAMP NOT NULL,
        rows        BIGINT NOT NULL,
        PRIMARY KEY (dataset_id, period)
    )""",
)


class StoreBusy(Exception):
    """The database file is held by another process (DuckDB allows one writer)."""


class Store:
    """One DuckDB database owned by this process.

    Reads go through per-call cursors (each thread or session its own); writes are
    serialised by a lock and each runs in one explicit transaction, so a crash in
    the middle of an import leaves the previous data exactly as it was.
    """

    def __init__(self, path: str | Path = DEFAULT_DB_PATH):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(self.path)
        except duckdb.IOException as error:
            if "lock" in str(error).lower():
                raise StoreBusy(
                    f"The database {self.path} is open in another program (another copy of "
                    f"Portfolio Pilot or a command still running). Close it and try again."
                ) from error
            raise
        self._write_lock = threading.RLock()
        with self.transaction() as cur:
            for statement in _SCHEMA:
                cur.execute(statement)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for the caller's thread; close it when done."""
        return self._con.cursor()

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Serialised write transaction: all of it is committed, or none of it."""
        with self._write_lock:
            cur = self._con.cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                yield cur
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()

    def close(self) -> None:
        self._con.close()
