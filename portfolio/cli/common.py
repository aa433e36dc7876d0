"""What the commands share: the user-error type, loading inputs and writing outputs."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from portfolio.grid.loader import load_grid
from portfolio.grid.model import Grid
from portfolio.norms import Norms, check_norms_against_grid, load_norms
from portfolio.problems import ConfigError
from portfolio.reading import read_client_file
from portfolio.settings import load_settings

if TYPE_CHECKING:
    import pandas as pd

EXIT_USAGE = 2


class UserError(Exception):
    """Something the user can fix; `lines` are printed on standard error, exit code 2."""

    def __init__(self, *lines: str):
        self.lines = list(lines)
        super().__init__("\n".join(lines))


def add_file_arguments(parser: argparse.ArgumentParser, *, norms: bool = False) -> None:
    """The arguments of the commands that work on one client file: INPUT, --grid,
    --norms (when the command uses them) and --out."""
    parser.add_argument("input", help="client file (.csv or .xlsx)")
    parser.add_argument("--grid", help="scoring grid (YAML); default config/grids/default.yaml")
    if norms:
        parser.add_argument("--norms", help="norms (YAML); default config/norms.yaml")
    parser.add_argument("--out",
                        help="output file: .csv, .xlsx or .parquet (CSV on stdout if absent)")


@dataclass(frozen=True)
class FileInputs:
    """What a command on one client file works from."""

    grid: Grid
    clients: pd.DataFrame
    norms: Norms | None = None


def file_inputs(args: argparse.Namespace, *, norms: bool = False) -> FileInputs:
    """The inputs named by `add_file_arguments`, cheapest checks first: the output's
    extension, the grid and the norms are refused before the client file is read."""
    check_output_path(args.out)
    grid = grid_from(args.grid)
    checked_norms = norms_from(args.norms, grid) if norms else None
    return FileInputs(grid, clients_from(args.input), checked_norms)


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


def clients_from(path: str) -> pd.DataFrame:
    """Read a client file by the data contract; warnings go to stderr, errors stop."""
    file = Path(path)
    if not file.is_file():
        raise UserError(f"error: file not found: {file}")
    result = read_client_file(file)
    for problem in result.report.warnings:
        print(f"{file.name}: {problem.describe()}", file=sys.stderr)
    if not result.report.ok:
        raise UserError(*(f"{file.name}: {p.describe()}" for p in result.report.errors),
                        f"{file.name}: nothing was scored; fix the rows above and run again.")
    return result.frame


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
    """Write to `path` by its extension, or CSV on standard output."""
    from portfolio.tables_out import write_csv_stream, write_table

    if path is None:
        write_csv_stream(frame, sys.stdout)
        return
    try:
        write_table(frame, path)
    except OSError as error:
        raise UserError(f"error: cannot write {path}: {error.strerror or error}") from error
