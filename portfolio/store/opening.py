"""One setting chooses the store: a DuckDB file's path, or a shared PostgreSQL database's URL."""

from __future__ import annotations

from pathlib import Path

from portfolio.store.database import Store
from portfolio.store.postgres import is_url


def open_store(location: str | Path) -> Store:
    """The store at `location` (`PORTFOLIO_DB` or `--db`): a `postgresql://` URL opens the
    shared store (`portfolio.store.shared`), anything else the DuckDB file at that path."""
    if is_url(str(location)):
        from portfolio.store.shared import SharedStore  # its driver loads only when used

        return SharedStore(str(location))
    return Store(location)


def is_shared(location: str | Path) -> bool:
    """Whether `location` names a shared database (no file to check, no process holding it)."""
    return is_url(str(location))
