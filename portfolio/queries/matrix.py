"""Queries behind the attractiveness × QRC matrix: points, segment totals, filter choices."""

from __future__ import annotations

import pandas as pd

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.queries.scope import ClientFilter, scored_clients
from portfolio.sql import quote_identifier
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
    """Per segment of the grid (in grid order, empty ones included): clients, revenue,
    potential, headroom and shares of the total."""
    source = scored_clients(store, dataset_id, grid, visibility, filters)
    segment_ids = [seg.id for seg in grid.segments]
    with store.reading() as cur:
        frame = cur.execute(f"""
            WITH segment_order AS (
                SELECT unnest(?::VARCHAR[]) AS segment,
                       unnest(range(len(?::VARCHAR[]))) AS position),
            totals AS (
                SELECT segment, count(*) AS clients, sum(revenue) AS revenue,
                       sum(potential) AS potential,
                       sum(greatest(potential - revenue, 0)) AS headroom
                FROM {source.sql} GROUP BY segment)
            SELECT o.segment, coalesce(t.clients, 0) AS clients,
                   coalesce(t.revenue, 0) AS revenue, coalesce(t.potential, 0) AS potential,
                   coalesce(t.headroom, 0) AS headroom
            FROM segment_order o LEFT JOIN totals t USING (segment)
            ORDER BY o.position""", [segment_ids, segment_ids] + source.params).df()
        unscored = cur.execute(f"SELECT count(*) FROM {source.sql} WHERE segment IS NULL",
                               source.params).fetchone()[0]
    total_clients = frame["clients"].sum() + unscored
    frame["client_share"] = frame["clients"] / total_clients if total_clients else 0.0
    total_revenue = frame["revenue"].sum()
    frame["revenue_share"] = frame["revenue"] / total_revenue if total_revenue else 0.0
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
