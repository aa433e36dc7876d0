"""`datasets [--rename OLD NEW | --delete NAME --yes]`: list, rename or delete stored datasets."""

from __future__ import annotations

import argparse

from portfolio.cli.common import UserError
from portfolio.cli.db_option import add_db_option, dataset_named, opened_store
from portfolio.store.datasets import (Dataset, DatasetNameTaken, InvalidDatasetName,
                                      delete_dataset, list_datasets, rename_dataset)

HEADERS = ("name", "source", "imported at", "rows", "periods")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "datasets", help="list the stored datasets (or rename or delete one)",
        description="Print a table of the datasets: name, source file, import time, rows, "
                    "periods.")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="rename dataset OLD to NEW")
    action.add_argument("--delete", metavar="NAME",
                        help="delete dataset NAME and its scores (needs --yes)")
    parser.add_argument("--yes", action="store_true", help="confirm --delete")
    add_db_option(parser)
    parser.set_defaults(run=run)


def table_lines(datasets: list[Dataset]) -> list[str]:
    """The datasets as aligned text columns, headers first."""
    rows = [HEADERS] + [(d.name, d.source or "", d.imported_at.strftime("%Y-%m-%d %H:%M"),
                         str(d.rows), ", ".join(d.periods)) for d in datasets]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
            for row in rows]


def run(args: argparse.Namespace) -> int:
    if args.yes and not args.delete:
        raise UserError("error: --yes only confirms --delete NAME.")
    with opened_store(args, create=False) as store:
        if args.rename:
            old, new = args.rename
            dataset = dataset_named(store, old)
            try:
                rename_dataset(store, dataset.dataset_id, new)
            except (DatasetNameTaken, InvalidDatasetName) as error:
                raise UserError(f"error: {error}") from error
            print(f"Renamed {old!r} to {new!r}.")
            return 0
        if args.delete:
            dataset = dataset_named(store, args.delete)
            if not args.yes:
                raise UserError(f"error: deleting {dataset.name!r} ({dataset.rows} rows) cannot be "
                                f"undone: run again with --yes to confirm.")
            delete_dataset(store, dataset.dataset_id)
            print(f"Deleted {dataset.name!r} ({dataset.rows} rows).")
            return 0
        datasets = list_datasets(store)
    if not datasets:
        print("No dataset yet: import a client file with `python -m portfolio import FILE`.")
        return 0
    print("\n".join(table_lines(datasets)))
    return 0
