"""Gaps between each rep's mix and the target structure (norms), with a tolerance and overrides.

Which targets a rep is held to: the default ones, unless an override applies. Overrides
are scoped to a value of a client column (a region, a team…). A rep belongs to the
scope of their *main* value of that column: the value most of their visible clients of
the period hold (compared trimmed and case-folded; a tie goes to the alphabetically
first value; empty cells do not count), whatever the screen filters. The first override,
in the order given, whose column and value match the rep's main value applies, and
replaces the whole target set and the tolerance, as the norms file defines them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from portfolio.grid.model import Grid
from portfolio.norms.model import Norms, Structure
from portfolio.queries.scope import ClientFilter
from portfolio.sql import quote_identifier
from portfolio.store.datasets import table_columns
from portfolio.structure.mix import rep_mix, team_mix
from portfolio.structure.roles import segment_ids
from portfolio.view import PortfolioView

ShareTarget = tuple[float, float | None]  # (share of clients, share of revenue or None)

GAP_COLUMNS = ("salesperson", "segment", "clients", "client_share", "revenue", "revenue_share",
               "target_share", "gap", "within_tolerance", "revenue_target_share", "revenue_gap",
               "revenue_within_tolerance", "tolerance", "judged", "scope")



@dataclass(frozen=True)
class SmallPortfolios:
    """Verdicts that fit small portfolios. A share of n clients moves in steps of 1/n, so a
    gap smaller than one client is no gap: the tolerance is widened to max(tolerance, 1/n)
    for a portfolio of n clients. Below `judged_from` clients, shares (0, 50 or 100 % for
    two clients) say nothing of a structure: no verdict (within_tolerance NA, judged false).
    """

    judged_from: int = 10

# Shares are decimals: 0.4 − 0.3 is 0.10000000000000003, and a rep exactly on the
# boundary of the tolerance must count as within it.
BOUNDARY_SLACK = 1e-9


@dataclass(frozen=True)
class ScopedTargets:
    """Targets replacing the default ones for reps whose main `column` value is `value`."""

    column: str
    value: str
    targets: Mapping[str, ShareTarget]
    tolerance: float

    @property
    def label(self) -> str:
        return f"{self.column} = {self.value.strip()}"


def structure_gaps(view: PortfolioView, targets: Mapping[str, ShareTarget], tolerance: float,
                   filters: ClientFilter = ClientFilter(),
                   overrides: Sequence[ScopedTargets] = (),
                   small: SmallPortfolios | None = SmallPortfolios()) -> pd.DataFrame:
    """Each visible rep × segment against its target: columns `GAP_COLUMNS`.

    gap = client_share − target_share; within_tolerance = |gap| ≤ tolerance (likewise for
    revenue when a revenue target is given, else NA). A grid segment with no target gets
    NA. `tolerance` is the one applied to the rep (widened for small portfolios, see
    `SmallPortfolios`; None judges every share against the plain tolerance); `judged` is false, and the verdicts NA, for a rep with too few
    clients. `scope` names the override applied to the rep, or is None for the default.
    """
    grid = view.grid
    _check_targets(grid, targets, tolerance, "targets")
    for index, override in enumerate(overrides):
        _check_targets(grid, override.targets, override.tolerance, f"overrides[{index}].targets")
    mix = rep_mix(view, filters)
    choice = pd.Series(-1, index=pd.Index(mix["salesperson"].unique(), name="salesperson"))
    if overrides:
        scopes = main_values(view, sorted({o.column for o in overrides}))
        choice = _override_choice(scopes, overrides).reindex(choice.index, fill_value=-1)
    mix["structure"] = mix["salesperson"].map(choice).astype("int64")
    return _compare(mix, _target_table(grid, targets, tolerance, overrides), small)[
        list(GAP_COLUMNS)]


def team_gaps(view: PortfolioView, targets: Mapping[str, ShareTarget], tolerance: float,
              filters: ClientFilter = ClientFilter(),
              small: SmallPortfolios | None = SmallPortfolios()) -> pd.DataFrame:
    """The visible team's mix against the default targets (overrides are for reps):
    `GAP_COLUMNS` without salesperson and scope."""
    _check_targets(view.grid, targets, tolerance, "targets")
    mix = team_mix(view, filters).assign(structure=-1)
    columns = [c for c in GAP_COLUMNS if c not in ("salesperson", "scope")]
    return _compare(mix, _target_table(view.grid, targets, tolerance, ()), small)[columns]


def norms_gaps(view: PortfolioView, norms: Norms,
               filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """`structure_gaps` against a norms file's target structure and its overrides."""
    overrides = [ScopedTargets(o.scope.column, o.scope.value, _shares(o), o.tolerance)
                 for o in norms.overrides if o.scope is not None]
    return structure_gaps(view, _shares(norms.structure), norms.structure.tolerance, filters,
                          overrides, SmallPortfolios(norms.structure.judged_from_clients))


