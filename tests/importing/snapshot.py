"""What a database holds, as digests: to prove that a refused import changed nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from portfolio.store.opening import open_store
from portfolio.store.postgres import is_url


def file_digest(path: Path | str) -> str:
    """The file's bytes (a shared database has no file: every table is in `table_digests`)."""
    if is_url(str(path)):
        return str(path)
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def table_digests(path: Path, *, read_only: bool = True) -> dict[str, str]:
    """Every table's columns and full content (rows sorted), and every sequence's state.

    `read_only=False` when this process holds the file open already (a page under
    AppTest): DuckDB shares one open database per configuration. A shared database's
    tables are PostgreSQL's own, read by PostgreSQL (`shared_table_digests`).
    """
    if is_url(str(path)):
        return shared_table_digests(str(path))
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        out: dict[str, str] = {}
        tables = sorted(r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall())
        for table in tables:
            columns = con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                                  "WHERE table_name = ? ORDER BY column_index", [table]).fetchall()
            quoted = '"' + table.replace('"', '""') + '"'
            rows = con.execute(f"SELECT * FROM {quoted} ORDER BY ALL").fetchall()
            out[table] = hashlib.sha256(repr((columns, rows)).encode()).hexdigest()
        for name, value in con.execute(
                "SELECT sequence_name, last_value FROM duckdb_sequences()").fetchall():
            out[f"sequence {name}"] = repr(value)
        return out
    finally:
        con.close()


def shared_table_digests(url: str) -> dict[str, str]:
    """Every table PostgreSQL holds for the shared store, by content (rows sorted), under the
    name the store gives it: `kept_datasets` is `datasets`, a dataset's current version
    `clients_<id>`; and the store's generation."""
    import psycopg

    out: dict[str, str] = {}
    with psycopg.connect(url) as con:
        current = {f"clients_{i}_v{v}": f"clients_{i}" for i, v in
                   con.execute("SELECT dataset_id, version FROM current_versions").fetchall()}
        tables = sorted(r[0] for r in con.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall())
        for table in tables:
            rows = sorted(map(repr, con.execute(f'SELECT * FROM "{table}"').fetchall()))
            name = current.get(table) or (table[len("kept_"):] if table.startswith("kept_") else table)
            out[name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


def snapshot(path: Path | str) -> tuple[str, dict[str, str]]:
    """The file's bytes and its tables' content; the file is closed when this is taken."""
    return file_digest(path), table_digests(path)


def rows_of(path: Path | str, sql: str, params: list[object] | None = None, *,
            read_only: bool = True) -> list[tuple]:
    """The rows of `sql` on the store at `path`: a DuckDB file, or a shared store's working
    copy (where a dataset's clients are `Dataset.table`)."""
    if is_url(str(path)):
        store = open_store(str(path))
        try:
            with store.reading() as cur:
                return cur.execute(sql, params or []).fetchall()
        finally:
            store.close()
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
