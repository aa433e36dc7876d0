"""Portfolio norms as typed objects: target structure, visit norms and capacity, response judgements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

# The response judgements, in the order visits grow: expected revenue, as a multiple of
# today's, with no visit, half of today's visits, today's, 50 % more, and at saturation.
RESPONSE_LEVELS: tuple[str, ...] = ("none", "half", "current", "more_50", "saturation")


@dataclass(frozen=True)
class Target:
    """Target share of a segment: of the clients, and optionally of the revenue (0–1)."""

    clients: float
    revenue: float | None = None


@dataclass(frozen=True)
class Scope:
    """Where an override applies: the clients whose `column` holds `value` (trimmed, case folded)."""

    column: str
    value: str

    def matches(self, value: str | None) -> bool:
        return value is not None and value.strip().lower() == self.value.strip().lower()


@dataclass(frozen=True)
class Structure:
    """Target structure: a target per segment id, and the gap allowed around each share."""

    tolerance: float
    targets: dict[str, Target]
    scope: Scope | None = None  # None for the default structure
    # Reps with fewer clients get no verdict on their shares (see structure.gaps).
    judged_from_clients: int = 10


@dataclass(frozen=True)
class VisitNorm:
    """Visits per client per year for one segment."""

    min: float
    norm: float
    max: float


@dataclass(frozen=True)
class Capacity:
    """What one rep can do in a year."""

    visits_per_day: float
    field_days: float

    @property
    def visits_per_year(self) -> float:
        return self.visits_per_day * self.field_days


@dataclass(frozen=True)
class Response:
    """Judgements of a segment's response to visits: revenue as a multiple of today's."""

    none: float
    half: float
    current: float
    more_50: float
    saturation: float

    def levels(self) -> tuple[float, ...]:
        """The judgements in RESPONSE_LEVELS order."""
        return tuple(getattr(self, level) for level in RESPONSE_LEVELS)


@dataclass(frozen=True)
class Norms:
    version: int
    structure: Structure
    overrides: tuple[Structure, ...]
    capacity: Capacity
    visits: dict[str, VisitNorm]
    response: dict[str, Response]  # empty when the file gives none
    source: str = "<norms>"
    fingerprint: str = field(default="", compare=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def structure_for(self, values: Mapping[str, str | None]) -> Structure:
        """The target structure for a team or region: the first override whose scope matches
        `values` (column → value, e.g. {"region": "Nord"}), else the default one."""
        for override in self.overrides:
            assert override.scope is not None
            if override.scope.matches(values.get(override.scope.column)):
                return override
        return self.structure
