"""Which grid criteria the data cannot score: their column is absent, or empty for every client.

One rule on every surface: such a criterion scores as missing for every client, by the
grid's `missing` policy (0 points, or left out of the score), and every page, export and
command says which criteria and columns, so that nobody reads "no partner at all" as a
fact about the clients when it is a fact about the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from portfolio.contract import canonical_column
from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.sql import quote_identifier
from portfolio.store.datasets import table_columns
from portfolio.view import PortfolioView
from portfolio.yaml_source import closest


@dataclass(frozen=True)
class UnscorableCriterion:
    criterion: str  # the criterion's id
    column: str
    absent: bool  # True: no such column at all; False: the column is empty for every client
    meant: str | None = None  # for an absent column: the column of the data it probably names


def unscorable_criteria(view: PortfolioView) -> tuple[UnscorableCriterion, ...]:
    """The criteria of the view's grid with no value to score among the view's clients."""
    grid = view.grid
    with view.store.reading() as cur:
        present = set(table_columns(cur, view.dataset.table))
        kept = [c for c in grid.criteria if c.column in present]
        counts: dict[str, int] = {}
        if kept:
            columns = list(dict.fromkeys(c.column for c in kept))
            source = view.clients()
            # One scan for every column: count() ignores the empty cells.
            row = cur.execute("SELECT " + ", ".join(f"count({quote_identifier(c)})" for c in columns)
                              + f" FROM {source.sql}", source.params).fetchone()
            counts = dict(zip(columns, row))
    filled = [c for c in present if counts.get(c) != 0]
    return tuple(UnscorableCriterion(c.id, c.column, c.column not in present,
                                     None if c.column in present else _meant(c.column, filled))
                 for c in grid.criteria if c.column not in present or counts.get(c.column) == 0)


def _meant(column: str, columns: list[str]) -> str | None:
    """The column a grid's unknown column most likely names: a contract column it is an
    alias of (`rating` → `solvency`), else the nearest spelling."""
    return canonical_column(column) or closest(column, columns)


def coverage_warning(grid: Grid, gaps: tuple[UnscorableCriterion, ...], lang: str,
                     quote: Callable[[str], str] = str) -> str | None:
    """The sentence that names the criteria without data (None when there are none); each
    name written by `quote` (a page passes its Markdown escaping: the grid's names are a user's)."""
    if not gaps:
        return None
    listed = ", ".join(t("scoring.criterion_and_column_meant" if g.meant else
                         "scoring.criterion_and_column", lang,
                         criterion=quote(grid.criterion(g.criterion).label.get(lang)), column=quote(g.column),
                         meant=quote(g.meant) if g.meant else g.meant)
                       for g in gaps)
    key = "scoring.unscorable_zero" if grid.missing == "zero" else "scoring.unscorable_ignore"
    return t(key, lang, count=len(gaps), criteria=listed)
