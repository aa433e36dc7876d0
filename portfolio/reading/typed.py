"""The typed client rows of a reading: a SELECT over the staged rows, and what it returns.

The staged rows hold each cell's value as read (`v{j}`) with the flags the checks
need. Turning them into the client table's columns needs a few decisions that look
at a whole column (is a ratio column written in percent? is a custom column all
numbers?): the checks make them, this module writes the SELECT that applies them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import count
from typing import TYPE_CHECKING

import duckdb

from portfolio.contract import BY_NAME, CANONICAL_NAMES, Kind, header_says_percent
from portfolio.reading.header import ROW_COLUMN, ColumnPlan
from portfolio.reading.query import kind_of
from portfolio.reading.staging import Staging, numbered_sql
from portfolio.sql import quote_identifier

if TYPE_CHECKING:  # pandas is loaded only when rows are asked for as a frame
    import pandas as pd

MAX_COUNT = 1e15  # integer columns count things (visits, product families)
_ATTACHED = count(1)


@dataclass(frozen=True)
class Decisions:
    """What the whole-column rules decided, per column index."""

    percent_scale: Mapping[int, bool] = field(default_factory=dict)  # ratio columns
    numeric: Mapping[int, bool] = field(default_factory=dict)  # custom columns
    dropped: frozenset[int] = frozenset()  # unnamed custom columns with nothing in them


def is_percent(plan: ColumnPlan) -> str:
    """SQL: the ratio cell is a percentage by its own writing (a `%`, or a text cell
    under a header with `%`; an Excel number never is: 35 % in Excel holds 0.35)."""
    j = plan.index
    by_header = "true" if header_says_percent(plan.header) else "false"
    return f"(pct{j} OR ({by_header} AND NOT xl{j}))"


def scaled_ratio(plan: ColumnPlan, percent_scale: bool) -> str:
    """SQL: the ratio in 0–1 (percentages divided by 100)."""
    j = plan.index
    if percent_scale:
        return f"(v{j} / 100)"
    return f"(CASE WHEN {is_percent(plan)} THEN v{j} / 100 ELSE v{j} END)"


def whole_count(j: int) -> str:
    """SQL: the integer column's value when it is a whole count, else NULL."""
    return f"(CASE WHEN v{j} = floor(v{j}) AND abs(v{j}) <= {MAX_COUNT:.0f} THEN CAST(v{j} AS BIGINT) END)"


def derived_share(revenue: str, potential: str) -> str:
    """SQL: revenue / potential, capped at 1 when revenue is above the potential (the
    potential is then probably underestimated)."""
    return (f"(CASE WHEN {potential} > 0 AND {revenue} IS NOT NULL "
            f"THEN least({revenue} / {potential}, 1.0::DOUBLE) "
            f"WHEN {revenue} > {potential} THEN 1.0::DOUBLE END)")


def typed_columns(plans: Sequence[ColumnPlan], decisions: Decisions) -> dict[str, str]:
    """Column name → SQL over the numbered rows, in the client table's order
    (contract columns, then custom ones in file order; `source_row` is added apart)."""
    found: dict[str, str] = {}
    for plan in plans:
        j, kind = plan.index, kind_of(plan)
        if kind is None:
            if j not in decisions.dropped:
                found[plan.name] = f"num{j}" if decisions.numeric.get(j) else f"v{j}"
        elif kind is Kind.RATIO:
            found[plan.name] = scaled_ratio(plan, decisions.percent_scale.get(j, False))
        elif kind is Kind.INTEGER:
            found[plan.name] = whole_count(j)
        else:
            found[plan.name] = f"v{j}"
    if "revenue" in found and "potential" in found:
        derived = derived_share(found["revenue"], found["potential"])
        given = found.get("share_of_wallet")
        found["share_of_wallet"] = f"coalesce({given}, {derived})" if given else derived
    contract = [n for n in CANONICAL_NAMES if n in found]
    custom = [p.name for p in plans if p.contract is None and p.name in found]
    return {name: found[name] for name in contract + custom}


@dataclass(frozen=True)
class StagedRows:
    """The kept rows of a reading, typed, in their staging database."""

    staging: Staging
    first: int  # record number of the first row after the header
    with_skips: bool
    columns: Mapping[str, str]  # name → SQL, as `typed_columns` gives them
    count: int  # kept rows (blank ones are skipped)
    renames: Mapping[str, str] = field(default_factory=dict)  # stored under another name

    @property
    def names(self) -> list[str]:
        """The column names, as they will be stored."""
        return [self.renames.get(n, n) for n in self.columns] + [ROW_COLUMN]

    def renamed(self, renames: Mapping[str, str]) -> StagedRows:
        return replace(self, renames={**self.renames, **renames})

    def numbered(self, catalog: str = "") -> str:
        return numbered_sql(catalog, self.first, self.with_skips)

    def select(self, catalog: str = "", ordered: bool = False, limit: int | None = None) -> str:
        items = [f"{sql} AS {quote_identifier(self.renames.get(name, name))}"
                 for name, sql in self.columns.items()]
        items.append(ROW_COLUMN)
        sql = f"SELECT {', '.join(items)} FROM ({self.numbered(catalog)}) WHERE NOT blank"
        if ordered:
            sql += " ORDER BY pos"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return sql

    def frame(self, limit: int | None = None) -> pd.DataFrame:
        """The rows in file order as a pandas frame (the first `limit` when given)."""
        with self.staging.connect(read_only=True) as con:
            frame = con.sql(self.select(ordered=True, limit=limit)).df()
        return as_client_frame(frame)

    @contextmanager
    def attached(self, cur: duckdb.DuckDBPyConnection) -> Iterator[str]:
        """A FROM item reading the rows on `cur` (the store's transaction), while the
        staging database is attached to it read-only."""
        alias = quote_identifier(f"staged_rows_{next(_ATTACHED)}")
        with self.staging.lock:
            cur.execute(f"ATTACH $path AS {alias} (READ_ONLY)", {"path": str(self.staging.path)})
            try:
                yield f"({self.select(catalog=f'{alias}.main.')})"
            finally:
                cur.execute(f"DETACH {alias}")


def as_client_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the contract's pandas types: counts as nullable integers
    (DuckDB gives plain int64 when a count column has no empty cell)."""
    for name in frame.columns:
        spec = BY_NAME.get(name)
        if spec is not None and spec.kind is Kind.INTEGER:
            frame[name] = frame[name].astype("Int64")
        elif spec is not None and spec.kind is Kind.DATE:
            frame[name] = frame[name].astype("datetime64[us]")
    return frame


def empty_client_frame() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({ROW_COLUMN: pd.Series([], dtype="int64")})
