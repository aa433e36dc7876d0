"""Import a client file: read and validate it, then store it in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from portfolio.building.choices import Choices
from portfolio.building.shared_accounts import (SharedCount, count_shared, has_shared_problem,
                                               resolve_shared)
from portfolio.currency_check import UnknownCurrency, checked_currency
from portfolio.cleanup import remove_leftovers
from portfolio.faults import temporary_fault
from portfolio.importing.columns import storable_names
from portfolio.importing.description import import_description
from portfolio.memory import return_freed_memory
from portfolio.problems import Detail, InputError, Problem, detail
from portfolio.reading import ReadOptions, ReadResult, read_client_file
from portfolio.reading.options import Detected
from portfolio.settings import load_settings
from portfolio.store.database import Store
from portfolio.store.datasets import (ColumnTypeConflict, DatasetNameTaken, DatasetNotFound,
                                      Incoming, InvalidDatasetName, PeriodExists, free_name,
                                      get_dataset, insert_dataset, insert_period)
from portfolio.store.mappings import recall_mapping, remember_mapping

# Stages reported to `progress(stage, fraction)`, fraction of the whole import in 0–1.
READING, VALIDATING, STORING, DONE = "reading", "validating", "storing", "done"
Progress = Callable[[str, float], None]
Reader = Callable[[Path, ReadOptions], ReadResult]
# What the store refuses to write, each before writing anything.
_REFUSALS = (DatasetNameTaken, InvalidDatasetName, DatasetNotFound, PeriodExists,
             ColumnTypeConflict)
# Called inside the import's transaction with its cursor, the dataset id and the periods
# written, before anything is committed: a caller's checks and records, all or nothing.
Within = Callable[[duckdb.DuckDBPyConnection, int, tuple[str, ...]], None]


@dataclass(frozen=True)
class PreparedFile:
    """A file read for import, and the options that reading used.

    `options.column_map` includes a mapping remembered from an earlier file with the
    same headers (then `remembered` is True), so importing with `options` stores
    exactly what was previewed.
    """

    result: ReadResult
    options: ReadOptions
    remembered: bool
    # Clients the file lists under several reps (None: none), and how they were resolved
    # (`main`, `split`; None: not resolved, the file's duplicates stand as problems).
    shared_count: SharedCount | None = None
    shared: str | None = None


@dataclass(frozen=True)
class ImportOutcome:
    dataset_id: int
    dataset_name: str
    new_dataset: bool  # False when periods were added to an existing dataset
    periods: tuple[str, ...]
    rows: int
    warnings: tuple[Problem, ...]
    detected: Detected
    mapping: dict[str, str | None]
    currency: str = "EUR"  # the dataset's: every amount of it is in this currency


def upload_limit_bytes() -> int:
    """The largest file accepted, from the settings (PORTFOLIO_MAX_UPLOAD_MB)."""
    return load_settings().max_upload_mb * 1024 * 1024


def prepare_file(store: Store, path: str | Path, options: ReadOptions = ReadOptions(), *,
                 read: Reader = read_client_file, shared: str | None = None) -> PreparedFile:
    """Read and validate a file, applying the header mapping remembered for its headers
    when the caller chose none. Never raises for problems in the file.

    `read` is the reading function (the interface passes a cached one, so that a
    widget change does not read a large file again).
    `shared` (`main` or `split`) resolves the clients the file lists under several reps
    as `build-clients --shared` does (`portfolio.building.shared_accounts`): the rows
    then stored, previewed and checked are the resolved ones.
    """
    path = Path(path)
    # The reader refuses a file over the limit before reading its content.
    options = replace(options, max_bytes=options.max_bytes or upload_limit_bytes())
    with temporary_faults_raised():
        result = read(path, options)
    remembered = False
    if not options.column_map:
        mapping = recall_mapping(store, result.mapping)
        if mapping and not all(result.mapping.get(h) == t for h, t in mapping.items()):
            options, remembered = replace(options, column_map=mapping), True
            with temporary_faults_raised():
                result = read(path, options)
    return _shared_resolved(PreparedFile(result, options, remembered), read, shared)


def _shared_resolved(prepared: PreparedFile, read: Reader, shared: str | None) -> PreparedFile:
    """The file with its shared accounts counted, and resolved by `shared` when asked
    (the resolved file is written once beside the reading's rows, and read as any file)."""
    result = prepared.result
    if result.rows is None or not has_shared_problem(result.report.problems):
        return prepared
    count = count_shared(result.rows)
    if shared is None or not count.resolvable:
        return replace(prepared, shared_count=count)
    resolved = result.rows.staging.folder / f"shared-{shared}.csv"
    if not resolved.exists():
        resolve_shared(result.rows, shared, resolved)
    options = ReadOptions(max_bytes=prepared.options.max_bytes, limits=prepared.options.limits)
    with temporary_faults_raised():
        again = read(resolved, options)
    # How the user's file was read stays what the page shows and lets them correct.
    result = ReadResult(again.rows, again.report, result.detected, result.mapping)
    return replace(prepared, result=result, shared_count=count, shared=shared)


@contextmanager
def temporary_faults_raised() -> Iterator[None]:
    """A reading stopped by the temporary folder (full, gone, read-only) raises that
    fault, not an error of the file (`portfolio.faults.temporary_fault`)."""
    try:
        yield
    except (OSError, duckdb.Error) as error:
        fault = temporary_fault(error)
        if fault is None:
            raise
        raise fault from error


def import_file(store: Store, path: str | Path, *, options: ReadOptions = ReadOptions(),
                dataset_name: str | None = None, dataset_id: int | None = None,
                period: str | None = None, source: str | None = None,
                progress: Progress | None = None, within: Within | None = None,
                currency: str | None = None, shared: str | None = None,
                description: str | None = None, choices: Choices | None = None) -> ImportOutcome:
    """Import a client file as a new dataset (`dataset_name`, by default named after
    the file) or as new period(s) of the dataset `dataset_id`.

    Any blocking problem raises `InputError` carrying every problem found, and
    nothing is written. Otherwise everything is written in one transaction: a crash
    or a kill in the middle leaves the database as it was. `source` is the file name
    recorded with the dataset (the uploaded name when `path` is a temporary copy).
    `currency` is a new dataset's (by default the one sign its amounts carry, else EUR);
    a new period is in its dataset's currency. `shared` resolves the clients listed under
    several reps (see `prepare_file`); `description` says how the clients were made, by
    default the `choices` of the build that wrote the file and how shared accounts were
    resolved (`import_description`).
    """
    report = progress or _silent
    report(READING, 0.0)
    # What killed imports left in the temporary folder (the app does it at start).
    remove_leftovers(load_settings().leftover_hours)
    prepared = prepare_file(store, path, options, shared=shared)
    return store_prepared(store, prepared, source=source or Path(path).name,
                          dataset_name=dataset_name, dataset_id=dataset_id, period=period,
                          progress=report, within=within, currency=currency,
                          description=description or import_description(prepared, choices))


def store_prepared(store: Store, prepared: PreparedFile, *, source: str,
                   dataset_name: str | None = None, dataset_id: int | None = None,
                   period: str | None = None, progress: Progress | None = None,
                   within: Within | None = None, currency: str | None = None,
                   description: str | None = None) -> ImportOutcome:
    """The second half of `import_file`, for a file already read (and shown) by the caller.
    `description` (how the clients were made) is a new dataset's."""
    if dataset_name is not None and dataset_id is not None:
        raise ValueError("give dataset_name or dataset_id, not both")
    report = progress or _silent
    report(VALIDATING, 0.5)
    result = prepared.result
    renames, renamed = _storable(result)
    problems = [*result.report.problems, *renamed]
    if dataset_id is not None:
        if get_dataset(store, dataset_id) is None:
            problems.append(_destination_problem(
                detail("problems_import.no_dataset", number=dataset_id), "no_dataset"))
    else:
        dataset_name = dataset_name if dataset_name is not None else default_name(store, source)
        try:
            currency = checked_currency(currency or result.detected.currency)
        except UnknownCurrency as error:
            problems.append(_destination_problem(error.detail, "bad_option", "currency"))
    if any(p.blocking for p in problems) or result.rows is None:
        raise InputError(problems)
    rows = result.rows.renamed(renames)
    return_freed_memory()  # what reading freed, before the store's copy of the rows
    report(STORING, 0.6)
    try:
        with _space_reclaimed_on_failure(store), store.transaction() as cur, \
                rows.attached(cur) as relation:
            incoming = Incoming(relation, rows.names)
            report(STORING, 0.65)
            if dataset_id is None:
                new_id = insert_dataset(cur, incoming, name=dataset_name, source=source,
                                        period=period, currency=currency,
                                        description=description)
                periods = tuple(r[0] for r in cur.execute(
                    "SELECT period FROM dataset_periods WHERE dataset_id = ? ORDER BY period",
                    [new_id]).fetchall())
            else:
                new_id = dataset_id
                periods = insert_period(cur, dataset_id, incoming, source=source, period=period)
            if prepared.options.column_map:
                remember_mapping(cur, result.mapping, prepared.options.column_map)
            if within is not None:
                within(cur, new_id, periods)
            # Still inside the transaction: everything is written, nothing committed.
            report(STORING, 0.95)
    except _REFUSALS as error:
        code = {DatasetNameTaken: "name_taken", InvalidDatasetName: "bad_name",
                DatasetNotFound: "no_dataset", PeriodExists: "period_exists",
                ColumnTypeConflict: "column_type"}[type(error)]
        column = getattr(error, "column", "period" if code == "period_exists" else None)
        refusal = _destination_problem(_refusal_detail(error), code, column)
        raise InputError([*problems, refusal]) from error
    report(DONE, 1.0)
    stored = get_dataset(store, new_id)
    return ImportOutcome(
        dataset_id=new_id, dataset_name=stored.name if stored else str(dataset_name),
        new_dataset=dataset_id is None, periods=periods, rows=rows.count,
        warnings=tuple(p for p in problems if not p.blocking),
        detected=result.detected, mapping=dict(result.mapping),
        currency=stored.currency if stored else "EUR")


@contextmanager
def _space_reclaimed_on_failure(store: Store) -> Iterator[None]:
    """A copy that failed leaves the database file no larger than before
    (`Store.reclaim_space`). A refusal comes before any row is written, and leaves
    the file as it was to the byte."""
    try:
        yield
    except _REFUSALS:
        raise
    except BaseException:
        store.reclaim_space()
        raise


def file_problems(prepared: PreparedFile) -> list[Problem]:
    """Every problem of a file read for import, columns renamed for storage included
    (what `store_prepared` would report, short of problems with the destination)."""
    return [*prepared.result.report.problems, *_storable(prepared.result)[1]]


def _storable(result: ReadResult) -> tuple[dict[str, str], list[Problem]]:
    """The new names of the custom columns that would clash in the store, with a warning each."""
    return storable_names(result.rows.names if result.rows is not None else [])


def _silent(stage: str, fraction: float) -> None:
    """Progress reports nobody asked for."""


def _destination_problem(reason: Detail, code: str, column: str | None = None) -> Problem:
    return Problem.of(reason, code=code, column=column)


def _refusal_detail(error: Exception) -> Detail:
    """What the store refused, from the exception's attributes (its message is English
    only); the English is the exception's message, word for word."""
    if isinstance(error, DatasetNameTaken):
        return detail("problems_import.name_taken", name=repr(error.name))
    if isinstance(error, InvalidDatasetName):
        if not error.name:
            return detail("problems_import.name_empty")
        return detail("problems_import.name_too_long", limit=error.limit, length=len(error.name))
    if isinstance(error, DatasetNotFound):
        return detail("problems_import.dataset_not_found", number=error.dataset_id)
    if isinstance(error, PeriodExists):
        key = ("problems_import.period_exists" if len(error.periods) == 1
               else "problems_import.periods_exist")
        return detail(key, periods=", ".join(repr(p) for p in error.periods))
    return detail("problems_import.column_type", column=repr(error.column),
                  type=error.stored_type.lower(), value=repr(error.value))


def default_name(store: Store, source: str) -> str:
    """The file's name without extension; `name (2)`, `name (3)`… when taken."""
    return free_name(store, " ".join(Path(source).stem.split()) or "clients")
