"""Each signed-in person's own choices (active dataset, language), remembered across sessions.

Keyed by the person's folded e-mail, so that one person's choice never becomes what
another sees first; only a few short texts per person, written when a choice changes.
"""

from __future__ import annotations

from datetime import datetime

from portfolio.access.model import fold_email
from portfolio.store.database import Store

_TABLE = "person_preferences"
_CREATE = f"""CREATE TABLE IF NOT EXISTS {_TABLE} (
    email      VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    value      VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (email, name)
)"""
# The choices remembered; anything else is refused so that the table stays small.
NAMES = frozenset({"dataset", "language"})
MAX_VALUE_LENGTH = 200


def remember(store: Store, email: str, name: str, value: str) -> None:
    """Keep `value` as the person's choice `name` (one of NAMES)."""
    if name not in NAMES:
        raise ValueError(f"unknown preference {name!r}; expected one of {sorted(NAMES)}")
    with store.transaction() as cur:
        cur.execute(_CREATE)
        cur.execute(f"INSERT OR REPLACE INTO {_TABLE} VALUES (?, ?, ?, ?)",
                    [fold_email(email), name, str(value)[:MAX_VALUE_LENGTH],
                     datetime.now().replace(microsecond=0)])


def recall(store: Store, email: str) -> dict[str, str]:
    """The person's remembered choices ({} when none, or before anything was remembered)."""
    with store.reading() as cur:
        exists = cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?",
                             [_TABLE]).fetchone()[0]
        if not exists:
            return {}
        rows = cur.execute(f"SELECT name, value FROM {_TABLE} WHERE email = ?",
                           [fold_email(email)]).fetchall()
    return dict(rows)
