"""`score INPUT [--grid PATH] [--out PATH]`: score a client file with a grid."""

from __future__ import annotations

import argparse

from portfolio.cli.common import (add_file_arguments, config_errors_reported, file_inputs,
                                  write_output)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "score", help="score a CSV or XLSX client file",
        description="Read a client file by the data contract and write one row per client: "
                    "client_id, attractiveness, qrc, segment, incomplete, pts_<criterion>.")
    add_file_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from portfolio.scoring.engine import output_columns, score_frame

    inputs = file_inputs(args)
    with config_errors_reported():  # the grid reads a column the file lacks…
        scores = score_frame(inputs.clients, inputs.grid)
    write_output(scores[output_columns(inputs.grid)], args.out)
    return 0
