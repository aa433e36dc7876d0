"""One client's card: its scores and, per criterion, the value, the points and the level that gave them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real

from portfolio.grid.model import AXES, Band, Category, Criterion
from portfolio.sql import quote_identifier
from portfolio.view import PortfolioView

_HEADER = ("client_id", "client_name", "salesperson", "region", "industry", "period", "revenue",
           "potential", "share_of_wallet", "attractiveness", "qrc", "segment", "incomplete")


@dataclass(frozen=True)
class CriterionResult:
    """How one criterion scored the client.

    `points` is what the stored scoring gave (0 for a missing value under
    `missing: zero`, None under `missing: ignore`); `level` is the band or category
    the value fell in, None when the value is missing (empty or matching no level).
    """

    axis: str
    criterion: Criterion
    value: object
    points: float | None
    level: Band | Category | None

    @property
    def missing(self) -> bool:
        return self.level is None

    @property
    def max_points(self) -> float:
        return self.criterion.max_points


class ScoredClient:
    """A client's scores and criteria (a stored client's card or a client scored live),
    with the criteria per axis and those missing."""

    attractiveness: float | None
    qrc: float | None
    criteria: tuple[CriterionResult, ...]

    def on_axis(self, axis: str) -> tuple[CriterionResult, ...]:
        return tuple(result for result in self.criteria if result.axis == axis)

    @property
    def missing(self) -> tuple[CriterionResult, ...]:
        return tuple(result for result in self.criteria if result.missing)


@dataclass(frozen=True)
class ClientCard(ScoredClient):
    client_id: str
    client_name: str
    salesperson: str
    region: str | None
    industry: str | None
    period: str
    revenue: float | None
    potential: float | None
    share_of_wallet: float | None
    attractiveness: float | None
    qrc: float | None
    segment: str | None
    incomplete: bool
    criteria: tuple[CriterionResult, ...]


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, Real) and not isinstance(value, bool):
        return math.isnan(float(value))
    return isinstance(value, str) and not value.strip()


def matching_level(criterion: Criterion, value: object) -> Band | Category | None:
    """The band or category a value falls in, by the grid format's rules (None: missing).

    Mirrors the scoring SQL for a single value: the band with the greatest `from`
    that is <= the value; the category equal to the value after trimming and case
    folding (a whole number stored as a number matches the category "3").
    """
    if _blank(value):
        return None
    if criterion.bands is not None:
        if not isinstance(value, Real) or isinstance(value, bool):
            return None
        below = [band for band in criterion.bands if band.start <= float(value)]
        return below[-1] if below else None
    if isinstance(value, Real) and not isinstance(value, bool) and float(value) == int(value):
        text = str(int(value))
    else:
        text = str(value)
    key = text.strip().lower()
    return next((c for c in criterion.categories or () if c.key == key), None)


def client_card(view: PortfolioView, client_id: str) -> ClientCard | None:
    """The card of one client (None when the viewer may not see it or it does not exist)."""
    grid = view.grid
    source = view.clients()
    criteria = [(axis, c) for axis in AXES for c in grid.axes[axis].criteria]
    raw_columns = list(dict.fromkeys(c.column for _, c in criteria if c.column not in _HEADER))
    selected = ([quote_identifier(c) for c in _HEADER]
                + [quote_identifier(f"pts_{c.id}") for _, c in criteria]
                + [quote_identifier(c) for c in raw_columns])
    with view.store.reading() as cur:
        row = cur.execute(f"SELECT {', '.join(selected)} FROM {source.sql} WHERE client_id = ?",
                          [*source.params, client_id]).fetchone()
    if row is None:
        return None
    header = dict(zip(_HEADER, row[:len(_HEADER)]))
    stored_points = row[len(_HEADER):len(_HEADER) + len(criteria)]
    raw = {**header, **dict(zip(raw_columns, row[len(_HEADER) + len(criteria):]))}
    results = tuple(
        CriterionResult(axis, criterion, raw[criterion.column],
                        None if _blank(pts) else float(pts),
                        matching_level(criterion, raw[criterion.column]))
        for (axis, criterion), pts in zip(criteria, stored_points))
    fields = {k: (None if _blank(v) and not isinstance(v, str) else v) for k, v in header.items()}
    fields["incomplete"] = bool(header["incomplete"])
    return ClientCard(criteria=results, **fields)
