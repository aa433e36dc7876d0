"""`score INPUT [--grid PATH] [--out PATH]`: score a client file with a grid."""

from __future__ import annotations

import argparse

from portfolio.cli.common import (UserError, check_output_path, clients_from, grid_from,
                                  write_output)
from portfolio.problems import ConfigError
from portfolio.scoring.engine import output_columns, score_frame


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "score", help="score a CSV or XLSX client file",
        description="Read a client file by the data contract and write one row per client: "
                    "client_id, attractiveness, qrc, segment, incomplete, pts_<criterion>.")
    parser.add_argument("input", help="client file (.csv or .xlsx)")
    parser.add_argument("--grid", help="scoring grid (YAML); default config/grids/default.yaml")
    parser.add_argument("--out", help="output file: .csv, .xlsx or .parquet (CSV on stdout if absent)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_output_path(args.out)
    grid = grid_from(args.grid)
    clients = clients_from(args.input)
    try:
        scores = score_frame(clients, grid)
    except ConfigError as error:
        raise UserError(*(str(issue) for issue in error.issues)) from error
    write_output(scores[output_columns(grid)], args.out)
    return 0
