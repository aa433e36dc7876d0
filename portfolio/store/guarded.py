"""The store's writes made by a person: each refused unless their role allows it, and
recorded in the audit log in the same transaction as the change."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from portfolio.access import Action, Person, Role, require
from portfolio.access.rules import PermissionRefused, Refusal, scope_visibility
from portfolio.importing import service
from portfolio.importing.service import ImportOutcome, PreparedFile, Within
from portfolio.problems import detail
from portfolio.sql import Fragment
from portfolio.store.audit import AuditEntry, audit_entries, record
from portfolio.store.database import Store
from portfolio.store.saved_grids import keep_grid
from portfolio.store.datasets import (Dataset, clients_table, frame_rows, free_name, get_dataset,
                                      insert_dataset, insert_period, remove_dataset, set_name,
                                      table_columns)

if TYPE_CHECKING:
    import pandas as pd


def import_file(store: Store, person: Person, path: str | Path, *, dataset_id: int | None = None,
                **options: Any) -> ImportOutcome:
    """`portfolio.importing.service.import_file` by `person`: a new dataset, or new
    period(s) of dataset `dataset_id`; a director's file must hold only clients of its scope."""
    return service.import_file(store, path, dataset_id=dataset_id,
                               within=_import_recorder(store, person, dataset_id), **options)


def store_prepared(store: Store, person: Person, prepared: PreparedFile, *,
                   dataset_id: int | None = None, **options: Any) -> ImportOutcome:
    """`portfolio.importing.service.store_prepared` by `person` (the import page's second step)."""
    return service.store_prepared(store, prepared, dataset_id=dataset_id,
                                  within=_import_recorder(store, person, dataset_id), **options)


def create_dataset(store: Store, person: Person, frame: pd.DataFrame, *, name: str,
                   source: str | None = None, period: str | None = None) -> int:
    """`portfolio.store.datasets.create_dataset` by `person`; returns the new dataset's id."""
    require(person, Action.IMPORT)
    return _create(store, person, Action.IMPORT, frame, name=name, source=source, period=period)


def add_period(store: Store, person: Person, dataset_id: int, frame: pd.DataFrame, *,
               source: str | None = None, period: str | None = None) -> tuple[str, ...]:
    """`portfolio.store.datasets.add_period` by `person`; returns the periods added."""
    require(person, Action.ADD_PERIOD, get_dataset(store, dataset_id))
    with store.transaction() as cur, frame_rows(cur, frame) as incoming:
        periods = insert_period(cur, dataset_id, incoming, source=source, period=period)
        _record_stored(cur, person, Action.ADD_PERIOD, dataset_id, periods)
    return periods


def rename_dataset(store: Store, person: Person, dataset_id: int, name: str) -> None:
    require(person, Action.RENAME, get_dataset(store, dataset_id))
    with store.transaction() as cur:
        before = _dataset_name(cur, dataset_id)
        stored = set_name(cur, dataset_id, name)
        _record(cur, person, Action.RENAME, dataset_id, stored, note=before)


def delete_dataset(store: Store, person: Person, dataset_id: int) -> None:
    """Delete a dataset (final: callers ask to confirm); its entries in the log stay."""
    require(person, Action.DELETE, get_dataset(store, dataset_id))
    with store.transaction() as cur:
        name = _dataset_name(cur, dataset_id)
        ((rows,),) = cur.execute("SELECT coalesce(sum(rows), 0) FROM dataset_periods "
                                 "WHERE dataset_id = ?", [dataset_id]).fetchall()
        remove_dataset(cur, dataset_id)
        _record(cur, person, Action.DELETE, dataset_id, name, rows=int(rows))


def load_demo(store: Store, person: Person, variant: str = "default") -> int:
    """`portfolio.store.bootstrap.load_demo_dataset` by `person`; returns the demo's id."""
    # Imported here: the demo needs pandas, which an import from the command line never loads.
    from portfolio.demo.variants import demo_variant
    from portfolio.store.bootstrap import DEMO_VARIANT_NAMES

    chosen = demo_variant(variant)
    require(person, Action.LOAD_DEMO)
    return _create(store, person, Action.LOAD_DEMO, chosen.clients_frame(),
                   name=free_name(store, DEMO_VARIANT_NAMES[chosen.id]), source=chosen.source,
                   is_demo=True)


def add_demo_quarter_before(store: Store, person: Person, dataset: Dataset) -> str:
    """`portfolio.store.bootstrap.add_demo_quarter_before` by `person`."""
    from portfolio.demo import generate_demo
    from portfolio.demo.history import PREVIOUS_PERIOD, previous_quarter
    from portfolio.store.bootstrap import can_add_demo_quarter_before

    require(person, Action.ADD_PERIOD, dataset)
    if not can_add_demo_quarter_before(dataset):
        raise ValueError(f"dataset {dataset.name!r} is not the demo as loaded")
    add_period(store, person, dataset.dataset_id, previous_quarter(generate_demo()), source="demo",
               period=PREVIOUS_PERIOD)
    return PREVIOUS_PERIOD


