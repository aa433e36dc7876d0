"""`migrate --from LOCATION --to LOCATION`: copy every dataset, period and log entry from one
store to another (a DuckDB file to a shared PostgreSQL database), then check it."""

from __future__ import annotations

import argparse
import sys

from portfolio.cli.common import UserError
from portfolio.problems import Refusal
from portfolio.store.database import StoreBusy
from portfolio.store.opening import is_shared, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "migrate", help="copy a database into a new, empty one (e.g. a file to PostgreSQL)",
        description="Copy every dataset (its periods and clients, under the same ids), the audit "
                    "log, saved objectives, settings and column mappings from --from into the empty "
                    "database --to, in one transaction; then compare the rows and a checksum of "
                    "every table in both. Exit 1 when a table differs.")
    parser.add_argument("--from", dest="source", required=True,
                        help="the database to copy: a DuckDB file or a postgresql:// URL")
    parser.add_argument("--to", dest="target", required=True,
                        help="the new, empty database: a postgresql:// URL or a DuckDB file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from portfolio.store.migration import migrate

    if not is_shared(args.source) and not Path(args.source).is_file():
        raise UserError(f"error: no database at {args.source}: give the file to copy with --from.")
    try:
        source = open_store(args.source)
    except StoreBusy as error:
        raise UserError(f"error: {error} Stop the app using it while the data is copied.") from error
    try:
        target = open_store(args.target)
        try:
            outcome = migrate(source, target)
        except Refusal as refusal:
            raise UserError(f"error: {refusal}") from refusal
        finally:
            target.close()
    finally:
        source.close()
    width = max((len(c.table) for c in outcome.checks), default=5)
    print(f"{'table'.ljust(width)}  {'rows from':>10}  {'rows to':>10}  checksum")
    for check in outcome.checks:
        verdict = "equal" if check.equal else "DIFFERENT"
        print(f"{check.table.ljust(width)}  {check.source_rows:>10}  {check.target_rows:>10}  {verdict}")
    if not outcome.equal:
        print("error: the copy differs from its source (tables marked DIFFERENT); the source is "
              "unchanged: empty the target and run the migration again.", file=sys.stderr)
        return 1
    print(f"Copied {outcome.datasets} dataset(s) to {target.label}: every table equal.", file=sys.stderr)
    return 0
