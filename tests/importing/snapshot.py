"""What a database holds, as digests: to prove that a refused import changed nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def table_digests(path: Path, *, read_only: bool = True) -> dict[str, str]:
    """Every table's columns and full content (rows sorted), and every sequence's state.

    `read_only=False` when this process holds the file open already (a page under
    AppTest): DuckDB shares one open database per configuration.
    """
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


def snapshot(path: Path) -> tuple[str, dict[str, str]]:
    """The file's bytes and its tables' content; the file is closed when this is taken."""
    return file_digest(path), table_digests(path)


def rows_of(path: Path, sql: str, params: list[object] | None = None, *,
            read_only: bool = True) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
