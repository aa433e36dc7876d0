"""`export --dataset NAME --out FILE`: a dataset's scored clients as CSV or XLSX."""

from __future__ import annotations

import argparse
import os

from portfolio.cli.as_option import acting_person, add_as_option, refusals_reported
from portfolio.cli.common import UserError, grid_from
from portfolio.cli.dataset_view import person_view
from portfolio.cli.db_option import add_db_option, opened_store
from portfolio.i18n import LANGUAGES, language_from_locale


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write a dataset's scored clients to CSV or XLSX",
        description="One row per client: its columns, attractiveness, QRC, segment and action "
                    "(in --lang), and each criterion's points under the criterion's label. "
                    "Text that a spreadsheet would run as a formula is neutralised.")
    parser.add_argument("--dataset", required=True, help="dataset name")
    parser.add_argument("--out", required=True, help="output file: .csv or .xlsx")
    parser.add_argument("--grid", help="scoring grid (YAML); default config/grids/default.yaml")
    parser.add_argument("--period", help="period to export (default: the latest)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="language of labels (default: from LANG, else en)")
    add_db_option(parser)
    add_as_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from portfolio.cli.common import warn_unscorable
    from portfolio.exporting import export_format, write_export
    from portfolio.store import guarded

    try:
        export_format(args.out)
    except ValueError as error:
        raise UserError(f"error: {error}") from error
    grid = grid_from(args.grid)
    lang = args.lang or language_from_locale(os.environ.get("LANG"))
    person = acting_person(args)
    with opened_store(args, create=False) as store:
        view = person_view(args, store, person, grid)
        dataset = view.dataset
        warn_unscorable(view, dataset.name)
        try:
            rows = write_export(view, args.out, lang)
        except ValueError as error:  # too many rows for an Excel sheet
            raise UserError(f"error: {error}") from error
        except OSError as error:  # a full disk is a Fault, said as such; nothing is left
            raise UserError(f"error: cannot write {args.out}: {error.strerror or error}") from error
        if not person.local:
            with refusals_reported():
                guarded.record_export(store, person, dataset, rows, file=os.path.basename(args.out))
    print(f"Exported {rows} clients of {dataset.name!r} to {args.out}.")
    return 0
