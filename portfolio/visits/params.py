"""Plain inputs of visit planning: visit norms per segment and a rep's capacity."""

from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from portfolio.norms.model import Capacity, VisitNorm

# Visits a year cannot be split; capacities such as 2.3 × 200 come out of floating point
# as 459.99999999999994, so a hair is added before rounding down.
_ROUND_GUARD = 1e-9


def whole_visits(capacity: Capacity) -> int:
    """Visits a year a rep can make, rounded down: a rep cannot make part of a visit."""
    return int(math.floor(exact_visits(capacity) + _ROUND_GUARD))


def exact_visits(capacity: Capacity) -> float:
    """visits_per_day × field_days, checked to be numbers ≥ 0."""
    for name in ("visits_per_day", "field_days"):
        value = getattr(capacity, name, None)
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value) or value < 0:
            raise ValueError(f"capacity {name}: expected a number ≥ 0, got {value!r}")
    return float(capacity.visits_per_day) * float(capacity.field_days)


def visit_norms(norms: Mapping[str, Sequence[float] | VisitNorm]) -> dict[str, VisitNorm]:
    """Check a {segment: (min, norm, max)} mapping and return it as VisitNorm values."""
    checked: dict[str, VisitNorm] = {}
    problems: list[str] = []
    for segment, triple in norms.items():
        if isinstance(triple, VisitNorm):
            triple = (triple.min, triple.norm, triple.max)
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
    values = np.array([(v.min, v.norm, v.max) for v in table.values()], dtype=float).reshape(-1, 3)
    per_client = values[codes]
    return per_client[:, 0], per_client[:, 1], per_client[:, 2]


def rep_capacities(reps: Sequence[str], capacity: Capacity | Mapping[str, Capacity]
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per rep: whole visits a year, exact visits a year and visits per day."""
    if not isinstance(capacity, Mapping):
        chosen = [capacity] * len(reps)
    else:
        missing = [r for r in reps if r not in capacity]
        if missing:
            raise ValueError(f"capacity: no capacity given for rep(s) {', '.join(map(str, missing[:5]))}"
                             f"{' …' if len(missing) > 5 else ''}; give one Capacity for everyone "
                             "or one per rep")
        chosen = [capacity[r] for r in reps]
    return (np.array([whole_visits(c) for c in chosen], dtype=np.int64),
            np.array([exact_visits(c) for c in chosen], dtype=float),
            np.array([float(c.visits_per_day) for c in chosen], dtype=float))
