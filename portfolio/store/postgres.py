"""PostgreSQL as the system of record of a shared store: its connection, its tables, and
how rows travel to and from it (Arrow, through the ADBC driver: no row is converted in
Python).

What PostgreSQL holds (created on first use, `SCHEMA`):

- `store_state`: one row; `generation` grows with every write, so a process knows in one
  cheap query whether it must load anything; `next_dataset_id` hands out dataset ids
  (never reused, even after a dataset is deleted).
- `kept_tables`: each table the store keeps (datasets, periods, the audit log, objectives,
  settings, column mappings) with its DuckDB definition; its rows are in `kept_<name>`.
- `client_versions`: each version of each dataset's clients, immutable once written, its
  rows in `clients_<id>_v<n>`; `current_versions` points at the version a dataset shows,
  flipped in the same transaction as the write that made it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from portfolio.faults import Fault, first_line

if TYPE_CHECKING:  # a command on a DuckDB file, which only asks `is_url`, never loads Arrow
    import pyarrow as pa

URL_PREFIXES = ("postgresql://", "postgres://")
# Every write takes this transaction-scoped advisory lock first: two imports from two
# processes run one after the other, each on the other's result, and both are kept.
WRITE_LOCK_KEY = 7_405_315_221
SCHEMA_LOCK_KEY = 7_405_315_222  # another key: a process opening never waits for an import

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS store_state (
        singleton       BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
        generation      BIGINT NOT NULL,
        next_dataset_id INTEGER NOT NULL)""",
    "INSERT INTO store_state VALUES (TRUE, 0, 1) ON CONFLICT DO NOTHING",
    """CREATE TABLE IF NOT EXISTS kept_tables (
        table_name TEXT PRIMARY KEY,
        definition TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS client_versions (
        dataset_id INTEGER NOT NULL,
        version    INTEGER NOT NULL,
        columns    TEXT NOT NULL,
        rows       BIGINT NOT NULL,
        written_at TIMESTAMP NOT NULL DEFAULT now(),
        PRIMARY KEY (dataset_id, version))""",
    """CREATE TABLE IF NOT EXISTS current_versions (
        dataset_id INTEGER PRIMARY KEY,
        version    INTEGER NOT NULL)""",
)


class SharedStoreUnreachable(Fault):
    """The shared database cannot be reached or refused the connection."""

    kind = "unreachable"


def is_url(location: str) -> bool:
    return str(location).startswith(URL_PREFIXES)


def shown_url(url: str) -> str:
    """The URL as a person or a log may see it: without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


def connect(url: str) -> Any:
    """An ADBC connection (DB-API, not in autocommit: every write is one transaction)."""
    import adbc_driver_postgresql.dbapi as dbapi  # loaded only for a shared store

    try:
        connection = dbapi.connect(url)
    except dbapi.Error as error:
        raise SharedStoreUnreachable(shown_url(url), first_line(error)) from error
    with connection.cursor() as cur:
        # Two processes starting at once would both create the tables: PostgreSQL's
        # CREATE TABLE IF NOT EXISTS is not safe against that, the lock makes it so.
        cur.execute("SELECT pg_advisory_xact_lock($1)", parameters=(SCHEMA_LOCK_KEY,))
        for statement in SCHEMA:
            cur.execute(statement)
    connection.commit()
    return connection


def driver_error() -> type[Exception]:
    import adbc_driver_postgresql.dbapi as dbapi

    return dbapi.Error


def fetch_table(cur: Any, sql: str, params: tuple = ()) -> pa.Table:
    cur.execute(sql, parameters=params or None)
    return cur.fetch_arrow_table()


def fetch_rows(cur: Any, sql: str, params: tuple = ()) -> list[tuple]:
    cur.execute(sql, parameters=params or None)
    return cur.fetchall()


def kept_copy(name: str) -> str:
    return f"kept_{name}"


def version_copy(dataset_id: int, version: int) -> str:
    return f"clients_{int(dataset_id)}_v{int(version)}"


def write_table(cur: Any, name: str, rows: pa.Table) -> None:
    """`rows` as the table `name` (replacing it), inside the connection's transaction."""
    cur.execute(f'DROP TABLE IF EXISTS "{name}"')
    cur.adbc_ingest(name, _ingestible(rows), mode="create")


def _ingestible(rows: pa.Table) -> pa.Table:
    """Arrow types PostgreSQL stores as they are: a column of nothing but nulls (DuckDB's
    NULL type) becomes text."""
    import pyarrow as pa

    fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f
              for f in rows.schema]
    return rows.cast(pa.schema(fields)) if fields != list(rows.schema) else rows


def columns_text(columns: list[tuple[str, str]]) -> str:
    return json.dumps(columns)


def columns_of(text: str) -> list[tuple[str, str]]:
    return [(name, kind) for name, kind in json.loads(text)]
