"""A rep's QRC profile against the team, their development priorities, and anonymous peers.

Development priorities: for each QRC criterion k, the rep's shortfall is
max(team_share_k − rep_share_k, 0), shares being average points ÷ the criterion's
max points. Weighted by the grid, a shortfall costs the rep's average client
`100 × w_k / Σ w × shortfall_k` QRC score points (the QRC score is
100 × Σ w_k · p_k / max_k ÷ Σ w): that is `priority_points`, and criteria are ranked
by it, largest first (ties in grid order). A criterion is a priority only when its
shortfall costs at least `MIN_PRIORITY_POINTS`: a smaller gap is the team's level.

Benchmarks ("team", "peers") are aggregates only, never names or clients: they are
computed in the `peers` visibility with the same filters except the salesperson one,
so that a rep who sees only their own clients can still be compared with the team.
The peer spread shows one unnamed dot per rep, so a rep is shown it only when it holds
at least `MIN_REPS_FOR_PEERS` reps (`peers_shown_to`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio.access import Visibility
from portfolio.queries.scope import ClientFilter
from portfolio.sql import quote_identifier
from portfolio.structure.mix import peer_filters, rep_filters, rep_mix
from portfolio.structure.roles import segment_ids
from portfolio.view import PortfolioView

# Half a QRC point on the average client: below that a gap moves no client across a segment
# cut and is within what a handful of clients scored one level apart make; ranking it
# would send a rep after noise (in the demo, gaps of 0.06–0.3 points were "priorities").
MIN_PRIORITY_POINTS = 0.5
# A rep sees the peer spread only with at least three colleagues in it: with one, the other
# dot is that colleague; with two, a rep who knows one of them knows the other.
MIN_REPS_FOR_PEERS = 4
PROFILE_COLUMNS = ("criterion", "weight", "max_points", "rep_share", "team_share", "gap",
                   "shortfall", "priority_points", "priority")
PEER_COLUMNS = ("segment", "reps", "min", "q1", "median", "q3", "max", "values", "rep_value",
                "rep_at_or_above")


def team_qrc_shares(view: PortfolioView, filters: ClientFilter = ClientFilter(),
                    peers: Visibility | None = None) -> list[float]:
    """The benchmark side of `qrc_profile` (its `team_share`), the same for every rep: a
    page of many reps computes it once and hands it to each `qrc_profile`."""
    return _average_shares(view.seen_by(peers or view.visibility), peer_filters(filters))


def qrc_profile(view: PortfolioView, salesperson: str, filters: ClientFilter = ClientFilter(),
                peers: Visibility | None = None, team: list[float] | None = None) -> pd.DataFrame:
    """One row per QRC criterion (grid order): `PROFILE_COLUMNS`.

    rep_share / team_share: average points ÷ max points over the rep's visible clients /
    over all clients in `peers` (default: `visibility`); a criterion left unscored for a
    client (missing: ignore) is averaged over the clients that have it. `priority` is the
    rank (1 = work on it first), NA when the shortfall costs under MIN_PRIORITY_POINTS.
    `team`: `team_qrc_shares(view, filters, peers)` when already computed.
    """
    criteria = view.grid.axes["qrc"].criteria
    rep = _average_shares(view, rep_filters(filters, salesperson))
    if team is None:
        team = team_qrc_shares(view, filters, peers)
    weights = np.array([c.weight for c in criteria], dtype=float)
    frame = pd.DataFrame({
        "criterion": [c.id for c in criteria], "weight": weights,
        "max_points": [float(c.max_points) for c in criteria],
        "rep_share": rep, "team_share": team})
    frame["gap"] = frame["rep_share"] - frame["team_share"]
    frame["shortfall"] = (-frame["gap"]).clip(lower=0)
    frame["priority_points"] = 100 * weights / weights.sum() * frame["shortfall"]
    ranked = frame[frame["priority_points"] >= MIN_PRIORITY_POINTS].sort_values("priority_points", ascending=False,
                                                            kind="stable")
    frame["priority"] = pd.Series(np.arange(1, len(ranked) + 1), index=ranked.index,
                                  dtype="Int64").reindex(frame.index)
    return frame[list(PROFILE_COLUMNS)]


def development_priorities(profile: pd.DataFrame) -> pd.DataFrame:
    """The criteria of a `qrc_profile` where the rep falls clearly short of the team, first first."""
    return profile[profile["priority"].notna()].sort_values("priority").reset_index(drop=True)


def strengths(profile: pd.DataFrame) -> pd.DataFrame:
    """The criteria of a `qrc_profile` where the rep is clearly above the team (by at least
    `MIN_PRIORITY_POINTS` of QRC on the average client, the same bar as a priority), the
    largest lead first: a rep with no priority is told whether they lead or match the team."""
    weights = profile["weight"] / profile["weight"].sum()
    lead = 100 * weights * profile["gap"].clip(lower=0)
    ahead = profile.assign(lead_points=lead)[lead >= MIN_PRIORITY_POINTS]
    return ahead.sort_values("lead_points", ascending=False, kind="stable").reset_index(drop=True)


def peer_distribution(view: PortfolioView, salesperson: str, filters: ClientFilter = ClientFilter(),
                      peers: Visibility | None = None) -> pd.DataFrame:
    """Per segment (grid order), the spread of client_share over every rep in `peers`
    (default: `visibility`), without names: `PEER_COLUMNS`.

    Quartiles are linear interpolations (numpy's default); `values` is the sorted list of
    the reps' shares; `rep_value` is the chosen rep's share (NaN when they have no visible
    client) and `rep_at_or_above` the share of reps whose value is ≤ the rep's.
    """
    everyone = rep_mix(view.seen_by(peers or view.visibility), peer_filters(filters))
    own = rep_mix(view, rep_filters(filters, salesperson))
    own_share = own.set_index("segment")["client_share"]
    rows = []
    for segment in segment_ids(view.grid):  # a handful of segments, each a vector of reps
        values = np.sort(everyone.loc[everyone["segment"] == segment, "client_share"].to_numpy())
        mine = float(own_share.get(segment, np.nan))
        stats = (np.quantile(values, [0, 0.25, 0.5, 0.75, 1]) if len(values)
                 else np.full(5, np.nan))
        rank = float(np.mean(values <= mine)) if len(values) and not np.isnan(mine) else np.nan
        rows.append((segment, len(values), *stats, values.tolist(), mine, rank))
    return pd.DataFrame(rows, columns=list(PEER_COLUMNS))


def peers_shown_to(viewer: Visibility, spread: pd.DataFrame) -> bool:
    """Whether `viewer` may see a `peer_distribution`: one who sees the whole team sees
    it anyway; a rep restricted to their own clients only when it is anonymous enough."""
    reps = int(spread["reps"].max()) if len(spread) else 0
    return viewer.is_everyone or reps >= MIN_REPS_FOR_PEERS


def _average_shares(view: PortfolioView, filters: ClientFilter) -> list[float]:
    """Average points ÷ max points of each QRC criterion over the clients in scope."""
    criteria = view.grid.axes["qrc"].criteria
    source = view.clients(filters)
    averages = ", ".join(f"avg({quote_identifier('pts_' + c.id)}) / ?" for c in criteria)
    # The SELECT list comes before the subquery, so its values are bound first.
    params = [float(c.max_points) for c in criteria] + source.params
    with view.store.reading() as cur:
        row = cur.execute(f"SELECT {averages} FROM {source.sql}", params).fetchone()
    return [np.nan if value is None else float(value) for value in row]
