"""Run a statement with the named parameters it uses (DuckDB refuses unused ones)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import duckdb

_NAMED = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def execute(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, object] | None = None
            ) -> duckdb.DuckDBPyConnection:
    """`con.execute(sql, ...)` with the values of `params` that `sql` names as `$name`."""
    named = set(_NAMED.findall(sql))
    used = {k: v for k, v in (params or {}).items() if k in named}
    return con.execute(sql, used) if used else con.execute(sql)
