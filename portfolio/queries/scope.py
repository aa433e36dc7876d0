"""What a page looks at: the dataset's scored clients, narrowed by visibility and filters."""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.sql import Fragment, joined
from portfolio.store.database import Store
from portfolio.store.datasets import clients_table
from portfolio.store.scores import ensure_scores


@dataclass(frozen=True)
class ClientFilter:
    """Filters chosen on screen; an empty tuple means "no restriction"."""

    salespeople: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    period: str | None = None  # None = the dataset's latest period


_FILTERED_COLUMNS = (("salespeople", "c.salesperson"), ("regions", "c.region"),
                     ("industries", "c.industry"), ("segments", "s.segment"))


def scored_clients(store: Store, dataset_id: int, grid: Grid, visibility: Visibility,
                   filters: ClientFilter = ClientFilter()) -> Fragment:
    """A parenthesised subquery of clients joined with their scores (aliases c and s
    inside), restricted to what the viewer may see and to the filters.

    Every page query selects from this, so visibility is applied in one place.
    """
    scores = ensure_scores(store, dataset_id, grid)
    clients = clients_table(dataset_id)
    conditions = [visibility.condition(table="c")]
    for attribute, column in _FILTERED_COLUMNS:
        values = getattr(filters, attribute)
        if values:
            conditions.append(Fragment(f"list_contains(?::VARCHAR[], {column})", list(values)))
    if filters.period is None:
        conditions.append(Fragment(f"c.period = (SELECT max(period) FROM {clients})"))
    else:
        conditions.append(Fragment("c.period = ?", filters.period))
    query = Fragment(f"(SELECT c.*, s.* EXCLUDE (client_id, period) FROM {clients} c "
                     f"JOIN {scores} s USING (client_id, period) WHERE ")
    return query.extend(joined(conditions, " AND ")).add(")")
