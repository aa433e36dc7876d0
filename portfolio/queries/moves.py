"""Which clients change segment when the grid changes: what a trainer's trial moves."""

from __future__ import annotations

import pandas as pd

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.queries.scope import ClientFilter, scored_clients
from portfolio.sql import Fragment
from portfolio.store.database import Store

MOVE_COLUMNS = ("segment_before", "segment_after", "clients", "revenue")


def segment_moves(store: Store, dataset_id: int, before: Grid, after: Grid,
                  visibility: Visibility, filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """Per pair (segment under `before`, segment under `after`), the viewer's clients in
    scope and their revenue; a client left unscored has no segment (NaN). Pairs whose
    segment did not change are included: they are the clients that stay put."""
    query = (Fragment("SELECT b.segment AS segment_before, a.segment AS segment_after, "
                      "count(*) AS clients, coalesce(sum(b.revenue), 0) AS revenue FROM ")
             .extend(scored_clients(store, dataset_id, before, visibility, filters))
             .add(" AS b JOIN ")
             .extend(scored_clients(store, dataset_id, after, visibility, filters))
             .add(" AS a USING (client_id, period) GROUP BY ALL "
                  "ORDER BY segment_before NULLS LAST, segment_after NULLS LAST"))
    with store.reading() as cur:
        return cur.execute(query.sql, query.params).df()
