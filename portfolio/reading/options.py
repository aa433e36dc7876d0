"""What the caller may set when reading a client file, and what a reading returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from portfolio.problems import Report
from portfolio.settings import ReadLimits
from portfolio.reading.typed import StagedRows, empty_client_frame

if TYPE_CHECKING:  # pandas is loaded only when the rows are asked for as a frame
    import pandas as pd

ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "cp1252")
SEPARATORS: tuple[str, ...] = (";", ",", "\t")
DECIMALS: tuple[str, ...] = (",", ".")


@dataclass(frozen=True)
class ReadOptions:
    """Choices that override detection; every None means "detect it".

    `header_row` is 1-based, as the user sees it (the record number in a CSV, the
    sheet row in Excel). `sheet` is a sheet name or a 0-based index. `column_map`
    maps a file header to a contract column, or to None to keep it as a custom
    column; it wins over alias matching. `limits` bound the work a file may ask
    for (None: those of the environment, `portfolio.settings.load_read_limits`).
    """

    encoding: str | None = None
    separator: str | None = None
    decimal: str | None = None
    header_row: int | None = None
    sheet: str | int | None = None
    column_map: Mapping[str, str | None] = field(default_factory=lambda: MappingProxyType({}))
    max_bytes: int | None = None
    limits: ReadLimits | None = None

    def __hash__(self) -> int:
        # Options may key a cache; the mapping is hashed by its content.
        return hash((self.encoding, self.separator, self.decimal, self.header_row, self.sheet,
                     tuple(sorted(self.column_map.items(), key=repr)), self.max_bytes,
                     self.limits))


@dataclass(frozen=True)
class Detected:
    """What was detected or used, shown to the user so they can correct it."""

    format: str  # "csv" | "xlsx"
    encoding: str | None
    separator: str | None
    decimal: str | None
    header_row: int
    sheet: str | None
    sheets: tuple[str, ...]
    currency: str | None = None  # the one currency sign the amounts' cells carry, if any


@dataclass
class ReadResult:
    """The typed client rows, every problem found, and how the file was understood.

    The rows stay in their staging database (None when the file could not be read
    as a table): `frame` reads all of them into memory, `preview` the first ones.
    """

    rows: StagedRows | None
    report: Report
    detected: Detected
    mapping: dict[str, str | None]
    _previews: dict[int, pd.DataFrame] = field(default_factory=dict, repr=False, compare=False)

    @property
    def row_count(self) -> int:
        return self.rows.count if self.rows is not None else 0

    @property
    def frame(self) -> pd.DataFrame:
        """Every row as a pandas frame, in file order (for small files and tests:
        storing a reading never needs it)."""
        return self.rows.frame() if self.rows is not None else empty_client_frame()

    def preview(self, limit: int) -> pd.DataFrame:
        """The first `limit` rows as a pandas frame (kept: a page shows it on every rerun)."""
        if self.rows is None:
            return empty_client_frame()
        if limit not in self._previews:
            self._previews[limit] = self.rows.frame(limit)
        return self._previews[limit]
