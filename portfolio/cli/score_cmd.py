"""`score INPUT [--grid PATH] [--out PATH]`: score a client file with a grid."""

from __future__ import annotations

import argparse

from portfolio.cli.common import add_file_arguments, file_inputs, write_query_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "score", help="score a CSV or XLSX client file",
        description="Read a client file by the data contract and write one row per client: "
                    "client_id, attractiveness, qrc, segment, incomplete, pts_<criterion>. "
                    "A file holding several periods is scored at its latest one (or --period).")
    add_file_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from portfolio.queries.scores import scores_output

    with file_inputs(args) as inputs:
        with inputs.view.store.reading() as cur:
            write_query_output(cur, scores_output(inputs.view), args.out)
    return 0
