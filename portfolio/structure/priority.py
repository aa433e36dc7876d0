"""Priority clients: attractive clients where our relationship is weak, largest headroom first."""

from __future__ import annotations

import pandas as pd

from portfolio.queries.scope import ClientFilter
from portfolio.structure.mix import rep_filters
from portfolio.structure.roles import develop_segments
from portfolio.view import PortfolioView

PRIORITY_COLUMNS = ("client_id", "client_name", "salesperson", "segment", "attractiveness", "qrc",
                    "revenue", "potential", "headroom", "share_of_wallet", "visits_12m",
                    "last_visit")


def priority_clients(view: PortfolioView, salesperson: str | None = None,
                     filters: ClientFilter = ClientFilter(),
                     limit: int | None = None) -> pd.DataFrame:
    """Visible clients (of one rep, or all) in the grid's competitors'-strongholds cell —
    highest attractiveness band, lowest QRC band, found from the segments' cells — sorted
    by headroom (max(potential − revenue, 0)) descending, then client_id.

    `share_of_wallet` here is revenue ÷ potential, capped at 1 (0 when potential is 0).
    """
    scope = filters if salesperson is None else rep_filters(filters, salesperson)
    source = view.clients(scope)
    sql = f"""
        SELECT client_id, client_name, salesperson, segment, attractiveness, qrc, revenue,
               potential, greatest(potential - revenue, 0) AS headroom,
               coalesce(least(revenue / nullif(potential, 0), 1), 0) AS share_of_wallet,
               visits_12m, last_visit
        FROM {source.sql}
        WHERE list_contains(?::VARCHAR[], segment)
        ORDER BY headroom DESC, client_id"""
    params = source.params + [list(develop_segments(view.grid))]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    with view.store.reading() as cur:
        return cur.execute(sql, params).df()[list(PRIORITY_COLUMNS)]
