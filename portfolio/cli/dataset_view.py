"""The portfolio a command acting for a person reads: the dataset they named, as they may see
it, at the period asked, scored by the grid (each refusal a user error)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from portfolio.access import Person
from portfolio.cli.as_option import visibility_on, visible_dataset_named
from portfolio.cli.common import UserError
from portfolio.cli.db_option import dataset_named
from portfolio.currency import set_amounts_currency
from portfolio.grid.model import Grid
from portfolio.problems import ConfigError
from portfolio.store.database import Store

if TYPE_CHECKING:
    from portfolio.view import PortfolioView


def person_view(args: argparse.Namespace, store: Store, person: Person, grid: Grid) -> PortfolioView:
    """The view of `--dataset` at `--period` for `person`, its scores computed."""
    from portfolio.view import PortfolioView

    # A person acting by --as is only ever told the names of the datasets they may see.
    dataset = (dataset_named(store, args.dataset) if person.local
               else visible_dataset_named(store, person, args.dataset).dataset)
    visibility = visibility_on(store, person, dataset)
    set_amounts_currency(dataset.currency)  # every amount the command writes is in it
    if args.period is not None and args.period not in dataset.periods:
        raise UserError(f"error: dataset {dataset.name!r} has no period {args.period!r}; "
                        f"its periods are: {', '.join(dataset.periods)}.")
    view = PortfolioView(store, dataset, grid, visibility, period=args.period)
    try:
        view.scores_table()
    except ConfigError as error:
        raise UserError(*(str(issue) for issue in error.issues)) from error
    return view
