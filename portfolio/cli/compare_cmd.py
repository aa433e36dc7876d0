"""`compare-grids INPUT --grid A.yaml --against B.yaml [--out PATH]`: where two grids put
the same clients, one row per (from, to) segment pair."""

from __future__ import annotations

import argparse

from portfolio.cli.common import (add_file_arguments, check_output_path, config_errors_reported, file_view, grid_from,
                                  warn_unscorable, write_output)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare-grids", help="compare two scoring grids on one client file",
        description="Score a client file with two grids and write one row per (segment under "
                    "--grid, segment under --against) pair: from_segment, to_segment, clients, "
                    "revenue. Pairs where the segment stays the same are included.")
    # --grid is the grid clients come from (the shipped one when absent).
    add_file_arguments(parser)
    parser.add_argument("--against", required=True, help="the grid clients go to (YAML)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from portfolio.grid.compare import migration

    check_output_path(args.out)
    grid, against = grid_from(args.grid), grid_from(args.against)
    with file_view(args.input, grid, args.period) as before:
        after = before.with_grid(against)
        with config_errors_reported():
            after.scores_table()
        warn_unscorable(after, args.input)
        table = migration(before, after)
    write_output(table, args.out)
    return 0
