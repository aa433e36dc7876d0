"""`import FILE [--dataset NAME] [--period P]`: store a client file as a dataset or a new period."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from portfolio.currency import CURRENCIES
from portfolio.cli.common import (UserError, add_map_option, column_map, file_problems_reported,
                                  report_warnings)
from portfolio.cli.db_option import add_db_option, opened_store
from portfolio.building.choices import Choices
from portfolio.building.owners import MODES
from portfolio.building.output import choices_path
from portfolio.i18n import t
from portfolio.importing import DONE, STORING, import_file
from portfolio.reading import ReadOptions
from portfolio.store.datasets import find_dataset

_SEPARATORS = {";": ";", ",": ",", "tab": "\t", "\\t": "\t"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="store a client file (CSV or XLSX) in the database",
        description="Read a client file by the data contract and store it as a new dataset "
                    "(named after the file), or as a new period of the dataset --dataset when "
                    "it exists. A problem in the file stops the import and changes nothing.")
    parser.add_argument("input", help="client file (.csv or .xlsx)")
    parser.add_argument("--dataset", help="dataset name: a new period of it when it exists, "
                                          "else a new dataset of that name")
    parser.add_argument("--period", help="period label for rows without one (default: today)")
    parser.add_argument("--sheet", help="Excel sheet name or 1-based number (default: the first)")
    parser.add_argument("--header-row", type=int, help="row number of the header (default: found)")
    parser.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "cp1252"),
                        help="file encoding (default: detected)")
    parser.add_argument("--separator", choices=sorted(_SEPARATORS),
                        help="CSV separator (default: detected)")
    parser.add_argument("--decimal", choices=(",", "."), help="decimal mark (default: detected)")
    parser.add_argument("--currency", type=str.upper, choices=list(CURRENCIES),
                        help="currency of a new dataset's amounts (default: the one sign its "
                             "amounts carry, such as $ or £, else EUR)")
    parser.add_argument("--shared", choices=MODES,
                        help="a client listed under several reps (a shared account): owned by "
                             "its main rep, the others listed in a team column, or one row per "
                             "rep with the potential split by each rep's share, as "
                             "build-clients --shared (default: refused, with the clients named)")
    parser.add_argument("--description",
                        help="what the dataset's clients are, kept with a new dataset (default: "
                             "the choices of the build beside the file, NAME.choices.json, "
                             "and how shared accounts were resolved)")
    add_map_option(parser)
    add_db_option(parser)
    parser.set_defaults(run=run)


def _options(args: argparse.Namespace) -> ReadOptions:
    mapped = column_map(args.map)
    sheet: str | int | None = args.sheet
    if sheet is not None and sheet.isdigit():
        sheet = int(sheet) - 1  # the user counts sheets from 1, the reader from 0
    return ReadOptions(encoding=args.encoding, separator=_SEPARATORS.get(args.separator),
                       decimal=args.decimal, header_row=args.header_row, sheet=sheet,
                       column_map=mapped)


def _progress(stage: str, fraction: float) -> None:
    # One line per stage: a script (or a person) watching stderr sees where it is.
    if stage == STORING and fraction > 0.6:
        return
    print(f"{stage}…" if stage != DONE else stage, file=sys.stderr, flush=True)


def _build_choices(path: Path) -> Choices | None:
    """The choices of the build that wrote the file (its sidecar), if it has one."""
    sidecar = choices_path(path)
    if not sidecar.is_file():
        return None
    try:
        return Choices.from_dict(json.loads(sidecar.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as error:
        print(t("building.choices_unreadable", path=str(sidecar), error=error), file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise UserError(f"error: file not found: {path}")
    options = _options(args)
    with opened_store(args, create=True) as store:
        existing = find_dataset(store, args.dataset) if args.dataset else None
        with file_problems_reported(path, "nothing was imported; the database is unchanged. "
                                          "Fix the problems above and run again."):
            outcome = import_file(
                store, path, options=options, period=args.period, progress=_progress,
                dataset_id=existing.dataset_id if existing else None,
                dataset_name=None if existing else args.dataset, currency=args.currency,
                shared=args.shared, description=args.description, choices=_build_choices(path))
    report_warnings(path, outcome.warnings)
    what = "new dataset" if outcome.new_dataset else "dataset"
    periods = ", ".join(outcome.periods)
    print(f"Imported {outcome.rows} clients from {path.name} into {what} "
          f"{outcome.dataset_name!r} (period {periods}, amounts in {outcome.currency}).")
    return 0
