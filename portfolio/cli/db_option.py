"""The `--db PATH` option of the commands that use the database, and opening it."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from portfolio.cli.common import UserError
from portfolio.settings import load_settings
from portfolio.store.database import Store, StoreBusy
from portfolio.store.datasets import Dataset, find_dataset, list_datasets


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database file (default: PORTFOLIO_DB or data/portfolio.duckdb)")


@contextmanager
def opened_store(args: argparse.Namespace, *, create: bool) -> Iterator[Store]:
    """The database named by --db (or the settings), closed afterwards.

    Commands that only read refuse a missing file rather than create an empty one.
    """
    path = Path(args.db) if args.db else load_settings().db_path
    if not create and not path.is_file():
        raise UserError(f"error: no database at {path}: import a client file first, "
                        f"or give the right file with --db.")
    try:
        store = Store(path)
    except StoreBusy as error:
        raise UserError(f"error: {error}") from error
    try:
        yield store
    finally:
        store.close()


def dataset_named(store: Store, name: str) -> Dataset:
    """The dataset called `name`, or a user error listing the names there are."""
    dataset = find_dataset(store, name)
    if dataset is None:
        names = ", ".join(repr(d.name) for d in list_datasets(store)) or "none"
        raise UserError(f"error: no dataset named {name!r}; the datasets are: {names}.")
    return dataset
