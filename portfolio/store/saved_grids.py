"""Grids saved from the app, kept in the store beside their file, so that every app process
of a shared store finds them in its grids folder (`portfolio.store.shared`)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import duckdb

from portfolio.store.database import Store

_TABLE = "saved_grids"
_CREATE = f"""CREATE TABLE IF NOT EXISTS {_TABLE} (
    file_name VARCHAR PRIMARY KEY,
    text      VARCHAR NOT NULL,
    saved_by  VARCHAR NOT NULL,
    saved_at  TIMESTAMP NOT NULL
)"""


def keep_grid(cur: duckdb.DuckDBPyConnection, file_name: str, text: str, saved_by: str) -> None:
    """Keep a grid file's text as saved, inside the caller's transaction (its audit entry's)."""
    cur.execute(_CREATE)
    cur.execute(f"INSERT OR REPLACE INTO {_TABLE} VALUES (?, ?, ?, ?)",
                [file_name, text, saved_by, datetime.now().replace(microsecond=0)])


def write_saved_grids(store: Store, folder: Path) -> tuple[str, ...]:
    """Write into `folder` each grid saved in the store whose file is missing there, or older
    than the saving and different (saved over from another process); returns their names.

    A file changed by hand after the grid was saved is left as it is.
    """
    with store.reading() as cur:
        if not cur.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?", [_TABLE]).fetchall():
            return ()
        rows = cur.execute(f"SELECT file_name, text, saved_at FROM {_TABLE} ORDER BY file_name").fetchall()
    written = []
    for file_name, text, saved_at in rows:
        path = folder / Path(file_name).name
        if path.exists():
            current = path.read_text(encoding="utf-8", errors="replace")
            if current == text or datetime.fromtimestamp(path.stat().st_mtime) >= saved_at:
                continue
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.arriving")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)  # the whole file or none of it
        written.append(path.name)
    return tuple(written)
