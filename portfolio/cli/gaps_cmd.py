"""`gaps INPUT [--grid PATH] [--norms PATH] [--out PATH]`: each rep's structure against the norms."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from portfolio.cli.common import UserError, add_file_arguments, file_inputs, write_computed_output
from portfolio.norms import Norms

if TYPE_CHECKING:
    import pandas as pd

    from portfolio.view import PortfolioView

OUTPUT_COLUMNS = ("salesperson", "segment", "clients", "client_share", "revenue", "revenue_share",
                  "target_share", "gap", "within_tolerance")
# Shares and gaps are differences of decimals (0.5 − 0.3 = 0.20000000000000001): rounded
# for a readable file, far below any tolerance a norms file can state.
SHARE_DECIMALS = 9
MONEY_DECIMALS = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gaps", help="each rep's structure per segment against the target norms",
        description="Score a client file with the grid, then compare each salesperson's mix of "
                    "clients per segment with the target structure of the norms (overrides "
                    "included). Writes one row per salesperson and segment: "
                    f"{', '.join(OUTPUT_COLUMNS)}. Shares are 0–1; gap = client_share − "
                    "target_share; within_tolerance says whether |gap| is within the norms' "
                    "tolerance. A file holding several periods is read at its latest one.")
    add_file_arguments(parser, norms=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with file_inputs(args, norms=True) as inputs:
        assert inputs.norms is not None  # asked for with norms=True
        table = gaps_table(inputs.view, inputs.norms, Path(args.input).name)
    write_computed_output(table, args.out)
    return 0


def gaps_table(view: PortfolioView, norms: Norms, file: str) -> pd.DataFrame:
    """One row per salesperson × segment of the grid (OUTPUT_COLUMNS) of a portfolio."""
    from portfolio.structure import norms_gaps

    try:
        gaps = norms_gaps(view, norms)
    except ValueError as error:  # an override's scope column missing from the file
        raise UserError(f"{file}: {error}") from error
    table = gaps[list(OUTPUT_COLUMNS)].copy()
    for column in ("client_share", "revenue_share", "target_share", "gap"):
        table[column] = table[column].round(SHARE_DECIMALS)
    table["revenue"] = table["revenue"].round(MONEY_DECIMALS)
    return table
