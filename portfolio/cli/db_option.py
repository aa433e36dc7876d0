"""The `--db PATH` option of the commands that use the database, and opening it."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from portfolio.cli.common import UserError
from portfolio.settings import load_settings
from portfolio.store.database import Store, StoreBusy
from portfolio.store.handoff import shared_store
from portfolio.store.opening import is_shared, open_store
from portfolio.store.datasets import Dataset, find_dataset, list_datasets


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database file, or the postgresql:// URL of a shared database "
                                     "(default: PORTFOLIO_DB or data/portfolio.duckdb)")


class HeldByAnotherProcess(UserError):
    """The database is open in another process: `main` hands the command to it when that
    process is the app server (`portfolio.store.handoff`), else says so."""

    def __init__(self, path: Path, error: StoreBusy):
        super().__init__(f"error: {error}")
        self.path = path


@contextmanager
def opened_store(args: argparse.Namespace, *, create: bool) -> Iterator[Store]:
    """The database named by --db (or the settings), closed afterwards.

    Commands that only read refuse a missing file rather than create an empty one. Run
    inside the app server (a command handed to it), the server's own store is used. A
    shared database is written by every process at once: nothing to hand over.
    """
    location = args.db or load_settings().database
    if is_shared(location):
        store = open_store(location)
        try:
            yield store
        finally:
            store.close()
        return
    path = Path(location)
    held = shared_store(path)
    if held is not None:
        yield held
        return
    if not create and not path.is_file():
        raise UserError(f"error: no database at {path}: import a client file first, "
                        f"or give the right file with --db.")
    try:
        store = Store(path)
    except StoreBusy as error:
        raise HeldByAnotherProcess(path, error) from error
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
