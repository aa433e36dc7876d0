"""What a visit plan is made from: visit norms, capacity and (optionally) response judgements."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Mapping

from portfolio.norms.model import RESPONSE_LEVELS, Capacity, Norms, VisitNorm
from portfolio.visits import Judgements

# Levels the user may edit: `current` is 1 by definition (judgements are multiples of today's).
EDITABLE_LEVELS: tuple[str, ...] = tuple(level for level in RESPONSE_LEVELS if level != "current")


@dataclass(frozen=True)
class JudgementProblem:
    """One judgement that cannot be used: `code` is "not_a_number", "negative", "above_current"
    (a level below today's visits above 1) or "decreasing" (then `before` is the level it falls
    below)."""

    segment: str
    level: str
    code: str
    value: float | None
    before: str | None = None


@dataclass(frozen=True)
class PlanInputs:
    """Visit norms per segment, one capacity for every rep, and judgements per segment.

    `judgements` is empty when no response is known: the plan then follows the norms
    (cut where they do not fit) and has no expected revenue.
    """

    visits: tuple[tuple[str, VisitNorm], ...]
    capacity: Capacity
    judgements: tuple[tuple[str, Judgements], ...] = ()

    @classmethod
    def from_norms(cls, norms: Norms) -> "PlanInputs":
        judgements = tuple((segment, Judgements.read(response, f"response.{segment}"))
                           for segment, response in norms.response.items())
        return cls(tuple(norms.visits.items()), norms.capacity, judgements)

    @property
    def norms(self) -> dict[str, VisitNorm]:
        return dict(self.visits)

    @property
    def responses(self) -> dict[str, Judgements]:
        return dict(self.judgements)

    @property
    def has_curves(self) -> bool:
        return bool(self.judgements)

    def with_judgements(self, judgements: Mapping[str, Judgements] | None) -> "PlanInputs":
        """The same norms with other judgements (None or empty: no response curves)."""
        return PlanInputs(self.visits, self.capacity, tuple((judgements or {}).items()))

    def with_field_days(self, factor: float) -> "PlanInputs":
        """The same plan with `factor` times the field days (to see how flat the optimum is)."""
        scaled = Capacity(self.capacity.visits_per_day, self.capacity.field_days * factor)
        return PlanInputs(self.visits, scaled, self.judgements)

    def key(self) -> str:
        """A short digest of everything the plan depends on, for cache keys."""
        return _digest((self.visits, self.capacity, self.judgements))

    def norms_key(self) -> str:
        """A digest of the visit norms and capacity alone: what the plan's base depends on."""
        return _digest((self.visits, self.capacity))


def _digest(values: object) -> str:
    return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()[:16]


def judgement_problems(segment: str, values: Mapping[str, object]) -> list[JudgementProblem]:
    """What is wrong with one segment's judgements: not numbers, below 0, or decreasing
    (more visits never bring less revenue: none ≤ half ≤ current ≤ more_50 ≤ saturation)."""
    problems: list[JudgementProblem] = []
    readable: list[tuple[str, float]] = []
    for level in RESPONSE_LEVELS:
        value = 1.0 if level == "current" else values.get(level)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            problems.append(JudgementProblem(segment, level, "not_a_number", None))
        elif value < 0:
            problems.append(JudgementProblem(segment, level, "negative", float(value)))
        else:
            readable.append((level, float(value)))
    for (before, low), (level, high) in zip(readable, readable[1:]):
        if high < low and level == "current":
            # Today's level is fixed at 1: the level before it is the one to lower.
            problems.append(JudgementProblem(segment, before, "above_current", low))
        elif high < low:
            problems.append(JudgementProblem(segment, level, "decreasing", high, before))
    return problems


def judgements_from_levels(values: Mapping[str, Mapping[str, object]]
                           ) -> tuple[dict[str, Judgements], list[JudgementProblem]]:
    """{segment: {level: value}} checked; the judgements of the segments without problems."""
    read: dict[str, Judgements] = {}
    problems: list[JudgementProblem] = []
    for segment, levels in values.items():
        found = judgement_problems(segment, levels)
        problems += found
        if not found:
            read[segment] = Judgements(**{level: float(levels[level])  # type: ignore[arg-type]
                                          for level in EDITABLE_LEVELS})
    return read, problems
