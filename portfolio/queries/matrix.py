"""Queries behind the attractiveness × QRC matrix: points, segment totals, filter choices."""

from __future__ import annotations

import pandas as pd

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.queries.scope import ClientFilter, scored_clients
from portfolio.sql import quote_identifier
from portfolio.structure.mix import team_mix
from portfolio.store.database import Store
from portfolio.store.datasets import clients_table

MATRIX_COLUMNS = ("client_id", "client_name", "salesperson", "region", "industry", "revenue",
                  "potential", "share_of_wallet", "attractiveness", "qrc", "segment", "incomplete")


def matrix_clients(store: Store, dataset_id: int, grid: Grid, visibility: Visibility,
                   filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """One row per visible client with what the matrix draws and its hover shows."""
    source = scored_clients(store, dataset_id, grid, visibility, filters)
    columns = ", ".join(quote_identifier(c) for c in MATRIX_COLUMNS)
    with store.reading() as cur:
        return cur.execute(f"SELECT {columns} FROM {source.sql} ORDER BY revenue DESC",
                           source.params).df()


def segment_totals(store: Store, dataset_id: int, grid: Grid, visibility: Visibility,
                   filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """The visible clients' mix per segment of the grid (see `portfolio.structure.team_mix`),
    with the number of clients the grid could not place in `attrs["unscored"]`."""
    frame = team_mix(store, dataset_id, grid, visibility, filters)
    source = scored_clients(store, dataset_id, grid, visibility, filters)
    with store.reading() as cur:
        unscored = cur.execute(f"SELECT count(*) FROM {source.sql} WHERE segment IS NULL",
                               source.params).fetchone()[0]
    frame.attrs["unscored"] = int(unscored)
    return frame


def filter_choices(store: Store, dataset_id: int, visibility: Visibility) -> dict[str, list[str]]:
    """Distinct salespeople, regions, industries and periods the viewer may filter on."""
    table = clients_table(dataset_id)
    condition = visibility.condition()
    choices: dict[str, list[str]] = {}
    with store.reading() as cur:
        for key, column in (("salespeople", "salesperson"), ("regions", "region"),
                            ("industries", "industry"), ("periods", "period")):
            rows = cur.execute(
                f"SELECT DISTINCT {quote_identifier(column)} AS v FROM {table} "
                f"WHERE v IS NOT NULL AND {condition.sql} ORDER BY v", condition.params).fetchall()
            choices[key] = [r[0] for r in rows]
    return choices
