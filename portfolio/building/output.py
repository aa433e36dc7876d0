"""Write the client file (CSV, `,` and decimal point, UTF-8) and its choices beside it."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from portfolio.building.choices import Choices

CHOICES_SUFFIX = ".choices.json"


def choices_path(out: Path) -> Path:
    """clients.csv -> clients.choices.json, beside it."""
    return out.with_name(out.stem + CHOICES_SUFFIX)


def write_clients(con: duckdb.DuckDBPyConnection, sql: str, out: Path) -> int:
    """Write the rows of `sql` to `out`; the number of rows written."""
    # Here: `import` and `score` reach this module, and a command that writes no client
    # file loads no Arrow (tests/cli/test_score_command.py).
    import pyarrow.csv as pa_csv

    table = con.sql(sql).to_arrow_table()
    pa_csv.write_csv(table, str(out))
    return table.num_rows


def write_choices(choices: Choices, out: Path) -> Path:
    path = choices_path(out)
    path.write_text(json.dumps(choices.as_dict(), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return path
