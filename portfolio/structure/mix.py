"""Mix of each rep's portfolio (and the team's) over the grid's segments: clients, revenue, wallet."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from portfolio.queries.scope import ClientFilter
from portfolio.structure.roles import segment_ids
from portfolio.structure.wallet import POOLED_SHARE_OF_WALLET
from portfolio.view import PortfolioView

MIX_COLUMNS = ("salesperson", "segment", "clients", "client_share", "revenue", "revenue_share",
               "margin", "potential", "headroom", "share_of_wallet")


def rep_mix(view: PortfolioView, filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """One row per visible rep × grid segment (grid order, empty segments included).

    Shares are of the rep's visible clients, unscored ones included, so that a rep whose
    clients cannot all be placed does not look on target; 0/0 gives 0.
    `headroom` is Σ max(potential − revenue, 0); `share_of_wallet` is the segment's pooled
    share (`portfolio.structure.wallet`), never above 1.
    """
    return _mix(view, filters, per_rep=True)


def team_mix(view: PortfolioView, filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """The same as `rep_mix` for all visible clients together (no salesperson column)."""
    return _mix(view, filters, per_rep=False).drop(
        columns="salesperson")


def peer_filters(filters: ClientFilter) -> ClientFilter:
    """The filters with no salesperson restriction: the peers a rep is compared with."""
    return replace(filters, salespeople=())


def rep_filters(filters: ClientFilter, salesperson: str) -> ClientFilter:
    """The filters narrowed to one rep (the chosen rep replaces any salesperson filter)."""
    return replace(filters, salespeople=(salesperson,))


def _mix(view: PortfolioView, filters: ClientFilter, per_rep: bool) -> pd.DataFrame:
    source = view.clients(filters)
    segments = segment_ids(view.grid)
    # The team is one group keyed ''; without GROUP BY it has a row even when nobody
    # is visible, so that every segment still shows with zeros.
    owners = ("SELECT salesperson, count(*) AS all_clients, sum(revenue) AS all_revenue "
              "FROM base GROUP BY salesperson" if per_rep else
              "SELECT '' AS salesperson, count(*) AS all_clients, sum(revenue) AS all_revenue "
              "FROM base")
    key = "salesperson" if per_rep else "''"
    sql = f"""
        WITH base AS (SELECT {key} AS salesperson, segment, revenue, potential, margin
                      FROM {source.sql}),
        owners AS ({owners}),
        segment_order AS (SELECT unnest(?::VARCHAR[]) AS segment,
                                 unnest(range(?)) AS position),
        totals AS (SELECT salesperson, segment, count(*) AS clients, sum(revenue) AS revenue,
                          sum(margin) AS margin, sum(potential) AS potential,
                          sum(greatest(potential - revenue, 0)) AS headroom,
                          {POOLED_SHARE_OF_WALLET} AS share_of_wallet
                   FROM base WHERE segment IS NOT NULL GROUP BY salesperson, segment)
        SELECT o.salesperson, g.segment,
               coalesce(t.clients, 0) AS clients,
               coalesce(t.clients / nullif(o.all_clients, 0), 0) AS client_share,
               coalesce(t.revenue, 0) AS revenue,
               coalesce(t.revenue / nullif(o.all_revenue, 0), 0) AS revenue_share,
               CASE WHEN t.clients IS NULL THEN 0 ELSE t.margin END AS margin,
               coalesce(t.potential, 0) AS potential,
               coalesce(t.headroom, 0) AS headroom,
               coalesce(t.share_of_wallet, 0) AS share_of_wallet
        FROM owners o CROSS JOIN segment_order g
        LEFT JOIN totals t ON t.salesperson = o.salesperson AND t.segment = g.segment
        ORDER BY o.salesperson, g.position"""
    with view.store.reading() as cur:
        frame = cur.execute(sql, source.params + [segments, len(segments)]).df()
    frame["clients"] = frame["clients"].astype("int64")
    return frame[list(MIX_COLUMNS)]
