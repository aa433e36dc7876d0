"""The audit log: who changed what in the store, and when; rows are only ever added and read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from portfolio.store.database import Store

# No function here updates or deletes a row, and nothing else in the product names the
# table (a test checks both): the log outlives the datasets it speaks of.
_CREATE = """CREATE TABLE IF NOT EXISTS audit_log (
    changed_at   TIMESTAMP NOT NULL,
    actor        VARCHAR NOT NULL,
    role         VARCHAR NOT NULL,
    action       VARCHAR NOT NULL,
    dataset_id   INTEGER,
    dataset_name VARCHAR,
    rows         BIGINT,
    periods      VARCHAR[],
    note         VARCHAR
)"""


@dataclass(frozen=True)
class AuditEntry:
    """One change: `actor` is the e-mail of the person who made it; `rows` the clients it
    wrote, removed or exported; `note` the name before a rename, or an export's file."""

    at: datetime
    actor: str
    role: str
    action: str
    dataset_id: int | None
    dataset_name: str | None
    rows: int | None
    periods: tuple[str, ...]
    note: str | None


def record(cur: duckdb.DuckDBPyConnection, *, actor: str, role: str, action: str,
           dataset_id: int | None = None, dataset_name: str | None = None, rows: int | None = None,
           periods: tuple[str, ...] = (), note: str | None = None) -> None:
    """Add an entry with the caller's cursor, inside the transaction of the change it records."""
    cur.execute(_CREATE)
    cur.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [datetime.now().replace(microsecond=0), actor, role, action, dataset_id,
                 dataset_name, rows, list(periods), note])


def audit_entries(store: Store) -> list[AuditEntry]:
    """Every entry, the latest first (callers check who may read them)."""
    with store.reading() as cur:
        if not cur.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = 'audit_log'").fetchall():
            return []  # nothing was ever changed through the guarded writes
        rows = cur.execute("SELECT changed_at, actor, role, action, dataset_id, dataset_name, rows, periods, "
                           "note FROM audit_log ORDER BY changed_at DESC, rowid DESC").fetchall()
    return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(r[7] or ()), r[8])
            for r in rows]
