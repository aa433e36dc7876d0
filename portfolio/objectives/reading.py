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
    moves = read_moves(view.store, view.dataset_id, rep, period)
    asks = tuple(ClientAsk(int(m.rank), str(m.client_id), m.client_name if isinstance(m.client_name, str)
                           else None, m.segment if isinstance(m.segment, str) else None,
                           float(m.sow_before), float(m.sow_target), float(m.revenue_gain))
                 for m in moves.itertuples(index=False))
    return SavedObjective(view.dataset_id, rep, period, float(growth), rule, float(revenue_before),
                          float(objective), float(planned), saved_by, saved_role, saved_at,
                          segment_asks(moves, segment_ids(view.grid)), asks)


def segment_asks(moves, order: list[str]) -> tuple[SegmentAsk, ...]:  # noqa: ANN001 - a frame
    """The moves summed per segment, in `order` (segments the grid no longer has last)."""
    if moves.empty:
        return ()
    points = 100 * (moves["sow_target"] - moves["sow_before"])
    grouped = (moves.assign(points=points, segment=moves["segment"].fillna(""))
               .groupby("segment", sort=False)
               .agg(clients=("client_id", "size"), points=("points", "mean"),
                    revenue=("revenue_gain", "sum")))
    rank = {segment: index for index, segment in enumerate(order)}
    ordered = sorted(grouped.index, key=lambda s: (rank.get(s, len(rank)), s))
    return tuple(SegmentAsk(s or None, int(grouped.at[s, "clients"]), float(grouped.at[s, "points"]),
                            float(grouped.at[s, "revenue"])) for s in ordered)
