"""What the commands share: the user-error type, loading inputs and writing outputs.

A command on a client file reads it by the same rules as an import, into a store of its
own in memory, and computes through the same `PortfolioView` as the pages: a figure a
command writes is the figure a page shows for the same data.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from portfolio.grid.loader import load_grid
from portfolio.grid.model import Grid
from portfolio.norms import Norms, check_norms_against_grid, load_norms
from portfolio.problems import ConfigError
from portfolio.settings import load_settings

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from portfolio.sql import Fragment

    from portfolio.problems import Problem
    from portfolio.view import PortfolioView

EXIT_USAGE = 2


class UserError(Exception):
    """Something the user can fix; `lines` are printed on standard error, exit code 2."""

    def __init__(self, *lines: str):
        self.lines = list(lines)
        super().__init__("\n".join(lines))


def add_file_arguments(parser: argparse.ArgumentParser, *, norms: bool = False) -> None:
    """The arguments of the commands that work on one client file: INPUT, --grid,
    --norms (when the command uses them), --period and --out."""
    parser.add_argument("input", help="client file (.csv or .xlsx)")
    parser.add_argument("--grid", help="scoring grid (YAML); default config/grids/default.yaml")
    if norms:
        parser.add_argument("--norms", help="norms (YAML); default config/norms.yaml")
    parser.add_argument("--period", help="period of the file to use when it holds several "
                                         "(default: the latest)")
    add_map_option(parser)
    parser.add_argument("--out",
                        help="output file: .csv, .xlsx or .parquet (CSV on stdout if absent)")


def add_map_option(parser: argparse.ArgumentParser) -> None:
    """`--map HEADER=COLUMN`, as on `import`: the file's header read as a contract column."""
    parser.add_argument("--map", action="append", default=[], metavar="HEADER=COLUMN",
                        help="read the file's column HEADER as contract column COLUMN "
                             "(COLUMN empty: keep it as a custom column); repeatable")


def column_map(items: Iterable[str]) -> dict[str, str | None]:
    """The headers `--map` names, each with its contract column (None: a custom column);
    a user error for an item that is not HEADER=COLUMN or names no contract column."""
    from portfolio.contract import CANONICAL_NAMES

    mapped: dict[str, str | None] = {}
    for item in items:
        header, sep, column = item.partition("=")
        if not sep or not header.strip():
            raise UserError(f"error: --map {item!r}: write HEADER=COLUMN, e.g. --map 'Code=client_id'")
        if column.strip() and column.strip() not in CANONICAL_NAMES:
            raise UserError(f"error: --map {item!r}: {column.strip()!r} is not a contract column; "
                            f"use one of {', '.join(CANONICAL_NAMES)}, or nothing after '='.")
        mapped[header.strip()] = column.strip() or None
    return mapped


@dataclass(frozen=True)
class FileInputs:
    """What a command on one client file works from: the file's portfolio under the grid."""

    view: PortfolioView
    norms: Norms | None = None


@contextmanager
def file_inputs(args: argparse.Namespace, *, norms: bool = False) -> Iterator[FileInputs]:
    """The inputs named by `add_file_arguments`, cheapest checks first: the output's
    extension, the grid and the norms are refused before the client file is read.
    The file's store is closed when the command is done with it."""
    check_output_path(args.out)
    mapped = column_map(getattr(args, "map", ()))
    grid = grid_from(args.grid)
    checked_norms = norms_from(args.norms, grid) if norms else None
    with file_view(args.input, grid, getattr(args, "period", None), mapped) as view:
        yield FileInputs(view, checked_norms)


@contextmanager
def file_view(path: str, grid: Grid, period: str | None = None,
              mapped: dict[str, str | None] | None = None) -> Iterator[PortfolioView]:
    """A client file's portfolio under `grid`, read by the data contract into a store in
    memory (`mapped`: headers read as the contract columns named, as `--map` says);
    warnings go to stderr, errors stop with every problem."""
    from portfolio.importing import import_file
    from portfolio.reading import ReadOptions
    from portfolio.store.database import Store
    from portfolio.view import PortfolioView

    file = Path(path)
    if not file.is_file():
        raise UserError(f"error: file not found: {file}")
    store = Store(":memory:")
    try:
        with file_problems_reported(file, "nothing was done; fix the rows above and run again."):
            outcome = import_file(store, file, dataset_name="input",
                                  options=ReadOptions(column_map=mapped or {}))
        report_warnings(file, outcome.warnings)
        view = PortfolioView.open(store, outcome.dataset_id, grid)
        if period is not None and period not in view.dataset.periods:
            raise UserError(f"error: {file.name} has no period {period!r}; its periods are: "
                            f"{', '.join(view.dataset.periods)}.")
        view = view.at_period(period)
        if len(view.dataset.periods) > 1:
            print(f"{file.name}: the file holds the periods {', '.join(view.dataset.periods)}; "
                  f"this is period {view.shown_period} (choose another with --period)",
                  file=sys.stderr)
        with config_errors_reported():  # the grid reads a text column with bands…
            view.scores_table()
        warn_unscorable(view, file.name)
        yield view
    finally:
        store.close()


