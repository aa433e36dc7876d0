"""Cached query results for pages; the cache key holds the dataset, grid, viewer and filters."""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd
import streamlit as st

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.queries import card as card_queries
from portfolio.queries import matrix as matrix_queries
from portfolio.queries import moves as moves_queries
from portfolio.queries.card import ClientCard
from portfolio.queries.scope import ClientFilter
from portfolio.store.database import Store
from portfolio.store.datasets import Dataset
from portfolio.store.scores import ensure_scores, grid_key
from portfolio.ui.context import PageContext


def visibility_key(visibility: Visibility) -> tuple[str, ...]:
    """How st.cache_data hashes a Visibility argument."""
    return visibility.key


def grid_token(grid: Grid | None) -> str:
    """What identifies a grid in cache keys: its text's digest (labels included), else its scoring key."""
    if grid is None:
        return ""
    return grid.fingerprint or grid_key(grid)


def dataset_token(dataset: Dataset) -> str:
    """What identifies a dataset's content in cache keys: a new period added to it changes it."""
    return f"{dataset.dataset_id}:{dataset.rows}:{'|'.join(dataset.periods)}"


# Each query takes (store, dataset id, grid, visibility, *params); the table keeps the
# cached function below generic while the arguments stay explicit at each call.
_QUERIES: dict[str, Callable[..., Any]] = {
    "matrix": matrix_queries.matrix_clients,
    "segments": matrix_queries.segment_totals,
    "choices": lambda store, dataset_id, _grid, visibility: matrix_queries.filter_choices(
        store, dataset_id, visibility),
    "card": lambda store, dataset_id, grid, visibility, client_id, period: card_queries.client_card(
        store, dataset_id, grid, client_id, period, visibility),
}


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs={Visibility: visibility_key})
def _cached(query: str, _store: Store, db_path: str, _dataset: Dataset, dataset_id: str,
            _grid: Grid | None, grid_id: str, visibility: Visibility, params: tuple) -> Any:
    """Run a query once per (database, dataset content, grid, viewer, parameters).

    The store, dataset and grid are not hashed (leading underscore): the database
    path and the tokens stand for them in the key. Nothing here reads session state.
    """
    return _QUERIES[query](_store, _dataset.dataset_id, _grid, visibility, *params)


def _run(ctx: PageContext, query: str, visibility: Visibility, *params: object) -> Any:
    if ctx.dataset is None:
        raise RuntimeError("a page ran a query without a dataset; frame() stops such pages first")
    return _cached(query, ctx.store, ctx.store.path, ctx.dataset, dataset_token(ctx.dataset),
                   ctx.grid, grid_token(ctx.grid), visibility, tuple(params))


@st.cache_data(show_spinner=False, max_entries=64)
def _scored(_store: Store, db_path: str, _dataset: Dataset, dataset_id: str, _grid: Grid,
            scoring_key: str) -> str:
    return ensure_scores(_store, _dataset.dataset_id, _grid)


def ensure_scored(store: Store, dataset: Dataset, grid: Grid) -> None:
    """Score the dataset under the grid if not done yet (raises ConfigError when it cannot)."""
    _scored(store, store.path, dataset, dataset_token(dataset), grid, grid_key(grid))


def matrix_points(ctx: PageContext, filters: ClientFilter) -> pd.DataFrame:
    """The visible, filtered clients with what the matrix draws."""
    return _run(ctx, "matrix", ctx.visibility, filters)


def segment_totals(ctx: PageContext, filters: ClientFilter) -> pd.DataFrame:
    """Clients, revenue and shares per segment of the visible, filtered clients."""
    return _run(ctx, "segments", ctx.visibility, filters)


def filter_choices(ctx: PageContext) -> dict[str, list[str]]:
    """Salespeople, regions, industries and periods the viewer may filter on."""
    return _run(ctx, "choices", ctx.visibility)


def team(store: Store, dataset: Dataset) -> list[str]:
    """Every salesperson of a dataset, whoever is looking (the "view as" choices)."""
    everyone = Visibility.everyone()
    return _cached("choices", store, store.path, dataset, dataset_token(dataset), None, "",
                   everyone, ())["salespeople"]


def client_card(ctx: PageContext, client_id: str, period: str | None = None) -> ClientCard | None:
    """One client's card, if the viewer may see it."""
    return _run(ctx, "card", ctx.visibility, client_id, period)


def segment_moves(ctx: PageContext, before: Grid, after: Grid) -> pd.DataFrame:
    """Clients per pair of segments under `before` and `after` (see `portfolio.queries.moves`)."""
    return _cached_moves(ctx.store, ctx.store.path, ctx.dataset, dataset_token(ctx.dataset),
                         before, grid_token(before), after, grid_token(after), ctx.visibility,
                         ctx.scope())


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs={Visibility: visibility_key})
def _cached_moves(_store: Store, db_path: str, _dataset: Dataset, dataset_id: str, _before: Grid,
                  before_id: str, _after: Grid, after_id: str, visibility: Visibility,
                  filters: ClientFilter) -> pd.DataFrame:
    return moves_queries.segment_moves(_store, _dataset.dataset_id, _before, _after, visibility,
                                       filters)