def record_export(store: Store, person: Person, dataset: Dataset, rows: int,
                  file: str | None = None) -> None:
    """Note an export of `rows` clients of `dataset` by `person` (to `file`)."""
    require(person, Action.EXPORT, dataset)
    with store.transaction() as cur:
        _record(cur, person, Action.EXPORT, dataset.dataset_id, dataset.name, rows=rows, note=file)


def save_grid_file(store: Store, person: Person, text: str, folder: Path, file_name: str, *,
                   overwrite: bool = False) -> Path:
    """`portfolio.grid.saving.save_grid_text` by `person`, recorded in the audit log and
    kept in the store once the file is written (GridFileExists, ConfigError and OSError
    as there)."""
    from portfolio.grid.saving import save_grid_text

    require(person, Action.SAVE_GRID)
    path = save_grid_text(text, folder, file_name, overwrite=overwrite)
    with store.transaction() as cur:
        # Kept in the store too: every process of a shared store writes it into its folder.
        keep_grid(cur, file_name, text, person.email)
        _record(cur, person, Action.SAVE_GRID, None, None, note=file_name)
    return path


def read_audit(store: Store, person: Person) -> list[AuditEntry]:
    """The audit log, latest first, for the roles that may read it (admins and directors)."""
    require(person, Action.READ_AUDIT)
    return audit_entries(store)


def _import_recorder(store: Store, person: Person, dataset_id: int | None) -> Within:
    """Refuse the import unless `person` may make it; else what records it in its transaction."""
    action = Action.IMPORT if dataset_id is None else Action.ADD_PERIOD
    # A dataset that does not exist is the import's own refusal (with the file's problems).
    require(person, action, get_dataset(store, dataset_id) if dataset_id is not None else None)

    def within(cur: duckdb.DuckDBPyConnection, stored_id: int, periods: tuple[str, ...]) -> None:
        _record_stored(cur, person, action, stored_id, periods)
    return within


def _create(store: Store, person: Person, action: Action, frame: pd.DataFrame, *, name: str,
            source: str | None, period: str | None = None, is_demo: bool = False) -> int:
    with store.transaction() as cur, frame_rows(cur, frame) as incoming:
        dataset_id = insert_dataset(cur, incoming, name=name, source=source, period=period,
                                    is_demo=is_demo)
        periods = tuple(r[0] for r in cur.execute(
            "SELECT period FROM dataset_periods WHERE dataset_id = ? ORDER BY period",
            [dataset_id]).fetchall())
        _record_stored(cur, person, action, dataset_id, periods)
    return dataset_id


def _record_stored(cur: duckdb.DuckDBPyConnection, person: Person, action: Action, dataset_id: int,
                   periods: tuple[str, ...]) -> None:
    """Check and record rows just written as `periods` of a dataset, before they are committed."""
    _check_within_scope(cur, person, dataset_id, periods)
    ((rows, source),) = cur.execute(
        "SELECT coalesce(sum(rows), 0), any_value(source) FROM dataset_periods "
        "WHERE dataset_id = ? AND list_contains(?::VARCHAR[], period)",
        [dataset_id, list(periods)]).fetchall()
    _record(cur, person, action, dataset_id, _dataset_name(cur, dataset_id), rows=int(rows),
            periods=periods, note=source)


def _check_within_scope(cur: duckdb.DuckDBPyConnection, person: Person, dataset_id: int,
                        periods: tuple[str, ...]) -> None:
    """A director stores only clients of its scope: any other row refuses the whole write
    (raised inside the transaction, so nothing of it is kept)."""
    scope = person.scope
    if person.role is not Role.DIRECTOR or (scope is not None and scope.is_all):
        return
    table = clients_table(dataset_id)
    visibility = scope_visibility(scope, table_columns(cur, table)) if scope is not None else None
    # A table without the scope's column holds no client of the scope.
    condition = visibility.condition() if visibility is not None else Fragment("FALSE")
    # fetchall, not fetchone: a half-read result blocks the unregistering of the rows.
    ((outside,),) = cur.execute(
        f"SELECT count(*) FROM {table} WHERE list_contains(?::VARCHAR[], period) "
        f"AND NOT coalesce({condition.sql}, FALSE)", [list(periods), *condition.params]).fetchall()
    if outside:
        column = scope.column if scope is not None else ""
        values = ", ".join(scope.values) if scope is not None else ""
        raise PermissionRefused(Refusal(detail("access.outside_scope", count=int(outside),
                                               column=column, values=values)))


def _dataset_name(cur: duckdb.DuckDBPyConnection, dataset_id: int) -> str | None:
    found = cur.execute("SELECT name FROM datasets WHERE dataset_id = ?", [dataset_id]).fetchall()
    return found[0][0] if found else None


def _record(cur: duckdb.DuckDBPyConnection, person: Person, action: Action, dataset_id: int | None,
            dataset_name: str | None, *, rows: int | None = None, periods: tuple[str, ...] = (),
            note: str | None = None) -> None:
    record(cur, actor=person.email, role=person.role.value, action=action.value, dataset_id=dataset_id,
           dataset_name=dataset_name, rows=rows, periods=periods, note=note)
