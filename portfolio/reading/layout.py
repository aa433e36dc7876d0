"""Find the separator and the header row from the first records of a file."""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from portfolio.contract import canonical_column
from portfolio.reading.options import SEPARATORS

HEADER_SCAN_ROWS = 30  # the header is looked for in the first rows only
SAMPLE_BYTES = 256 * 1024
MIN_ALIASES = 2  # a header row names at least two contract columns
# Cells of a row looked at for contract names: enough for any header the column limit
# lets through by default, and a 10,000-column row costs no more than a real one.
HEADER_CELLS = 1_000


def read_sample(path: Path) -> str:
    """The start of a UTF-8 file as text, cut after its last complete line."""
    with open(path, "rb") as handle:
        data = handle.read(SAMPLE_BYTES + 1)
    complete = len(data) <= SAMPLE_BYTES
    data = data[:SAMPLE_BYTES]
    if not complete:
        cut = max(data.rfind(b"\n"), data.rfind(b"\r"))
        data = data[: cut + 1] if cut > 0 else data
    return data.decode("utf-8-sig", errors="replace")


def sample_records(sample: str, separator: str, limit: int) -> list[list[str]]:
    """The first `limit` records of the sample; a blank line is an empty record."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=separator,
                        quotechar='"', doublequote=True, strict=False)
    records: list[list[str]] = []
    try:
        records.extend(itertools.islice(reader, limit))
    except csv.Error:  # a huge or cut-off cell: the records before it still tell
        pass
    return records


def alias_hits(row: Sequence[object]) -> int:
    """How many distinct contract columns the first HEADER_CELLS cells of a row name."""
    return len({canonical_column(str(cell)) for cell in row[:HEADER_CELLS]
                if cell not in (None, "")} - {None})


def detect_separator(sample: str, limit: int) -> str:
    """The separator that makes a row look most like a header, then the most regular one."""

    def score(separator: str) -> tuple[int, int, int]:
        rows = [r for r in sample_records(sample, separator, limit) if r]
        if not rows:
            return (0, 0, 0)
        best = max(alias_hits(r) for r in rows)
        widths = Counter(len(r) for r in rows)
        width, count = widths.most_common(1)[0]
        return (best, count if width > 1 else 0, width)

    # Ties go to the order of SEPARATORS: ";" first, as French Excel writes it.
    return max(SEPARATORS, key=lambda sep: (score(sep), -SEPARATORS.index(sep)))


def find_header(rows: Sequence[Sequence[object]], requested: int | None) -> int | None:
    """0-based index of the header row: the requested one, else the first row naming at
    least MIN_ALIASES contract columns, else the first non-empty row (None if none)."""
    if requested is not None:
        return requested - 1 if 0 < requested <= len(rows) else None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if alias_hits(row) >= MIN_ALIASES:
            return index
    return next((i for i, row in enumerate(rows) if any(c not in (None, "") for c in row)), None)
