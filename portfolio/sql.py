"""Small helpers for building SQL safely: quoted, checked identifiers and bound values."""

from __future__ import annotations

import re
from typing import Iterable

_SAFE_TABLE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def quote_identifier(name: str) -> str:
    """Double-quote a column name for DuckDB; quotes inside the name are doubled.

    Callers pass only names they have checked against a table's real columns (or
    the data contract), so quoting is what keeps odd user headers such as
    `x"); DROP TABLE clients; --` inert.
    """
    return '"' + str(name).replace('"', '""') + '"'


def table_name(name: str) -> str:
    """A table name the code itself built (e.g. `clients_12`); refuses anything else."""
    if not _SAFE_TABLE.match(name):
        raise ValueError(f"not a table name this program builds: {name!r}")
    return name


class Fragment:
    """A piece of SQL and the values bound to its `?` placeholders, in order."""

    def __init__(self, sql: str = "", *params: object) -> None:
        self.sql = sql
        self.params: list[object] = list(params)

    def __repr__(self) -> str:
        return f"Fragment({self.sql!r}, params={self.params!r})"

    def add(self, sql: str, *params: object) -> "Fragment":
        self.sql += sql
        self.params.extend(params)
        return self

    def extend(self, other: "Fragment") -> "Fragment":
        self.sql += other.sql
        self.params.extend(other.params)
        return self


def joined(fragments: Iterable[Fragment], separator: str) -> Fragment:
    """Join fragments with a separator, keeping their parameters in order."""
    out = Fragment()
    for index, fragment in enumerate(fragments):
        if index:
            out.sql += separator
        out.extend(fragment)
    return out
