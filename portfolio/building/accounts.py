"""The side files' keys, and the accounts' other columns carried into the client file."""

from __future__ import annotations

import re

import duckdb

from portfolio.building.table_file import TableFile
from portfolio.contract import canonical_column
from portfolio.problems import Problem, detail
from portfolio.reading.issues import file_problem, row_problems
from portfolio.sql import quote_identifier

# The client file's own columns: an accounts column of that name is renamed.
OWN_COLUMNS = ("client_id", "client_name", "salesperson", "revenue", "potential",
               "potential_estimated", "product_families", "families_bought", "region",
               "industry", "revenue_previous", "growth", "orders", "last_purchase", "reps",
               "team", "original_client_id", "rep_share")
# Roles of the accounts file written under their own name (the rest are contract columns).
_CARRIED_ROLES = ("company_revenue", "employees")


def duplicate_keys(con: duckdb.DuckDBPyConnection, table: TableFile, key: str
                   ) -> list[tuple[str, Problem]]:
    """A key (client, product, industry) written on several rows of a side file."""
    name = quote_identifier(table.name)
    found = con.execute(
        f"SELECT source_row, {key} FROM {name} WHERE {key} IN "
        f"(SELECT {key} FROM {name} WHERE {key} IS NOT NULL GROUP BY {key} HAVING count(*) > 1) "
        f"ORDER BY source_row").fetchall()
    if not found:
        return []
    problems = row_problems([r[0] for r in found], table.header_of(key), "duplicate_key",
                            detail("building.duplicate_key", file=table.path.name),
                            [r[1] for r in found])
    return [(table.path.name, p) for p in problems]


def unknown_clients(con: duckdb.DuckDBPyConnection, table: TableFile, facts: str
                    ) -> list[tuple[str, Problem]]:
    """Clients of the lines that the accounts file does not hold (a warning)."""
    missing = [r[0] for r in con.execute(
        f"SELECT client FROM {facts} WHERE client NOT IN "
        f"(SELECT client FROM {quote_identifier(table.name)} WHERE client IS NOT NULL) "
        f"ORDER BY client").fetchall()]
    if not missing:
        return []
    return [(table.path.name, file_problem("unknown_client", detail(
        "building.clients_not_in_accounts", count=len(missing),
        clients=", ".join(repr(c) for c in missing[:10])), blocking=False))]


def output_name(header: str, taken: set[str]) -> str:
    """The accounts column's name in the client file: its header in snake_case, renamed
    `account_<name>` when the client file already has it or the contract would read it
    as one of the columns written here."""
    name = re.sub(r"[^0-9a-z]+", "_", header.casefold()).strip("_") or "column"
    if name in taken or name in OWN_COLUMNS or canonical_column(header) in OWN_COLUMNS:
        name = f"account_{name}"
    return name


def extra_columns(con: duckdb.DuckDBPyConnection, table: TableFile) -> list[str]:
    """SELECT items over the accounts (alias `a`): the company's revenue and employees,
    then every column matched to no role, as numbers when all their values are numbers."""
    items, taken = [], set()
    for role in _CARRIED_ROLES:
        if role in table.roles:
            items.append(f"a.{role} AS {role}")
            taken.add(role)
    others = list(table.others.items())
    if others:
        checks = ", ".join(f"count(x{j}) = count(x{j}_num)" for j, _ in others)
        numeric = con.execute(f"SELECT {checks} FROM {quote_identifier(table.name)}").fetchall()[0]
        for (j, header), is_number in zip(others, numeric):
            name = output_name(header, taken)
            taken.add(name)
            items.append(f"a.x{j}{'_num' if is_number else ''} AS {quote_identifier(name)}")
    return items
