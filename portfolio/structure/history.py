"""How a portfolio's structure moved from one period to a later one: the mix per segment at
both dates, and the clients that changed segment, came or left.

Principle 6 sets objectives on the structure; this is how a director sees whether the
structure moves towards them, quarter after quarter, with the same grid on both dates.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from portfolio.queries.moves import changed, segment_moves
from portfolio.queries.scope import ClientFilter
from portfolio.structure.mix import team_mix
from portfolio.view import PortfolioView

MIX_CHANGE_COLUMNS = ("segment", "clients_before", "clients_after", "client_share_before",
                      "client_share_after", "client_share_change", "revenue_share_before",
                      "revenue_share_after", "revenue_share_change")


@dataclass(frozen=True)
class PeriodComparison:
    start: str
    end: str
    mix: pd.DataFrame  # MIX_CHANGE_COLUMNS, one row per segment in grid order
    moves: pd.DataFrame  # the rows of `segment_moves` that changed (see `changed`)
    moved: int  # clients on both dates whose segment changed
    gained: int  # clients at `end` only
    lost: int  # clients at `start` only


def compare_periods(view: PortfolioView, filters: ClientFilter, start: str,
                    end: str) -> PeriodComparison:
    """The structure at `start` against `end`, for the viewer's clients in `filters`
    (the view's own period is not used). Shares are of each date's clients and revenue;
    changes are in share points (0.05 = 5 points)."""
    before, after = view.at_period(start), view.at_period(end)
    mix = (team_mix(before, filters)
           .merge(team_mix(after, filters), on="segment",
                  suffixes=("_before", "_after"), sort=False))
    mix["client_share_change"] = mix["client_share_after"] - mix["client_share_before"]
    mix["revenue_share_change"] = mix["revenue_share_after"] - mix["revenue_share_before"]
    moves = changed(segment_moves(before, after, filters))
    on_both = moves["present_before"] & moves["present_after"]
    return PeriodComparison(
        start=start, end=end, mix=mix[list(MIX_CHANGE_COLUMNS)].reset_index(drop=True),
        moves=moves.reset_index(drop=True), moved=int(moves.loc[on_both, "clients"].sum()),
        gained=int(moves.loc[~moves["present_before"], "clients"].sum()),
        lost=int(moves.loc[~moves["present_after"], "clients"].sum()))


def previous_period(periods: tuple[str, ...], period: str) -> str | None:
    """The period just before `period` among `periods` (sorted), None for the first."""
    index = periods.index(period)
    return periods[index - 1] if index > 0 else None
