"""Datasets: each import is stored as a new dataset (or a new period of one), never overwritten."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

import duckdb

from portfolio.contract import COLUMNS, Kind
from portfolio.currency import DEFAULT_CURRENCY
from portfolio.currency_check import checked_currency
from portfolio.problems import Refusal, detail
from portfolio.sql import quote_identifier, table_name
from portfolio.store.database import Store
from portfolio.store.objectives import forget_objectives

if TYPE_CHECKING:  # an import stores rows from its staging database, without pandas
    import pandas as pd
    import pyarrow as pa

_SQL_TYPES = {
    Kind.TEXT: "VARCHAR", Kind.CATEGORY: "VARCHAR", Kind.NUMBER: "DOUBLE",
    Kind.RATIO: "DOUBLE", Kind.INTEGER: "INTEGER", Kind.DATE: "DATE",
}
# Columns every clients table has, whatever the file held: pages and scoring can
# rely on them (an absent optional column is simply empty).
BASE_COLUMNS: dict[str, str] = {c.name: _SQL_TYPES[c.kind] for c in COLUMNS}
BASE_COLUMNS["source_row"] = "BIGINT"
MAX_NAME_LENGTH = 120
_INCOMING = "incoming_frame"


@dataclass(frozen=True)
class Dataset:
    dataset_id: int
    name: str
    source: str | None
    imported_at: datetime
    is_demo: bool
    rows: int  # every period's clients together: what the database holds
    periods: tuple[str, ...]  # sorted, so the last is the latest
    period_rows: tuple[int, ...] = ()  # the clients of each period, in `periods` order
    currency: str = "EUR"  # ISO code: every amount of the dataset is in it
    version: int = 0  # of its clients in a shared store (each import makes one); 0 in a file
    description: str | None = None  # how its clients were made (a build's choices), as written

    @property
    def table(self) -> str:
        """The table of its clients, as this version holds them."""
        return clients_table(self.dataset_id, self.version)

    @property
    def latest_period(self) -> str | None:
        return self.periods[-1] if self.periods else None

    def clients_in(self, period: str | None = None) -> int:
        """The dataset's clients in `period` (None: the latest): its size as a person
        looking at one period counts it, not the rows of every period added up."""
        wanted = period or self.latest_period
        for name, rows in zip(self.periods, self.period_rows):
            if name == wanted:
                return rows
        return 0 if self.periods else self.rows

    @property
    def token(self) -> str:
        """What identifies the dataset's content in cache keys: a new period changes it."""
        return f"{self.dataset_id}:{self.version}:{self.rows}:{'|'.join(self.periods)}"


class DatasetNameTaken(Refusal, ValueError):
    """Another dataset already has this name."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(detail("problems_import.name_taken", name=repr(name)))


class InvalidDatasetName(Refusal, ValueError):
    """An empty or overlong dataset name (`name` as cleaned, `limit` the longest allowed)."""

    def __init__(self, name: str, limit: int = MAX_NAME_LENGTH):
        self.name, self.limit = name, limit
        super().__init__(detail("problems_import.name_too_long", limit=limit, length=len(name)) if name
                         else detail("problems_import.name_empty"))


class DatasetNotFound(Refusal, LookupError):
    """No dataset has this id (deleted meanwhile, or never existed)."""

    def __init__(self, dataset_id: int):
        self.dataset_id = dataset_id
        super().__init__(detail("problems_import.dataset_not_found", number=dataset_id))


class PeriodExists(Refusal, ValueError):
    """The dataset already holds one of the periods being added; nothing is overwritten."""

    def __init__(self, periods: list[str]):
        self.periods = tuple(periods)
        key = "problems_import.period_exists" if len(periods) == 1 else "problems_import.periods_exist"
        super().__init__(detail(key, periods=", ".join(repr(p) for p in periods)))


class ColumnTypeConflict(Refusal, ValueError):
    """A custom column holds text in the file where the dataset stores numbers or dates."""

    def __init__(self, column: str, stored_type: str, value: str):
        self.column, self.stored_type, self.value = column, stored_type, value
        super().__init__(detail("problems_import.column_type", column=repr(column),
                                type=stored_type.lower(), value=repr(value)))


def clients_table(dataset_id: int, version: int = 0) -> str:
    """The clients of a dataset: `clients_<id>` where writes change it, `clients_<id>_v<n>`
    for version n as a shared store's process holds it (a page that began on a version
    reads it to the end, while the next one is loaded beside it)."""
    suffix = f"_v{int(version)}" if version else ""
    return table_name(f"clients_{int(dataset_id)}{suffix}")


def _period_expression(columns: list[str]) -> str:
    """The row's period: its `period` cell, or the bound default when that is empty."""
    source = 'CAST("period" AS VARCHAR)' if "period" in columns else "NULL"
    return f"coalesce(nullif(trim({source}), ''), ?)"