def team_norms_gaps(view: PortfolioView, norms: Norms,
                    filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """`team_gaps` against a norms file's default target structure."""
    return team_gaps(view, _shares(norms.structure), norms.structure.tolerance, filters,
                     SmallPortfolios(norms.structure.judged_from_clients))


def _shares(structure: Structure) -> dict[str, ShareTarget]:
    return {sid: (t.clients, t.revenue) for sid, t in structure.targets.items()}


def outside_tolerance(gaps: pd.DataFrame) -> pd.DataFrame:
    """Rows of a gaps table outside tolerance on clients or on revenue, largest |gap| first."""
    outside = gaps[(gaps["within_tolerance"] == False)  # noqa: E712 (NA must not match)
                   | (gaps["revenue_within_tolerance"] == False)]  # noqa: E712
    order = (outside.assign(_abs=outside["gap"].abs(), _rabs=outside["revenue_gap"].abs())
             .sort_values(["_abs", "_rabs"], ascending=False, kind="stable"))
    return order.drop(columns=["_abs", "_rabs"]).reset_index(drop=True)


@dataclass(frozen=True)
class SmallPortfolioNote:
    """How the small-portfolio rule bore on some gaps: what a page says in one line."""

    not_judged: int  # portfolios (reps, or the team) with too few clients for a verdict
    widened: int  # judged portfolios whose tolerance was widened to one client's share
    judged_from: int  # the norms' judged_from_clients
    smallest: int  # clients of the smallest portfolio among them
    tolerance: float  # the widest tolerance applied (share points, 0–1)


def small_portfolio_note(gaps: pd.DataFrame, tolerance: float, judged_from: int
                         ) -> SmallPortfolioNote | None:
    """What the rule changed in a gaps table (one rep's rows or every rep's), or None."""
    owner = gaps["salesperson"] if "salesperson" in gaps else pd.Series(0, index=gaps.index)
    per = gaps.groupby(owner, sort=False).agg(clients=("clients", "sum"), judged=("judged", "all"),
                                              applied=("tolerance", "max"))
    # Widened where the tolerance applied is one client's share and more than the norms'
    # (an override's own wider tolerance is no widening).
    one_client = 1.0 / per["clients"].clip(lower=1)
    widened = per["judged"] & np.isclose(per["applied"], one_client) & (
        per["applied"] > tolerance + BOUNDARY_SLACK)
    touched = per[~per["judged"] | widened]
    if touched.empty:
        return None
    return SmallPortfolioNote(int((~per["judged"]).sum()), int(widened.sum()), judged_from,
                              int(touched["clients"].min()), float(touched["applied"].max()))


def main_values(view: PortfolioView, columns: Sequence[str]) -> pd.DataFrame:
    """Each visible rep's main value of each column (see the module docstring):
    columns salesperson, column, value (trimmed and case-folded)."""
    known = set(_client_columns(view))
    for column in columns:
        if column not in known:
            raise ValueError(f"override scope column {column!r}: expected a column of the client "
                             f"data (got none of that name); use one of {sorted(known)}")
    source = view.clients()
    # Every column in one pass over the clients: one (column, value) row per client each.
    unpivot = " UNION ALL ".join(
        f"SELECT salesperson, ? AS scope_column, CAST({quote_identifier(c)} AS VARCHAR) AS value "
        f"FROM base" for c in columns)
    kept = ", ".join(quote_identifier(c) for c in dict.fromkeys(["salesperson", *columns]))
    with view.store.reading() as cur:
        counts = cur.execute(
            f"WITH base AS MATERIALIZED (SELECT {kept} FROM {source.sql}), "
            f"pairs AS ({unpivot}) "
            f"SELECT salesperson, scope_column AS column, value, count(*) AS n FROM pairs "
            f"WHERE value IS NOT NULL GROUP BY ALL", source.params + list(columns)).df()
    # Folding in Python, as the norms match their scope values (str.strip().lower()).
    counts["value"] = counts["value"].astype(str).str.strip().str.lower()
    counts = counts[counts["value"] != ""]
    counts = counts.groupby(["salesperson", "column", "value"], as_index=False)["n"].sum()
    counts = counts.sort_values(["salesperson", "column", "n", "value"],
                                ascending=[True, True, False, True], kind="stable")
    return counts.drop_duplicates(["salesperson", "column"])[["salesperson", "column", "value"]]


def _client_columns(view: PortfolioView) -> list[str]:
    with view.store.reading() as cur:
        return table_columns(cur, view.dataset.table)


def _override_choice(scopes: pd.DataFrame, overrides: Sequence[ScopedTargets]) -> pd.Series:
    """Index of the first override matching each rep's main values (reps with none omitted)."""
    wanted = pd.DataFrame({"column": [o.column for o in overrides],
                           "value": [o.value.strip().lower() for o in overrides],
                           "structure": np.arange(len(overrides))})
    matched = scopes.merge(wanted, on=["column", "value"])
    return matched.groupby("salesperson")["structure"].min()


def _target_table(grid: Grid, targets: Mapping[str, ShareTarget], tolerance: float,
                  overrides: Sequence[ScopedTargets]) -> pd.DataFrame:
    """One row per structure (-1 = default, then each override) × grid segment."""
    structures = [(-1, targets, tolerance, None)] + [
        (i, o.targets, o.tolerance, o.label) for i, o in enumerate(overrides)]
    rows = []
    for index, shares, allowed, label in structures:
        for segment in segment_ids(grid):
            client_share, revenue_share = shares.get(segment, (np.nan, None))
            rows.append((index, segment, float(client_share),
                         np.nan if revenue_share is None else float(revenue_share), float(allowed),
                         label))
    return pd.DataFrame(rows, columns=["structure", "segment", "target_share",
                                       "revenue_target_share", "tolerance", "scope"])


def _compare(mix: pd.DataFrame, table: pd.DataFrame, small: SmallPortfolios | None
             ) -> pd.DataFrame:
    out = mix.merge(table, on=["structure", "segment"], how="left", sort=False)
    out["gap"] = out["client_share"] - out["target_share"]
    out["revenue_gap"] = out["revenue_share"] - out["revenue_target_share"]
    out["judged"] = True
    if small is not None:
        owner = out["salesperson"] if "salesperson" in out else pd.Series(0, index=out.index)
        portfolio = out.groupby(owner, sort=False)["clients"].transform("sum")
        out["tolerance"] = np.maximum(out["tolerance"], 1.0 / portfolio.clip(lower=1))
        out["judged"] = (portfolio >= small.judged_from).astype(bool)
    out["within_tolerance"] = _within(out["gap"], out["tolerance"]).mask(~out["judged"])
    out["revenue_within_tolerance"] = _within(out["revenue_gap"], out["tolerance"]).mask(
        ~out["judged"])
    out["scope"] = out["scope"].astype(object).where(out["scope"].notna(), None)
    return out


def _within(gap: pd.Series, tolerance: pd.Series) -> pd.Series:
    within = pd.Series(gap.abs() <= tolerance + BOUNDARY_SLACK, dtype="boolean")
    return within.mask(gap.isna())


def _check_targets(grid: Grid, targets: Mapping[str, ShareTarget], tolerance: float,
                   where: str) -> None:
    known = segment_ids(grid)
    for segment, (client_share, revenue_share) in targets.items():
        if segment not in known:
            raise ValueError(f"{where}: segment {segment!r} is not a segment of grid {grid.source} "
                             f"(expected one of {', '.join(known)})")
        for what, share in (("client share", client_share), ("revenue share", revenue_share)):
            if share is not None and not 0 <= share <= 1:
                raise ValueError(f"{where}.{segment}: expected a {what} between 0 and 1 "
                                 f"(got {share})")
    if not 0 <= tolerance < 1:
        raise ValueError(f"{where}: expected a tolerance between 0 and 1 (got {tolerance})")
