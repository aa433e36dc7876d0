"""One way to cache what pages compute: keyed by the portfolio looked at and the call's inputs.

A core function that takes a `PortfolioView` is cached as it is; the view hashes as its
`key` (store, dataset content, period, grid, viewer), so one person's figures never reach
another, and the other inputs (filters, norms, plan inputs) hash by their own digests.
Nothing here reads session state.
"""

from __future__ import annotations

from typing import Callable, TypeVar

import streamlit as st

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.norms import Norms
from portfolio.planning import PlanInputs
from portfolio.view import PortfolioView, grid_token

Result = TypeVar("Result")

HASHERS: dict[type, Callable[[object], object]] = {
    PortfolioView: lambda view: view.key,
    Visibility: lambda visibility: visibility.key,
    Grid: grid_token,
    Norms: lambda norms: norms.fingerprint,
    PlanInputs: lambda inputs: inputs.key(),
}


def cached(function: Callable[..., Result], max_entries: int = 256) -> Callable[..., Result]:
    """`function` with its results kept per distinct arguments (copied on each read)."""
    return st.cache_data(function, show_spinner=False, max_entries=max_entries,
                         hash_funcs=HASHERS)


def kept(function: Callable[..., Result], max_entries: int = 8) -> Callable[..., Result]:
    """`function` with its results kept and shared, not copied: for large results that
    nothing downstream modifies (a 100,000-client plan would be unpickled on every read)."""
    return st.cache_resource(function, show_spinner=False, max_entries=max_entries,
                             hash_funcs=HASHERS)
