"""The scoring grid as typed, validated objects (built by `portfolio.grid.loader`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

AXES: tuple[str, str] = ("attractiveness", "qrc")
MissingPolicy = Literal["zero", "ignore"]


@dataclass(frozen=True)
class LocalText:
    """A text given in one or more languages; a plain YAML string counts for all of them."""

    by_lang: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, value: str | dict[str, str]) -> "LocalText":
        if isinstance(value, str):
            return cls((("*", value),))
        return cls(tuple(value.items()))

    def get(self, lang: str) -> str:
        texts = dict(self.by_lang)
        for key in (lang, "*", "en", "fr"):
            if key in texts:
                return texts[key]
        return next(iter(texts.values()), "")


@dataclass(frozen=True)
class Band:
    start: float  # the YAML key `from`
    points: float
    rule: LocalText | None = None


@dataclass(frozen=True)
class Category:
    value: str
    points: float
    rule: LocalText | None = None

    @property
    def key(self) -> str:
        """The value as matched: trimmed and lower-cased (as DuckDB's lower(trim(x)))."""
        return self.value.strip().lower()


@dataclass(frozen=True)
class Criterion:
    id: str
    label: LocalText
    column: str
    weight: float
    bands: tuple[Band, ...] | None = None
    categories: tuple[Category, ...] | None = None

    @property
    def is_numeric(self) -> bool:
        return self.bands is not None

    @property
    def max_points(self) -> float:
        levels = self.bands if self.bands is not None else self.categories or ()
        return max(level.points for level in levels)


@dataclass(frozen=True)
class Axis:
    id: str
    label: LocalText
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Segment:
    id: str
    cell: dict[str, int]  # axis id -> band index, 0 = lowest
    label: LocalText
    action: LocalText | None = None
    color: str | None = None


@dataclass(frozen=True)
class Grid:
    name: LocalText
    version: int
    missing: MissingPolicy
    axes: dict[str, Axis]
    cuts: dict[str, tuple[float, ...]]
    segments: tuple[Segment, ...]
    source: str = "<grid>"
    fingerprint: str = field(default="", compare=False)
    # Key path → line in the source file (`axes.qrc.criteria[1].column` → 31), so that
    # problems found later, against the data, can still point at the grid's line.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for axis in AXES for c in self.axes[axis].criteria)

    def segment(self, segment_id: str) -> Segment:
        return next(s for s in self.segments if s.id == segment_id)

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def segment_labels(self, lang: str) -> dict[str, str]:
        """Segment id → its label in `lang`, in the grid's order."""
        return {s.id: s.label.get(lang) for s in self.segments}

    def segment_actions(self, lang: str) -> dict[str, str | None]:
        """Segment id → its action in `lang` (None for a segment without one)."""
        return {s.id: s.action.get(lang) if s.action else None for s in self.segments}
