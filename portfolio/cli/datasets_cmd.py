"""`datasets [--rename OLD NEW | --delete NAME --yes] [--as EMAIL]`: list, rename or delete stored datasets."""

from __future__ import annotations

import argparse

from portfolio.access import Action, require
from portfolio.access.datasets import DatasetSight, visible_datasets
from portfolio.cli.as_option import acting_person, add_as_option, refusals_reported, visible_dataset_named
from portfolio.cli.common import UserError
from portfolio.cli.db_option import add_db_option, opened_store
from portfolio.store import guarded
from portfolio.store.datasets import DatasetNameTaken, InvalidDatasetName

HEADERS = ("name", "source", "imported at", "rows", "currency", "periods")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "datasets", help="list the stored datasets (or rename or delete one)",
        description="Print a table of the datasets: name, source file, import time, rows, currency, "
                    "periods. With --as, only the datasets and clients that person may see.")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="rename dataset OLD to NEW")
    action.add_argument("--delete", metavar="NAME",
                        help="delete dataset NAME and its scores (needs --yes)")
    parser.add_argument("--yes", action="store_true", help="confirm --delete")
    add_db_option(parser)
    add_as_option(parser)
    parser.set_defaults(run=run)


def table_lines(sights: list[DatasetSight]) -> list[str]:
    """The datasets as aligned text columns, headers first; rows are the clients the person sees."""
    rows = [HEADERS] + [(s.dataset.name, s.dataset.source or "",
                         s.dataset.imported_at.strftime("%Y-%m-%d %H:%M"), str(s.rows),
                         s.dataset.currency, ", ".join(s.dataset.periods)) for s in sights]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
            for row in rows]


def run(args: argparse.Namespace) -> int:
    if args.yes and not args.delete:
        raise UserError("error: --yes only confirms --delete NAME.")
    person = acting_person(args)
    with opened_store(args, create=False) as store, refusals_reported():
        if args.rename:
            old, new = args.rename
            dataset = visible_dataset_named(store, person, old).dataset
            try:
                guarded.rename_dataset(store, person, dataset.dataset_id, new)
            except (DatasetNameTaken, InvalidDatasetName) as error:
                raise UserError(f"error: {error}") from error
            print(f"Renamed {old!r} to {new!r}.")
            return 0
        if args.delete:
            dataset = visible_dataset_named(store, person, args.delete).dataset
            require(person, Action.DELETE, dataset)  # refused before asking to confirm
            if not args.yes:
                raise UserError(f"error: deleting {dataset.name!r} ({dataset.rows} rows) cannot be "
                                f"undone: run again with --yes to confirm.")
            guarded.delete_dataset(store, person, dataset.dataset_id)
            print(f"Deleted {dataset.name!r} ({dataset.rows} rows).")
            return 0
        sights = visible_datasets(store, person)
    if not sights:
        print("No dataset yet: import a client file with `python -m portfolio import FILE`."
              if person.local else "No dataset to show you.")
        return 0
    print("\n".join(table_lines(sights)))
    for sight in sights:
        if sight.refusal is not None:
            print(f"note: {sight.refusal.text()}")
    return 0