@contextmanager
def file_problems_reported(file: Path, outcome: str) -> Iterator[None]:
    """Turn a file's blocking problems (InputError) into a user error: each problem with
    its row and column, then `outcome` (what was left undone)."""
    from portfolio.problems import InputError

    try:
        yield
    except InputError as error:
        raise UserError(*(f"{file.name}: {p.describe()}" for p in error.problems),
                        f"{file.name}: {outcome}") from error


def report_warnings(file: Path, warnings: Iterable[Problem]) -> None:
    """A file's warnings on standard error, one a line, with their row and column."""
    for problem in warnings:
        print(f"{file.name}: {problem.describe()}", file=sys.stderr)


def warn_unscorable(view: PortfolioView, where: str) -> None:
    """Name on stderr the grid criteria the data cannot score (as every page does)."""
    from portfolio.scoring.coverage import coverage_warning, unscorable_criteria

    warning = coverage_warning(view.grid, unscorable_criteria(view), "en")
    if warning:
        print(f"{where}: warning: {warning}", file=sys.stderr)


@contextmanager
def config_errors_reported() -> Iterator[None]:
    """Turn a grid or norms that cannot be used (ConfigError) into a user error."""
    try:
        yield
    except ConfigError as error:
        raise UserError(*(str(issue) for issue in error.issues)) from error


def grid_from(path: str | None) -> Grid:
    """The grid at `path`, or the shipped default grid."""
    grid_path = Path(path) if path else load_settings().default_grid
    if not grid_path.is_file():
        raise UserError(f"error: grid file not found: {grid_path}")
    with config_errors_reported():
        return load_grid(grid_path)


def norms_from(path: str | None, grid: Grid) -> Norms:
    """The norms at `path` (or the shipped ones), checked against `grid`."""
    norms_path = Path(path) if path else load_settings().norms_path
    if not norms_path.is_file():
        raise UserError(f"error: norms file not found: {norms_path}")
    with config_errors_reported():
        norms = load_norms(norms_path)
    issues = check_norms_against_grid(norms, grid)
    if issues:
        raise UserError(*(str(issue) for issue in issues))
    return norms


def check_output_path(path: str | None) -> None:
    """Refuse a bad output extension before any work is done."""
    if path is None:
        return
    from portfolio.tables_out import UnknownFormat, output_format

    try:
        output_format(path)
    except UnknownFormat as error:
        raise UserError(f"error: {error}") from error


def write_output(frame: pd.DataFrame, path: str | None) -> None:
    """Write a frame to `path` by its extension, or CSV on standard output (pandas: the
    demo's generated table, whose dates pandas writes as dates)."""
    from portfolio.tables_out import write_csv_stream, write_table

    if path is None:
        write_csv_stream(frame, sys.stdout)
        return
    try:
        write_table(frame, path)
    except OSError as error:
        raise UserError(f"error: cannot write {path}: {error.strerror or error}") from error


def write_query_output(cur: duckdb.DuckDBPyConnection, query: Fragment, path: str | None) -> None:
    """Write the rows of `query` to `path` by its extension, or CSV on standard output,
    by DuckDB (portfolio.table_copy): no frame of the rows is built."""
    from portfolio.table_copy import write_query

    if path is None:
        _to_stdout(cur, query)
        return
    try:
        write_query(cur, query, path)
    except OSError as error:
        raise UserError(f"error: cannot write {path}: {error.strerror or error}") from error


def write_computed_output(table: pd.DataFrame, path: str | None) -> None:
    """Write a table computed in memory (gaps per rep, a visit plan) as `write_query_output`
    writes a query: the same formats, cells and neutralisation."""
    import duckdb

    from portfolio.table_copy import frame_query

    with duckdb.connect() as con:
        write_query_output(con, frame_query(con, table), path)


def _to_stdout(cur: duckdb.DuckDBPyConnection, query: Fragment) -> None:
    import tempfile

    from portfolio.table_copy import write_query

    with tempfile.TemporaryDirectory(prefix="portfolio-out-") as folder:
        written = Path(folder) / "output.csv"
        write_query(cur, query, written)
        with open(written, encoding="utf-8", newline="") as source:
            while chunk := source.read(1 << 20):
                sys.stdout.write(chunk)
