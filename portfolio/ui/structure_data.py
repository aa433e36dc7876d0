"""Cached structure figures for the Structure and Rep pages: mix, gaps, reps compared, profile, plans.

The cache key holds the database, the dataset's content, the grid, the norms' fingerprint,
the viewer, the filters and each query's own parameters, so that one viewer's figures never
reach another. Anonymous peers are everyone (`PEERS`): the core gives only aggregates for them.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd
import streamlit as st

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.norms import Norms
from portfolio.queries.scope import ClientFilter
from portfolio.store.database import Store
from portfolio.store.datasets import Dataset
from portfolio.structure import (ObjectivePlan, RepComparison, compare_reps, norms_gaps,
                                 peer_distribution, priority_clients, qrc_profile,
                                 revenue_objective_plan, team_mix, team_norms_gaps)
from portfolio.structure.history import PeriodComparison, compare_periods
from portfolio.structure.objectives import TargetRule
from portfolio.ui.context import PageContext
from portfolio.ui.data import visibility_key, dataset_token, grid_token
from portfolio.ui.plan_data import active_norms
from portfolio.ui.widgets import show_issues

PEERS = Visibility.everyone()

# Each query takes (store, dataset id, grid, norms, visibility, *params).
_QUERIES: dict[str, Callable[..., Any]] = {
    "team_mix": lambda store, ds, grid, _norms, vis, filters: team_mix(store, ds, grid, vis, filters),
    "team_gaps": lambda store, ds, grid, norms, vis, filters: team_norms_gaps(
        store, ds, grid, vis, norms, filters),
    "gaps": lambda store, ds, grid, norms, vis, filters: norms_gaps(store, ds, grid, vis, norms,
                                                                    filters),
    "compare": lambda store, ds, grid, _norms, vis, filters: compare_reps(store, ds, grid, vis,
                                                                          filters),
    "profile": lambda store, ds, grid, _norms, vis, filters, rep, peers: qrc_profile(
        store, ds, grid, vis, rep, filters, peers=peers),
    "peers": lambda store, ds, grid, _norms, vis, filters, rep, peers: peer_distribution(
        store, ds, grid, vis, rep, filters, peers=peers),
    "priority": lambda store, ds, grid, _norms, vis, filters, rep: priority_clients(
        store, ds, grid, vis, rep, filters),
    "objective": lambda store, ds, grid, _norms, vis, filters, rep, growth, target, peers:
        revenue_objective_plan(store, ds, grid, vis, rep, growth, filters, target, peers=peers),
    "history": lambda store, ds, grid, _norms, vis, filters, start, end: compare_periods(
        store, ds, grid, vis, filters, start, end),
}


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs={Visibility: visibility_key})
def _cached(query: str, _store: Store, db_path: str, _dataset: Dataset, dataset_id: str,
            _grid: Grid, grid_id: str, _norms: Norms | None, norms_id: str,
            visibility: Visibility, params: tuple) -> Any:
    """Run a query once per (database, dataset content, grid, norms, viewer, parameters)."""
    return _QUERIES[query](_store, _dataset.dataset_id, _grid, _norms, visibility, *params)


def _run(ctx: PageContext, query: str, norms: Norms | None, *params: object) -> Any:
    if ctx.dataset is None or ctx.grid is None:
        raise RuntimeError("a structure query ran without a dataset or grid; frame() stops "
                           "such pages first")
    return _cached(query, ctx.store, ctx.store.path, ctx.dataset, dataset_token(ctx.dataset),
                   ctx.grid, grid_token(ctx.grid), norms,
                   "" if norms is None else norms.fingerprint, ctx.visibility, params)


def norms_or_stop(ctx: PageContext) -> Norms:
    """The norms file checked against the active grid; the page stops on its errors."""
    read = active_norms(ctx)
    if read.issues or read.norms is None:
        show_issues(ctx.t("structure.norms_errors", file=ctx.settings.norms_path.name), read.issues,
                    ctx.lang)
        st.stop()
    return read.norms  # type: ignore[return-value]


def team_mix_of(ctx: PageContext, filters: ClientFilter) -> pd.DataFrame:
    """Clients, revenue, margin, potential and headroom per segment of the visible clients."""
    return _run(ctx, "team_mix", None, filters)


def team_gaps_of(ctx: PageContext, norms: Norms, filters: ClientFilter) -> pd.DataFrame:
    """The visible clients' mix against the default target structure."""
    return _run(ctx, "team_gaps", norms, filters)


def rep_gaps_of(ctx: PageContext, norms: Norms, filters: ClientFilter) -> pd.DataFrame:
    """Each visible rep × segment against the targets the rep is held to."""
    return _run(ctx, "gaps", norms, filters)


def comparison_of(ctx: PageContext, filters: ClientFilter) -> RepComparison:
    """Revenue, potential, share of wallet, headroom and concentration per rep and in total."""
    return _run(ctx, "compare", None, filters)


def profile_of(ctx: PageContext, rep: str, filters: ClientFilter) -> pd.DataFrame:
    """The rep's QRC profile against the whole team."""
    return _run(ctx, "profile", None, filters, rep, PEERS)


def peers_of(ctx: PageContext, rep: str, filters: ClientFilter) -> pd.DataFrame:
    """The spread of every rep's share of clients per segment (no names), the rep's own marked."""
    return _run(ctx, "peers", None, filters, rep, PEERS)


def priority_clients_of(ctx: PageContext, rep: str, filters: ClientFilter) -> pd.DataFrame:
    """The rep's attractive clients with a weak relationship, largest headroom first."""
    return _run(ctx, "priority", None, filters, rep)


def objective_plan_of(ctx: PageContext, rep: str, growth: float, target: TargetRule,
                      filters: ClientFilter) -> ObjectivePlan:
    """The share-of-wallet moves that turn +`growth` of the rep's revenue into objectives."""
    return _run(ctx, "objective", None, filters, rep, growth, target, PEERS)


def period_comparison_of(ctx: PageContext, filters: ClientFilter, start: str,
                         end: str) -> PeriodComparison:
    """The structure at `start` against `end` (the filters' own period is ignored)."""
    return _run(ctx, "history", None, filters, start, end)
