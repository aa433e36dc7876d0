"""Moving a team's data from one store to another (a DuckDB file to a shared PostgreSQL
database, or back): every dataset with its periods and clients, the audit log, objectives,
settings and column mappings, under the same ids; then counts and checksums compared."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from portfolio.problems import Refusal, detail
from portfolio.sql import table_name
from portfolio.store.database import Store, kept_tables
from portfolio.store.datasets import clients_table, list_datasets

_COPIED = "copied_rows"


class TargetNotEmpty(Refusal, ValueError):
    """The target store already holds datasets: a migration copies into an empty one."""

    def __init__(self, target: str, count: int):
        super().__init__(detail("problems_import.migrate_target_not_empty", place=target, count=count))


@dataclass(frozen=True)
class TableCheck:
    """One table as the source and the target hold it: rows and an order-free checksum."""

    table: str
    source_rows: int
    target_rows: int
    source_sum: int
    target_sum: int

    @property
    def equal(self) -> bool:
        return (self.source_rows, self.source_sum) == (self.target_rows, self.target_sum)


@dataclass(frozen=True)
class Migration:
    datasets: int
    checks: tuple[TableCheck, ...]

    @property
    def equal(self) -> bool:
        return all(check.equal for check in self.checks)


def migrate(source: Store, target: Store) -> Migration:
    """Copy everything `source` keeps into the empty `target` in one write, then compare
    each table in both (read back from the target as its readers will read it)."""
    datasets = list_datasets(source)
    found = list_datasets(target)
    if found:
        raise TargetNotEmpty(target.label, len(found))
    with source.reading() as src:
        kept = kept_tables(src)
        with target.transaction() as cur:
            for name, definition in kept:
                if name not in ("datasets", "dataset_periods"):
                    cur.execute(f"DROP TABLE IF EXISTS {table_name(name)}")
                    cur.execute(definition)
                _copy(src, f"SELECT * FROM {table_name(name)}", cur, name)
            for dataset in datasets:
                _copy(src, f"SELECT * FROM {dataset.table}", cur, clients_table(dataset.dataset_id),
                      create=True)
            highest = max((d.dataset_id for d in datasets), default=0)
            cur.execute("DROP SEQUENCE IF EXISTS dataset_ids")
            cur.execute(f"CREATE SEQUENCE dataset_ids START {highest + 1}")
    target.refresh(force=True)
    return Migration(len(datasets), tuple(compare(source, target)))


def compare(source: Store, target: Store) -> list[TableCheck]:
    """Each kept table and each dataset's clients, counted and summed in both stores."""
    with source.reading() as src, target.reading() as dst:
        tables = [(name, name) for name, _ in kept_tables(src)]
        targets = {d.dataset_id: d.table for d in list_datasets(target)}
        tables += [(d.table, targets.get(d.dataset_id, "")) for d in list_datasets(source)]
        checks = []
        for mine, theirs in tables:
            rows, total = _fingerprint(src, mine)
            found = _fingerprint(dst, theirs) if theirs else (0, 0)
            checks.append(TableCheck(mine, rows, found[0], total, found[1]))
    return checks


def _copy(src: duckdb.DuckDBPyConnection, query: str, cur: duckdb.DuckDBPyConnection,
          table: str, *, create: bool = False) -> None:
    """The rows of `query` in `src` into `table` of the target (made from them if `create`:
    Arrow keeps DuckDB's types both ways)."""
    rows = src.sql(query).to_arrow_table()
    cur.register(_COPIED, rows)
    try:
        cur.execute(f"CREATE TABLE {table_name(table)} AS SELECT * FROM {_COPIED}" if create else
                    f"INSERT INTO {table_name(table)} BY NAME SELECT * FROM {_COPIED}")
    finally:
        cur.unregister(_COPIED)


def _fingerprint(cur: duckdb.DuckDBPyConnection, table: str) -> tuple[int, int]:
    """Rows and the sum of the rows' hashes: equal whatever order the rows are stored in."""
    ((rows, total),) = cur.execute(
        f"SELECT count(*), coalesce(sum(hash(t))::HUGEINT, 0) FROM {table_name(table)} t").fetchall()
    return int(rows), int(total)
