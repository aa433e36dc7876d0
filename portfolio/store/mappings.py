"""Header mappings the user chose, remembered for the next file with the same headers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime

import duckdb

from portfolio.contract import CANONICAL_NAMES
from portfolio.store.database import Store

_TABLE = "header_mappings"
_CREATE = f"""CREATE TABLE IF NOT EXISTS {_TABLE} (
    headers_key VARCHAR PRIMARY KEY,
    headers     VARCHAR[] NOT NULL,
    mapping     VARCHAR NOT NULL,
    updated_at  TIMESTAMP NOT NULL
)"""


def headers_key(headers: Iterable[str]) -> str:
    """A digest of the file's set of headers: same headers in any order, same key.

    Headers are compared trimmed but otherwise exactly, so a mapping chosen for
    one CRM export is not applied to a file whose headers merely look alike.
    """
    cleaned = sorted({str(h).strip() for h in headers})
    return hashlib.sha256("\x1f".join(cleaned).encode("utf-8")).hexdigest()


def remember_mapping(cur: duckdb.DuckDBPyConnection, headers: Iterable[str],
                     column_map: Mapping[str, str | None]) -> None:
    """Keep `column_map` for files with these headers (inside the caller's transaction).

    Only choices about headers of this file are kept, and only targets that are
    contract columns (or None, "keep as a custom column").
    """
    headers = [str(h) for h in headers]
    known = set(headers)
    kept = {h: t for h, t in column_map.items() if h in known and (t is None or t in CANONICAL_NAMES)}
    if not kept:
        return
    cur.execute(_CREATE)
    cur.execute(f"INSERT OR REPLACE INTO {_TABLE} VALUES (?, ?, ?, ?)",
                [headers_key(headers), sorted(set(h.strip() for h in headers)),
                 json.dumps(kept, ensure_ascii=False, sort_keys=True),
                 datetime.now().replace(microsecond=0)])


def save_mapping(store: Store, headers: Iterable[str], column_map: Mapping[str, str | None]) -> None:
    """`remember_mapping` in a transaction of its own."""
    with store.transaction() as cur:
        remember_mapping(cur, headers, column_map)


def recall_mapping(store: Store, headers: Iterable[str]) -> dict[str, str | None]:
    """The mapping remembered for exactly this set of headers ({} when none)."""
    with store.reading() as cur:
        if not cur.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?",
                           [_TABLE]).fetchone():
            return {}
        row = cur.execute(f"SELECT mapping FROM {_TABLE} WHERE headers_key = ?",
                          [headers_key(headers)]).fetchone()
    if row is None:
        return {}
    stored = json.loads(row[0])
    # A mapping saved by an older version may name a column the contract dropped.
    return {str(h): t for h, t in stored.items() if t is None or t in CANONICAL_NAMES}


def forget_mapping(store: Store, headers: Iterable[str]) -> None:
    """Drop the mapping remembered for this set of headers, if any."""
    with store.transaction() as cur:
        if cur.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?", [_TABLE]).fetchone():
            cur.execute(f"DELETE FROM {_TABLE} WHERE headers_key = ?", [headers_key(headers)])
