"""`validate-grid PATH`: check a scoring grid and print "ok" or every error."""

from __future__ import annotations

import argparse

from portfolio.cli.common import grid_from


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate-grid", help="check a scoring grid (YAML)",
        description="Print 'ok', or every error as FILE:LINE: key.path: message (exit 2).")
    parser.add_argument("path", help="grid file (YAML)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    grid_from(args.path)
    print("ok")
    return 0
