"""Each client's potential: stated in a file, or estimated by the rule the user picked.

Stated, in this order of precedence: a potential file (client, potential), the
accounts file's potential column, the lines' potential column (its largest value for
the client). Estimated, for a client without a stated potential: `rate × base`, the
base an accounts column (the company's own revenue, its employees…), the rate the
one of the client's industry in a rates file, else the rule's own rate. An estimate
is never below our revenue with the client over the window: the client buys at least
what it buys from us.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from portfolio.building.bound import execute

CLIENT_POTENTIAL = "client_potential"
_RULE = re.compile(r"^\s*([^=]+?)\s*(?:=\s*([0-9]+(?:[.,][0-9]+)?(?:e-?[0-9]+)?))?\s*$",
                   re.IGNORECASE)


class BadRule(ValueError):
    """An estimate rule that cannot be read."""


@dataclass(frozen=True)
class EstimateRule:
    """potential = rate × base, `base` an accounts column (a role or a header)."""

    base: str
    rate: float | None  # None: only the industries of the rates file get an estimate

    @property
    def label(self) -> str:
        return f"{self.base} × {self.rate:g}" if self.rate is not None else f"{self.base} × rate"


def parse_rule(text: str) -> EstimateRule:
    match = _RULE.match(text or "")
    if not match:
        raise BadRule(text)
    rate = match.group(2)
    return EstimateRule(match.group(1), float(rate.replace(",", ".")) if rate else None)


@dataclass(frozen=True)
class PotentialSources:
    """SQL pieces naming where a stated potential and an estimate's inputs are."""

    file_table: str | None = None  # table (client, potential)
    accounts_table: str | None = None  # table with `client` and, maybe, `potential`
    accounts_potential: bool = False
    lines_potential: str | None = None  # SELECT client, potential FROM the kept lines
    base_column: str | None = None  # SQL column of the accounts table for the estimate
    rates_table: str | None = None  # table (industry, rate)
    default_rate: float | None = None


def build_potential(con: duckdb.DuckDBPyConnection, facts: str, sources: PotentialSources,
                    params: dict[str, object]) -> None:
    """Create `client_potential` (client, potential, potential_estimated) for the clients
    of table `facts` (client, revenue); potential NULL when nothing states or estimates it.
    `params` binds what the lines' SELECT names (the stage filter)."""
    stated, joins = [], []
    if sources.file_table:
        joins.append(f"LEFT JOIN (SELECT client, max(potential) AS potential FROM "
                     f"{sources.file_table} GROUP BY client) pf ON pf.client = c.client")
        stated.append("pf.potential")
    if sources.accounts_table:
        joins.append(f"LEFT JOIN {sources.accounts_table} a ON a.client = c.client")
        if sources.accounts_potential:
            stated.append("a.potential")
    if sources.lines_potential:
        joins.append(f"LEFT JOIN (SELECT client, max(potential) AS potential FROM "
                     f"({sources.lines_potential}) GROUP BY client) pl ON pl.client = c.client")
        stated.append("pl.potential")
    estimate = "CAST(NULL AS DOUBLE)"
    if sources.base_column and sources.accounts_table:
        rate = "CAST($default_rate AS DOUBLE)"
        if sources.rates_table:
            joins.append(f"LEFT JOIN {sources.rates_table} r ON lower(r.industry) = lower(a.industry)")
            rate = f"coalesce(r.rate, {rate})"
        raw = f"(a.{sources.base_column} * {rate})"
        # greatest() skips NULLs: without a base or a rate there is no estimate at all.
        estimate = f"(CASE WHEN {raw} IS NOT NULL THEN greatest({raw}, c.revenue, 0) END)"
    stated_sql = f"coalesce({', '.join(stated)})" if stated else "CAST(NULL AS DOUBLE)"
    execute(con, f"""
        CREATE OR REPLACE TABLE {CLIENT_POTENTIAL} AS
        SELECT c.client, coalesce({stated_sql}, {estimate}) AS potential,
               ({stated_sql} IS NULL AND {estimate} IS NOT NULL) AS potential_estimated
        FROM {facts} c {' '.join(joins)}""",
        {**params, "default_rate": sources.default_rate})
