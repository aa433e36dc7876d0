"""The scored clients of one period of a dataset, narrowed by visibility and filters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.sql import Fragment, joined
from portfolio.store.database import Store
from portfolio.store.scores import ensure_scores


@dataclass(frozen=True)
class ClientFilter:
    """Filters chosen on screen; an empty tuple means "no restriction"."""

    salespeople: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()


_FILTERED_COLUMNS = (("salespeople", "salesperson"), ("regions", "region"),
                     ("industries", "industry"), ("segments", "segment"))


def scored_clients(store: Store, dataset_id: int, grid: Grid, visibility: Visibility,
                   filters: Iterable[ClientFilter], period: str | None,
                   version: int = 0) -> Fragment:
    """A parenthesised subquery of the scored clients (client columns and scores) of
    `period` (None: a dataset with no period at all), restricted to what the viewer may
    see and to every one of `filters` (a view's own and a query's).

    Called through `PortfolioView.clients`, so visibility is applied in one place.
    """
    scores = ensure_scores(store, dataset_id, grid, version)
    conditions = [visibility.condition()]
    for chosen in filters:
        for attribute, column in _FILTERED_COLUMNS:
            values = getattr(chosen, attribute)
            if values:
                conditions.append(Fragment(f"list_contains(?::VARCHAR[], {column})", list(values)))
    if period is not None:
        conditions.append(Fragment("period = ?", period))
    query = Fragment(f"(SELECT * FROM {scores} WHERE ")
    return query.extend(joined(conditions, " AND ")).add(")")
