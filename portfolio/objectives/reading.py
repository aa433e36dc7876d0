"""A kept objective, read for a viewer: only when they see the rep at that period."""

from __future__ import annotations

from portfolio.objectives.access import rep_clients_seen
from portfolio.objectives.model import ClientAsk, SavedObjective, SegmentAsk
from portfolio.store.objectives import read_moves, read_objective
from portfolio.structure.roles import segment_ids
from portfolio.view import PortfolioView


def saved_objective(view: PortfolioView, rep: str, period: str | None = None) -> SavedObjective | None:
    """The objective saved for `rep` at `period` (default: the view's period) in the view's
    dataset; None when none was saved, or when the view shows no client of `rep` then (a
    rep reads only their own, a director those of the reps of its scope)."""
    period = period or view.shown_period
    if period is None or period not in view.dataset.periods:
        return None
    row = read_objective(view.store, view.dataset_id, rep, period)
    if row is None or rep_clients_seen(view.at_period(period), rep) == 0:
        return None
    growth, rule, revenue_before, objective, planned, saved_by, saved_role, saved_at = row
    moves, segments = read_moves(view.store, view.dataset_id, rep, period, segment_ids(view.grid))
    return SavedObjective(
        view.dataset_id, rep, period, float(growth), rule, float(revenue_before), float(objective),
        float(planned), saved_by, saved_role, saved_at,
        segments=tuple(SegmentAsk(s, int(n), float(points), float(revenue))
                       for s, n, points, revenue in segments),
        moves=tuple(ClientAsk(int(rank), str(client), name, segment, float(before), float(target),
                              float(gain))
                    for rank, client, name, segment, before, target, gain in moves))
