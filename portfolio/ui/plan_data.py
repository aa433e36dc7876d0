"""Cached visit-plan data for the page: the norms file, the team's plan and one rep's view of it.

Cache keys hold the database, dataset, grid, viewer, the plan inputs' digest (norms and
judgements) and the plan's date, so that one viewer's plan never reaches another.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from portfolio.access import Visibility
from portfolio.grid.model import Grid
from portfolio.norms import Norms, check_norms_against_grid, load_norms
from portfolio.planning import (EffortRange, PlanBase, PlanInputs, RepPlan, VisitPlan, allocate_plan,
                                effort_range, latest_visit, plan_base, plan_clients, plan_roles, rep_plan,
                                segment_visits, typical_clients)
from portfolio.problems import ConfigError, ConfigIssue
from portfolio.store.database import Store
from portfolio.ui.context import PageContext
from portfolio.ui.data import grid_token


@dataclass(frozen=True)
class NormsRead:
    """The norms file as read for the active grid: the norms, or every issue found."""

    norms: Norms | None
    issues: tuple[ConfigIssue, ...]


@st.cache_resource(show_spinner=False, max_entries=16)
def _read_norms(path: str, modified_ns: int, size: int) -> NormsRead:
    """Parse the file once per version of it (modification time and size are the key)."""
    try:
        return NormsRead(load_norms(path), ())
    except ConfigError as error:
        return NormsRead(None, tuple(error.issues))


def active_norms(ctx: PageContext) -> NormsRead:
    """The norms file of the settings, checked against the active grid."""
    path = Path(ctx.settings.norms_path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return NormsRead(None, (ConfigIssue(path.name, None, "(file)",
                                            ctx.t("plan.norms_missing", path=str(path))),))
    read = _read_norms(str(path), info.st_mtime_ns, info.st_size)
    if read.norms is None or ctx.grid is None:
        return read
    return NormsRead(read.norms, tuple(check_norms_against_grid(read.norms, ctx.grid)))


@st.cache_data(show_spinner=False, max_entries=32)
def _latest_visit(_store: Store, db_path: str, dataset_id: int, _grid: Grid, grid_id: str,
                  _visibility: Visibility, viewer: tuple[str, ...]) -> pd.Timestamp | None:
    return latest_visit(_store, dataset_id, _grid, _visibility)


def default_date(ctx: PageContext) -> pd.Timestamp | None:
    """The latest visit among the clients the viewer sees: the plan's default date."""
    return _latest_visit(ctx.store, ctx.store.path, ctx.dataset.dataset_id, ctx.grid,  # type: ignore[union-attr]
                         grid_token(ctx.grid), ctx.visibility, ctx.visibility.key)


# The team's plan is the heavy part (every visible client). Its base (norms, what gives,
# urgency, priorities) does not depend on the judgements, so trying judgements only re-runs
# the allocation. Both are kept as resources, not copied on every read (cache_data would
# unpickle a 100,000-row plan on each use): nothing downstream modifies them.
@st.cache_resource(show_spinner=False, max_entries=4)
def _team_base(_store: Store, db_path: str, dataset_id: int, _grid: Grid, grid_id: str,
               _visibility: Visibility, viewer: tuple[str, ...], _inputs: PlanInputs,
               norms_key: str, date: str) -> PlanBase:
    clients = plan_clients(_store, dataset_id, _grid, _visibility)
    return plan_base(clients, _inputs, date, plan_roles(_grid))


@st.cache_resource(show_spinner=False, max_entries=8)
def _team_plan(_store: Store, db_path: str, dataset_id: int, _grid: Grid, grid_id: str,
               _visibility: Visibility, viewer: tuple[str, ...], _inputs: PlanInputs,
               inputs_key: str, date: str) -> VisitPlan:
    base = _team_base(_store, db_path, dataset_id, _grid, grid_id, _visibility, viewer, _inputs,
                      _inputs.norms_key(), date)
    return allocate_plan(base, _inputs)


def _plan_args(ctx: PageContext, inputs: PlanInputs, date: pd.Timestamp) -> tuple:
    return (ctx.store, ctx.store.path, ctx.dataset.dataset_id, ctx.grid, grid_token(ctx.grid),  # type: ignore[union-attr]
            ctx.visibility, ctx.visibility.key, inputs, inputs.key(), date.date().isoformat())


@dataclass(frozen=True)
class RepView:
    """What the page draws for one rep."""

    plan: RepPlan
    segments: pd.DataFrame
    typical: pd.DataFrame
    effort: EffortRange | None
    shapes: dict
    uses_curves: bool
    unplaced: int  # visible clients without a segment, left out of every plan


@st.cache_data(show_spinner=False, max_entries=64)
def _rep_view(_store: Store, db_path: str, dataset_id: int, _grid: Grid, grid_id: str,
              _visibility: Visibility, viewer: tuple[str, ...], _inputs: PlanInputs, inputs_key: str,
              date: str, rep: str) -> RepView:
    plan = _team_plan(_store, db_path, dataset_id, _grid, grid_id, _visibility, viewer, _inputs,
                      inputs_key, date)
    segments = [s.id for s in _grid.segments]
    mine = rep_plan(plan, rep, segments)
    return RepView(mine, segment_visits(mine.clients, segments), typical_clients(mine.clients, segments),
                   effort_range(plan, _inputs, mine), plan.shapes, plan.uses_curves, plan.unplaced)


def rep_view(ctx: PageContext, inputs: PlanInputs, date: pd.Timestamp, rep: str) -> RepView:
    """One rep's part of the team's plan, with its totals by segment and effort range."""
    return _rep_view(*_plan_args(ctx, inputs, date), rep)


@st.cache_data(show_spinner=False, max_entries=16)
def _team_table(_store: Store, db_path: str, dataset_id: int, _grid: Grid, grid_id: str,
                _visibility: Visibility, viewer: tuple[str, ...], _inputs: PlanInputs, inputs_key: str,
                date: str) -> pd.DataFrame:
    return _team_plan(_store, db_path, dataset_id, _grid, grid_id, _visibility, viewer, _inputs,
                      inputs_key, date).reps


def team_plan_reps(ctx: PageContext, inputs: PlanInputs, date: pd.Timestamp) -> pd.DataFrame:
    """One row per visible rep: workload, capacity, visits and expected revenue totals."""
    return _team_table(*_plan_args(ctx, inputs, date))