def _select_for_table(columns: list[str], default_period: str,
                      stored_types: dict[str, str] | None = None) -> str:
    """SELECT list casting the incoming columns to the stored types; absent ones are NULL.

    `stored_types` (lower-cased name → type) are the types of an existing table,
    which custom columns are cast to when a period is added.
    """
    parts = []
    for name, sql_type in BASE_COLUMNS.items():
        column = quote_identifier(name)
        if name == "period":
            parts.append(f"{_period_expression(columns)} AS {column}")
        elif name in columns:
            parts.append(f"CAST({column} AS {sql_type}) AS {column}")
        else:
            parts.append(f"CAST(NULL AS {sql_type}) AS {column}")
    for name in columns:
        if name in BASE_COLUMNS:
            continue
        column = quote_identifier(name)
        stored = (stored_types or {}).get(name.lower())
        parts.append(f"CAST({column} AS {stored}) AS {column}" if stored else column)
    return ", ".join(parts)


@dataclass(frozen=True)
class Incoming:
    """Client rows to store: a FROM item the transaction's cursor reads, and its columns
    (contract columns by their contract name, custom ones by theirs)."""

    relation: str
    columns: list[str]


@contextmanager
def frame_rows(cur: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> Iterator[Incoming]:
    """A validated client frame as rows to store, while the cursor has it registered."""
    cur.register(_INCOMING, _as_arrow(frame))
    try:
        yield Incoming(_INCOMING, list(frame.columns))
    finally:
        cur.unregister(_INCOMING)


def create_dataset(store: Store, frame: pd.DataFrame, *, name: str, source: str | None = None,
                   period: str | None = None, is_demo: bool = False,
                   currency: str = DEFAULT_CURRENCY) -> int:
    """Store a validated client frame as a new dataset, in one transaction; returns its id."""
    with store.transaction() as cur, frame_rows(cur, frame) as incoming:
        return insert_dataset(cur, incoming, name=name, source=source, period=period,
                              is_demo=is_demo, currency=currency)


def insert_dataset(cur: duckdb.DuckDBPyConnection, incoming: Incoming, *, name: str,
                   source: str | None = None, period: str | None = None,
                   is_demo: bool = False, currency: str = DEFAULT_CURRENCY,
                   description: str | None = None) -> int:
    """`create_dataset` inside the caller's open transaction (an import adds more to it);
    `description` says how the clients were made (kept as written, empty when blank)."""
    name = _checked_name(name)
    currency = checked_currency(currency)
    default_period = period or date.today().isoformat()
    if _exists(cur, "SELECT 1 FROM datasets WHERE name = ?", [name]):
        raise DatasetNameTaken(name)
    dataset_id = cur.execute("SELECT nextval('dataset_ids')").fetchone()[0]
    now = datetime.now().replace(microsecond=0)
    description = (description or "").strip() or None
    cur.execute("INSERT INTO datasets (dataset_id, name, source, imported_at, is_demo, currency, "
                "description) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [dataset_id, name, source, now, is_demo, currency, description])
    _bulk_write(cur)
    table = clients_table(dataset_id)
    cur.execute(f"CREATE TABLE {table} AS SELECT "
                f"{_select_for_table(incoming.columns, default_period)} FROM {incoming.relation}",
                [default_period])
    cur.execute(f"INSERT INTO dataset_periods SELECT ?, period, ?, ?, count(*) FROM {table} "
                f"GROUP BY period", [dataset_id, source, now])
    return int(dataset_id)


def _bulk_write(cur: duckdb.DuckDBPyConnection) -> None:
    """Let this cursor store rows in any order (about twice as fast for a large import)
    and flush every row group to disk as soon as it is full (DuckDB buffers five by
    default: about 115 MB less at the peak of a 1M-row import).

    Stored order carries no meaning (queries order explicitly; `source_row` keeps the
    file's order), and the settings are the cursor's own, so other sessions keep theirs.
    """
    cur.execute("SET SESSION preserve_insertion_order = false")
    cur.execute("SET SESSION write_buffer_row_group_count = 1")


def add_period(store: Store, dataset_id: int, frame: pd.DataFrame, *, source: str | None = None,
               period: str | None = None) -> tuple[str, ...]:
    """Append a validated client frame to a dataset as new period(s), in one transaction.

    The periods come from the frame's `period` column, `period` filling its empty
    cells (today's date when neither is given). A period the dataset already holds
    is refused (`PeriodExists`), never overwritten. Returns the periods added.
    """
    with store.transaction() as cur, frame_rows(cur, frame) as incoming:
        return insert_period(cur, dataset_id, incoming, source=source, period=period)


def insert_period(cur: duckdb.DuckDBPyConnection, dataset_id: int, incoming: Incoming, *,
                  source: str | None = None, period: str | None = None) -> tuple[str, ...]:
    """`add_period` inside the caller's open transaction."""
    if not _exists(cur, "SELECT 1 FROM datasets WHERE dataset_id = ?", [dataset_id]):
        raise DatasetNotFound(dataset_id)
    default_period = period or date.today().isoformat()
    table = clients_table(dataset_id)
    _bulk_write(cur)
    periods = _incoming_periods(cur, incoming, default_period)
    taken = [r[0] for r in cur.execute(
        "SELECT period FROM dataset_periods WHERE dataset_id = ? "
        "AND list_contains(?::VARCHAR[], period) ORDER BY period",
        [dataset_id, list(periods)]).fetchall()]
    if taken:
        raise PeriodExists(taken)
    stored = dict(cur.execute(
        "SELECT lower(column_name), data_type FROM duckdb_columns() WHERE table_name = ?",
        [table]).fetchall())
    incoming_types = {name: str(dtype) for name, dtype, *_ in
                      cur.execute(f"DESCRIBE SELECT * FROM {incoming.relation}").fetchall()}
    custom = [c for c in incoming.columns if c not in BASE_COLUMNS]
    _check_custom_types(cur, incoming.relation, custom, stored, incoming_types)
    for column in custom:
        if column.lower() not in stored:
            # A column this period brings: earlier periods simply have it empty.
            cur.execute(f"ALTER TABLE {table} ADD COLUMN {quote_identifier(column)} "
                        f"{incoming_types[column]}")
    select = _select_for_table(incoming.columns, default_period, stored_types=stored)
    cur.execute(f"INSERT INTO {table} BY NAME SELECT {select} FROM {incoming.relation}",
                [default_period])
    now = datetime.now().replace(microsecond=0)
    cur.execute("INSERT INTO dataset_periods SELECT ?, period, ?, ?, count(*) FROM "
                f"{table} WHERE list_contains(?::VARCHAR[], period) GROUP BY period",
                [dataset_id, source, now, list(periods)])
    # Scores kept for this dataset were computed without the new rows.
    _drop_scores(cur, dataset_id)
    return periods


def rename_dataset(store: Store, dataset_id: int, name: str) -> None:
    """Give a dataset a new name, unique among datasets."""
    with store.transaction() as cur:
        set_name(cur, dataset_id, name)


def set_name(cur: duckdb.DuckDBPyConnection, dataset_id: int, name: str) -> str:
    """`rename_dataset` inside the caller's open transaction; returns the name as stored."""
    name = _checked_name(name)
    if not _exists(cur, "SELECT 1 FROM datasets WHERE dataset_id = ?", [dataset_id]):
        raise DatasetNotFound(dataset_id)
    if _exists(cur, "SELECT 1 FROM datasets WHERE name = ? AND dataset_id <> ?",
               [name, dataset_id]):
        raise DatasetNameTaken(name)
    cur.execute("UPDATE datasets SET name = ? WHERE dataset_id = ?", [name, dataset_id])
    return name


def set_currency(cur: duckdb.DuckDBPyConnection, dataset_id: int, currency: str) -> str:
    """The currency of a dataset's amounts, corrected (the amounts are not converted: they
    were in that currency all along); returns the code as stored."""
    currency = checked_currency(currency)
    if not _exists(cur, "SELECT 1 FROM datasets WHERE dataset_id = ?", [dataset_id]):
        raise DatasetNotFound(dataset_id)
    cur.execute("UPDATE datasets SET currency = ? WHERE dataset_id = ?", [currency, dataset_id])
    return currency


def delete_dataset(store: Store, dataset_id: int) -> None:
    """Delete a dataset, its clients table and its scores, all at once.

    Deleting is final: callers ask the user to confirm first.
    """
    with store.transaction() as cur:
        remove_dataset(cur, dataset_id)


def remove_dataset(cur: duckdb.DuckDBPyConnection, dataset_id: int) -> None:
    """`delete_dataset` inside the caller's open transaction."""
    if not _exists(cur, "SELECT 1 FROM datasets WHERE dataset_id = ?", [dataset_id]):
        raise DatasetNotFound(dataset_id)
    _drop_scores(cur, dataset_id)
    forget_objectives(cur, dataset_id)
    cur.execute(f"DROP TABLE IF EXISTS {clients_table(dataset_id)}")
    cur.execute("DELETE FROM dataset_periods WHERE dataset_id = ?", [dataset_id])
    cur.execute("DELETE FROM datasets WHERE dataset_id = ?", [dataset_id])


def _as_arrow(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The frame as Arrow, which DuckDB scans faster than pandas (pandas strings are
    Arrow already, so this copies little); the frame itself if a column will not convert."""
    import pyarrow as pa  # here: a file read into the store never loads it

    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame


def _exists(cur: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> bool:
    # fetchall, not fetchone: a half-read result blocks `register` on this cursor.
    return bool(cur.execute(sql, params).fetchall())


def _checked_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned or len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidDatasetName(cleaned)
    return cleaned


def _incoming_periods(cur: duckdb.DuckDBPyConnection, incoming: Incoming,
                      default_period: str) -> tuple[str, ...]:
    source = _period_expression(incoming.columns)
    rows = cur.execute(f"SELECT DISTINCT {source} AS p FROM {incoming.relation} ORDER BY p",
                       [default_period]).fetchall()
    return tuple(r[0] for r in rows)


def _check_custom_types(cur: duckdb.DuckDBPyConnection, relation: str, custom: list[str],
                        stored: dict[str, str], incoming: dict[str, str]) -> None:
    """Refuse a file whose custom column holds text where the dataset stores numbers."""
    for column in custom:
        stored_type = stored.get(column.lower())
        if stored_type is None or stored_type == "VARCHAR" or stored_type == incoming[column]:
            continue
        quoted = quote_identifier(column)
        lost = f"TRY_CAST({quoted} AS {stored_type}) IS NULL"
        if incoming[column] != "VARCHAR":
            # 2.5 into an integer column casts without error but is not 2.5 any more.
            lost += (f" OR CAST(TRY_CAST({quoted} AS {stored_type}) AS {incoming[column]})"
                     f" IS DISTINCT FROM {quoted}")
        bad = cur.execute(f"SELECT {quoted} FROM {relation} WHERE {quoted} IS NOT NULL AND "
                          f"({lost}) LIMIT 1").fetchall()
        if bad:
            raise ColumnTypeConflict(column, stored_type, str(bad[0][0]))


def _drop_scores(cur: duckdb.DuckDBPyConnection, dataset_id: int) -> None:
    prefix = f"scores_{int(dataset_id)}_"
    names = [r[0] for r in cur.execute(
        "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, ?)",
        [prefix]).fetchall()]
    for name in names:
        cur.execute(f"DROP TABLE {table_name(name)}")


def list_datasets(store: Store) -> list[Dataset]:
    with store.reading() as cur:
        rows = cur.execute("""
            SELECT d.dataset_id, d.name, d.source, d.imported_at, d.is_demo,
                   coalesce(sum(p.rows), 0), list(p.period ORDER BY p.period),
                   list(p.rows ORDER BY p.period), coalesce(d.currency, 'EUR'),
                   coalesce(any_value(v.version), 0), d.description
            FROM datasets d LEFT JOIN dataset_periods p USING (dataset_id)
                 LEFT JOIN dataset_versions v USING (dataset_id)
            GROUP BY ALL ORDER BY d.imported_at, d.dataset_id""").fetchall()
    return [Dataset(int(r[0]), r[1], r[2], r[3], bool(r[4]), int(r[5]),
                    tuple(p for p in r[6] if p is not None),
                    tuple(int(n) for p, n in zip(r[6], r[7]) if p is not None), r[8], int(r[9]),
                    r[10])
            for r in rows]


def free_name(store: Store, base: str) -> str:
    """`base`, or `base (2)`, `base (3)`… when a dataset already has that name."""
    taken = {d.name for d in list_datasets(store)}
    name, n = base, 2
    while name in taken:
        name, n = f"{base} ({n})", n + 1
    return name


def get_dataset(store: Store, dataset_id: int) -> Dataset | None:
    return next((d for d in list_datasets(store) if d.dataset_id == dataset_id), None)


def find_dataset(store: Store, name: str) -> Dataset | None:
    return next((d for d in list_datasets(store) if d.name == name), None)


def table_columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = cur.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                       "ORDER BY column_index", [table]).fetchall()
    return [r[0] for r in rows]
