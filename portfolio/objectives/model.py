"""What a kept objective and its outcome are, as small values any surface can show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SegmentAsk:
    """The moves chosen in one segment (the client's segment when the objective was saved):
    how many clients, the share-of-wallet points asked of each on average, the revenue expected."""

    segment: str | None
    clients: int
    sow_points: float  # average over the segment's clients, in points (12.5 = +12.5 points)
    revenue_expected: float


@dataclass(frozen=True)
class ClientAsk:
    """One client named by the objective, in the order the clients were taken."""

    rank: int
    client_id: str
    client_name: str | None
    segment: str | None
    sow_before: float  # 0–1
    sow_target: float  # 0–1
    revenue_gain: float


@dataclass(frozen=True)
class SavedObjective:
    """A rep's revenue objective for a period: +`growth` (0.10 = +10 %) of `revenue_before`,
    that is `objective` euros to gain, and the moves chosen to reach it (`planned_gain` of it)."""

    dataset_id: int
    salesperson: str
    period: str
    growth: float
    target_rule: str  # "next_band" or "partners"
    revenue_before: float
    objective: float
    planned_gain: float
    saved_by: str  # the e-mail of who saved it
    saved_role: str
    saved_at: datetime
    segments: tuple[SegmentAsk, ...]  # in grid order, only segments with a move
    moves: tuple[ClientAsk, ...]

    @property
    def clients(self) -> int:
        return len(self.moves)


@dataclass(frozen=True)
class SegmentOutcome:
    """What happened, by the later period, to the clients named in one segment."""

    segment: str | None
    clients: int  # named in the objective
    reached: int  # whose share of wallet reached its target
    changed_segment: int  # still there, in another segment (same grid at both dates)
    left: int  # no longer in the portfolio
    sow_points_asked: float  # average per named client
    sow_points_gained: float  # average per named client still there (0 when none is)
    revenue_expected: float
    revenue_gained: float  # their revenue after minus before (a client gone counts as 0 after)


@dataclass(frozen=True)
class ObjectiveOutcome:
    """An objective saved for `asked.period`, against what the data says at `period_after`.

    `revenue_before`/`revenue_after`: the rep's revenue at each period (their clients the
    viewer sees); `revenue_gain` is the difference, `achieved` its share of the objective.
    `named` totals the clients named (as a SegmentOutcome with segment None);
    `portfolio_changed_segment` counts all the rep's clients present at both dates whose
    segment changed.
    """

    asked: SavedObjective
    period_after: str
    revenue_before: float
    revenue_after: float
    revenue_gain: float
    achieved: float  # revenue_gain ÷ objective (0 when the objective is 0)
    portfolio_changed_segment: int
    named: SegmentOutcome
    segments: tuple[SegmentOutcome, ...]  # in grid order, the segments asked of
