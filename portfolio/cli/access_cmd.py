"""`validate-access PATH`: check an access file and print "ok" or every error."""

from __future__ import annotations

import argparse
from pathlib import Path

from portfolio.access.loader import load_access
from portfolio.cli.common import UserError, config_errors_reported


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate-access", help="check an access file (YAML): who sees and changes what",
        description="Print 'ok', or every error as FILE:LINE: key.path: message (exit 2).")
    parser.add_argument("path", help="access file (YAML), e.g. config/access.yaml")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.is_file():
        raise UserError(f"error: access file not found: {path}")
    with config_errors_reported():
        load_access(path)
    print("ok")
    return 0
