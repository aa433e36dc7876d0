"""The clients a visit plan works on, read from the store through the viewer's scope."""

from __future__ import annotations

import pandas as pd

from portfolio.queries.scope import ClientFilter
from portfolio.sql import quote_identifier
from portfolio.view import PortfolioView

PLAN_COLUMNS = ("client_id", "client_name", "salesperson", "segment", "revenue", "potential",
                "visits_12m", "last_visit")


def plan_clients(view: PortfolioView, salespeople: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every visible client with a segment (of `salespeople` only, when given), with what
    the plan reads; sorted by salesperson then client_id.

    A rep's plan covers all their clients, so no other filter applies. Clients the grid
    could not place (no segment) cannot be planned: their count is in `attrs["unscored"]`.
    """
    source = view.clients(ClientFilter(salespeople=salespeople))
    columns = ", ".join(quote_identifier(c) for c in PLAN_COLUMNS)
    with view.store.reading() as cur:
        frame = cur.execute(f"SELECT {columns} FROM {source.sql} WHERE segment IS NOT NULL "
                            "ORDER BY salesperson, client_id", source.params).df()
        unscored = cur.execute(f"SELECT count(*) FROM {source.sql} WHERE segment IS NULL",
                               source.params).fetchone()[0]
    frame["visits_12m"] = pd.to_numeric(frame["visits_12m"], errors="coerce").astype(float)
    frame.attrs["unscored"] = int(unscored)
    return frame


def data_date(clients: pd.DataFrame) -> pd.Timestamp | None:
    """The latest visit recorded among `clients`: the date the file describes (None if none)."""
    latest = pd.to_datetime(clients["last_visit"], errors="coerce").max()
    return None if pd.isna(latest) else pd.Timestamp(latest).normalize()


def latest_visit(view: PortfolioView) -> pd.Timestamp | None:
    """The latest visit recorded among the visible clients (None if none): the date the
    file describes, which a plan is made for unless the user picks another."""
    source = view.clients()
    with view.store.reading() as cur:
        latest = cur.execute(f"SELECT max(last_visit) FROM {source.sql}", source.params).fetchone()[0]
    return None if latest is None else pd.Timestamp(latest).normalize()
