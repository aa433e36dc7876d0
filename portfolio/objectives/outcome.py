"""What became of a kept objective a period later: the clients named, their share of wallet,
their segment, and the rep's revenue against the objective. One query, for every surface
(the Rep page, the report) to show the same figures.
"""

from __future__ import annotations

from portfolio.objectives.model import ObjectiveOutcome, SegmentOutcome
from portfolio.objectives.reading import saved_objective
from portfolio.queries.scope import ClientFilter
from portfolio.sql import Fragment
from portfolio.store.objectives import moves_source
from portfolio.structure.roles import segment_ids
from portfolio.view import PortfolioView

SOW_SLACK = 1e-9  # a share computed back from revenue ÷ potential is not exact
_NAMED = f"""named AS (
    SELECT asked.segment, asked.sow_before, asked.sow_target, asked.revenue_gain,
           a.client_id IS NOT NULL AS present,
           CASE WHEN a.potential > 0 THEN least(a.revenue / a.potential, 1) END AS sow_after,
           coalesce(a.revenue, 0) - coalesce(b.revenue, 0) AS gained,
           a.client_id IS NOT NULL AND b.client_id IS NOT NULL
               AND a.segment IS DISTINCT FROM b.segment AS changed
    FROM asked LEFT JOIN b ON b.client_id = asked.client_id
               LEFT JOIN a ON a.client_id = asked.client_id),
per_segment AS (
    SELECT segment, grouping(segment) = 1 AS is_total, count(*) AS clients,
           count(*) FILTER (WHERE present AND sow_after >= sow_target - {SOW_SLACK}) AS reached,
           count(*) FILTER (WHERE changed) AS changed,
           count(*) FILTER (WHERE NOT present) AS gone,
           coalesce(avg(100 * (sow_target - sow_before)), 0) AS points_asked,
           coalesce(avg(100 * (sow_after - sow_before)) FILTER (WHERE present), 0) AS points_gained,
           coalesce(sum(revenue_gain), 0) AS expected, coalesce(sum(gained), 0) AS gained
    FROM named GROUP BY GROUPING SETS ((segment), ())),
portfolio AS (
    SELECT (SELECT coalesce(sum(revenue), 0) FROM b) AS revenue_before,
           (SELECT coalesce(sum(revenue), 0) FROM a) AS revenue_after,
           (SELECT count(*) FROM b JOIN a ON a.client_id = b.client_id
             WHERE a.segment IS DISTINCT FROM b.segment) AS changed_segment)
SELECT per_segment.*, portfolio.* FROM per_segment CROSS JOIN portfolio"""


def objective_outcome(view: PortfolioView, rep: str, period_asked: str,
                      period_after: str) -> ObjectiveOutcome | None:
    """The objective saved for `rep` at `period_asked`, against the view's dataset at the
    later `period_after` (both read with the view's grid and visibility); None when no
    objective was saved then, or the view does not show `rep`. ValueError when
    `period_after` is not a later period of the dataset."""
    periods = view.dataset.periods
    for period in (period_asked, period_after):
        if period not in periods:
            raise ValueError(f"dataset {view.dataset.name!r} has no period {period!r}; "
                             f"its periods are: {', '.join(periods)}")
    if periods.index(period_after) <= periods.index(period_asked):
        raise ValueError(f"period_after: expected a period after {period_asked!r} "
                         f"(got {period_after!r})")
    asked = saved_objective(view, rep, period_asked)
    if asked is None:
        return None
    mine = ClientFilter(salespeople=(rep,))
    query = (Fragment("WITH asked AS " + moves_source(), view.dataset_id, rep, period_asked)
             .add(", b AS ").extend(view.at_period(period_asked).clients(mine))
             .add(", a AS ").extend(view.at_period(period_after).clients(mine))
             .add(", " + _NAMED))
    with view.store.reading() as cur:
        rows = cur.execute(query.sql, query.params).df()
    order = {segment: index for index, segment in enumerate(segment_ids(view.grid))}
    total = rows[rows["is_total"]]
    segments = rows[~rows["is_total"]].assign(
        _order=lambda f: [order.get(s, len(order)) for s in f["segment"]]).sort_values(
        ["_order", "segment"], kind="stable")
    head = (total if len(total) else rows).iloc[0]
    revenue_gain = float(head["revenue_after"]) - float(head["revenue_before"])
    return ObjectiveOutcome(
        asked=asked, period_after=period_after, revenue_before=float(head["revenue_before"]),
        revenue_after=float(head["revenue_after"]), revenue_gain=revenue_gain,
        achieved=revenue_gain / asked.objective if asked.objective > 0 else 0.0,
        portfolio_changed_segment=int(head["changed_segment"]),
        named=_segment(None, total.iloc[0]) if len(total) else _segment(None, None),
        segments=tuple(_segment(row["segment"], row) for _, row in segments.iterrows()))


def _segment(segment: object, row) -> SegmentOutcome:  # noqa: ANN001 - a row of the query
    if row is None:
        return SegmentOutcome(None, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0)
    return SegmentOutcome(
        segment=segment if isinstance(segment, str) else None, clients=int(row["clients"]),
        reached=int(row["reached"]), changed_segment=int(row["changed"]), left=int(row["gone"]),
        sow_points_asked=float(row["points_asked"]), sow_points_gained=float(row["points_gained"]),
        revenue_expected=float(row["expected"]), revenue_gained=float(row["gained"]))
