"""Queries behind the attractiveness × QRC matrix: points, segment totals, filter choices."""

from __future__ import annotations

import pandas as pd

from portfolio.queries.scope import ClientFilter
from portfolio.sql import quote_identifier
from portfolio.structure.mix import team_mix
from portfolio.view import PortfolioView

MATRIX_COLUMNS = ("client_id", "client_name", "salesperson", "region", "industry", "revenue",
                  "potential", "share_of_wallet", "attractiveness", "qrc", "segment", "incomplete")


def matrix_clients(view: PortfolioView, filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """One row per visible client with what the matrix draws and its hover shows."""
    source = view.clients(filters)
    columns = ", ".join(quote_identifier(c) for c in MATRIX_COLUMNS)
    with view.store.reading() as cur:
        return cur.execute(f"SELECT {columns} FROM {source.sql} ORDER BY revenue DESC",
                           source.params).df()


def segment_totals(view: PortfolioView, filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """The visible clients' mix per segment of the grid (see `portfolio.structure.team_mix`),
    with the number of clients the grid could not place in `attrs["unscored"]`."""
    frame = team_mix(view, filters)
    source = view.clients(filters)
    with view.store.reading() as cur:
        unscored = cur.execute(f"SELECT count(*) FROM {source.sql} WHERE segment IS NULL",
                               source.params).fetchone()[0]
    frame.attrs["unscored"] = int(unscored)
    return frame


def filter_choices(view: PortfolioView) -> dict[str, list[str]]:
    """Distinct salespeople, regions, industries and periods the viewer may filter on
    (of every period: a filter chosen stays valid when the period changes)."""
    table = view.dataset.table
    condition = view.visibility.condition()
    choices: dict[str, list[str]] = {}
    with view.store.reading() as cur:
        for key, column in (("salespeople", "salesperson"), ("regions", "region"),
                            ("industries", "industry"), ("periods", "period")):
            rows = cur.execute(
                f"SELECT DISTINCT {quote_identifier(column)} AS v FROM {table} "
                f"WHERE v IS NOT NULL AND {condition.sql} ORDER BY v", condition.params).fetchall()
            choices[key] = [r[0] for r in rows]
    return choices
