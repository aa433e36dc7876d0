"""Plain inputs of visit planning: visit norms per segment and a rep's capacity."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, NamedTuple, Sequence

import numpy as np
import pandas as pd

# Visits a year cannot be split; capacities such as 2.3 × 200 come out of floating point
# as 459.99999999999994, so a hair is added before rounding down.
_ROUND_GUARD = 1e-9


class VisitNorm(NamedTuple):
    """Visits per client per year for one segment: the floor, the norm and the ceiling."""

    min: float
    norm: float
    max: float


@dataclass(frozen=True)
class Capacity:
    """What one rep can do in a year: visits per field day × field days."""

    visits_per_day: float
    field_days: float

    def __post_init__(self) -> None:
        for name in ("visits_per_day", "field_days"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
                raise ValueError(f"capacity {name}: expected a number ≥ 0, got {value!r}")

    @property
    def exact(self) -> float:
        """Visits a year, unrounded (for utilisation ratios)."""
        return float(self.visits_per_day) * float(self.field_days)

    @property
    def visits(self) -> int:
        """Whole visits a year: a rep cannot make part of a visit, so this rounds down."""
        return int(math.floor(self.exact + _ROUND_GUARD))


def visit_norms(norms: Mapping[str, Sequence[float] | VisitNorm]) -> dict[str, VisitNorm]:
    """Check a {segment: (min, norm, max)} mapping and return it as VisitNorm values."""
    checked: dict[str, VisitNorm] = {}
    problems: list[str] = []
    for segment, triple in norms.items():
        if all(hasattr(triple, a) for a in ("min", "norm", "max")) and not isinstance(triple, tuple):
            triple = (triple.min, triple.norm, triple.max)  # a norms-file object
        try:
            low, norm, high = (float(v) for v in triple)
        except (TypeError, ValueError):
            problems.append(f"segment {segment!r}: expected (min, norm, max) numbers, got {triple!r}")
            continue
        if not all(math.isfinite(v) and v >= 0 for v in (low, norm, high)):
            problems.append(f"segment {segment!r}: visit norms must be numbers ≥ 0, got {triple!r}")
        elif not low <= norm <= high:
            problems.append(f"segment {segment!r}: expected min ≤ norm ≤ max, got {triple!r}; "
                            "reorder the three values")
        else:
            checked[str(segment)] = VisitNorm(low, norm, high)
    if problems:
        raise ValueError("invalid visit norms:\n" + "\n".join(problems))
    return checked


def _missing_segments(segments: pd.Series, known: Sequence[str], what: str) -> None:
    unknown = ~segments.isin(list(known))
    if unknown.any():
        bad = segments[unknown]
        names = sorted({str(s) for s in bad.dropna()}) + (["<empty>"] if bad.isna().any() else [])
        rows = ", ".join(str(i) for i in bad.index[:5]) + (" …" if len(bad) > 5 else "")
        raise ValueError(f"column 'segment': {len(bad)} client(s) (rows {rows}) are in segment(s) "
                         f"{', '.join(names)} that have no {what}; expected one of "
                         f"{', '.join(map(str, known))}. Add the segment to the {what} or "
                         "score those clients first.")


def segment_codes(segments: pd.Series, known: Sequence[str], what: str) -> np.ndarray:
    """Index of each client's segment in `known`; raises naming the clients whose segment is not."""
    _missing_segments(segments, known, what)
    return pd.Categorical(segments, categories=list(known)).codes.astype(np.intp)


def client_norms(segments: pd.Series, norms: Mapping[str, Sequence[float] | VisitNorm]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(min, norm, max) visits a year for each client, from its segment."""
    table = visit_norms(norms)
    codes = segment_codes(segments, list(table), "visit norm")
    values = np.array(list(table.values()), dtype=float).reshape(-1, 3)
    per_client = values[codes]
    return per_client[:, 0], per_client[:, 1], per_client[:, 2]


def as_capacity(value: object) -> Capacity:
    """A Capacity from anything with visits_per_day and field_days (e.g. the norms file's)."""
    if isinstance(value, Capacity):
        return value
    if hasattr(value, "visits_per_day") and hasattr(value, "field_days"):
        return Capacity(value.visits_per_day, value.field_days)  # type: ignore[attr-defined]
    raise ValueError(f"capacity: expected visits_per_day and field_days, got {value!r}")


def rep_capacities(reps: Sequence[str], capacity: Capacity | Mapping[str, Capacity]
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per rep: whole visits a year, exact visits a year and visits per day."""
    if not isinstance(capacity, Mapping):
        chosen = [as_capacity(capacity)] * len(reps)
    else:
        missing = [r for r in reps if r not in capacity]
        if missing:
            raise ValueError(f"capacity: no capacity given for rep(s) {', '.join(map(str, missing[:5]))}"
                             f"{' …' if len(missing) > 5 else ''}; give one Capacity for everyone "
                             "or one per rep")
        chosen = [as_capacity(capacity[r]) for r in reps]
    return (np.array([c.visits for c in chosen], dtype=np.int64),
            np.array([c.exact for c in chosen], dtype=float),
            np.array([float(c.visits_per_day) for c in chosen], dtype=float))
