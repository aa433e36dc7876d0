"""Where the records of a CSV file start and end, found with numpy over the raw bytes.

DuckDB skips blank lines and does not number rows, so the reader needs the record
numbers of blank lines to give every row its number as the user sees it. A record
ends at a newline outside quotes; with RFC 4180 quoting ("" inside a quoted value)
a newline is outside quotes exactly when the number of quotes before it is even.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from portfolio.reading import cancel

CHUNK_BYTES = 16 * 1024 * 1024
_QUOTE = ord('"')
_CR = ord("\r")


@dataclass(frozen=True)
class RecordScan:
    """Blank records (1-based numbers), the record count, and an unclosed quote if any."""

    blank: np.ndarray
    records: int
    unclosed_from: int | None  # record where a quote opens and never closes


def scan_records(path: Path, newline: bytes = b"\n") -> RecordScan:
    """Number the records of a UTF-8 CSV file without a per-row Python loop."""
    nl = newline[0]
    blanks: list[np.ndarray] = []
    offset = 0  # file position of the current chunk
    quotes_before = 0  # quotes seen before the chunk
    previous_end = -1  # file position of the last record-ending newline
    previous_byte = -1  # last byte of the previous chunk
    boundaries = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            cancel.check()
            data = np.frombuffer(chunk, dtype=np.uint8)
            quote_at = np.flatnonzero(data == _QUOTE)
            newline_at = np.flatnonzero(data == nl)
            quotes_seen = quotes_before + np.searchsorted(quote_at, newline_at)
            ends = newline_at[(quotes_seen & 1) == 0]
            if len(ends):
                starts = np.concatenate(([previous_end - offset], ends[:-1])) + 1
                length = ends - starts
                before = np.where(ends > 0, data[np.maximum(ends - 1, 0)], previous_byte)
                blank = (length == 0) | ((length == 1) & (before == _CR) & (nl != _CR))
                blanks.append(boundaries + 1 + np.flatnonzero(blank))
                boundaries += len(ends)
                previous_end = offset + int(ends[-1])
            quotes_before += len(quote_at)
            previous_byte = int(data[-1])
            offset += len(chunk)
    trailing = offset - previous_end - 1  # bytes after the last record end
    records = boundaries + (1 if trailing > 0 else 0)
    unclosed = boundaries + 1 if quotes_before % 2 == 1 else None
    blank = np.concatenate(blanks) if blanks else np.empty(0, dtype=np.int64)
    return RecordScan(blank=blank.astype(np.int64), records=records, unclosed_from=unclosed)


def output_rows(count: int, first: int, skipped: np.ndarray) -> np.ndarray:
    """Record numbers of `count` rows read in order from record `first` on, given the
    sorted record numbers that the reader left out (blank lines, rejected rows)."""
    skipped = np.unique(skipped[skipped >= first])
    position = np.arange(count, dtype=np.int64)
    # The k-th left-out record has (skipped[k] - first - k) kept records before it.
    kept_before = skipped - first - np.arange(len(skipped))
    return first + position + np.searchsorted(kept_before, position, side="right")
