"""A DuckDB file of its own for the rows of a file being read, until they are stored.

The frame query's rows are streamed into it batch by batch, numbered in file order
on the way, and every check then runs as SQL over it. No whole copy of the file ever
sits in the process's memory: a 1M-row export read into a frame and then stored
peaked at 3.8 times the file (bench/bench_import.py), most of it the frame and
DuckDB's writer at the same time.

The folder also holds the UTF-8 copy of a transcoded CSV while it is read; it is
removed with everything in it when the reading is dropped (or `close` is called).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import numpy as np

from portfolio.reading import cancel

STAGED = "staged"  # the frame query's rows in file order: `rowid` is the 0-based position
SKIPS = "skips"  # records the reader left out, to number rows as the user sees them
BATCH_ROWS = 1 << 16
WRITER_THREADS = 2
_INCOMING = "incoming_batches"


class Staging:
    """The staging database and its folder; one per reading."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="portfolio-read-"))
        self.path = self.folder / "rows.duckdb"
        # One connection at a time: DuckDB refuses a file open twice in one process,
        # and a cached reading may be previewed and stored by two sessions at once.
        self.lock = threading.RLock()
        self._remove = weakref.finalize(self, shutil.rmtree, self.folder, ignore_errors=True)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.lock:
            con = duckdb.connect(str(self.path), read_only=read_only)
            try:
                with cancel.watched(con):  # a cancelled reading interrupts its queries
                    quiet_and_linear(con)
                    # Each thread fills a row group of its own: bounded, so that what a
                    # reading holds does not grow with the machine's cores.
                    con.execute(f"SET threads = {WRITER_THREADS}")
                    yield con
            finally:
                con.close()

    def close(self) -> None:
        """Remove the staging database and the folder now."""
        self._remove()


def quiet_and_linear(con: duckdb.DuckDBPyConnection) -> None:
    """Settings of a connection (its own database) that reads or checks a file's cells.

    DuckDB's common-subexpression pass costs time in the square of a query's
    expressions: 20 rows of 1,000 columns took 45 s to plan, 2 s without it. The
    reading's queries compute each step once in a layer of their own, so the pass
    has nothing to gain there. The setting is global to the database, which is why
    only the reading's own connections get it, never the store's.
    """
    con.execute("SET enable_progress_bar = false")
    con.execute("SET disabled_optimizers = 'common_subexpressions'")


def stage_query(staging: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object],
                max_rows: int | None = None) -> int:
    """Run the frame query on the staging connection itself, straight into the staging
    table (a CSV's read_csv can be read from any connection); returns the row count.

    DuckDB reads, parses and writes with all its threads and no row crosses into
    Python. Insertion order is kept (DuckDB's default), so a row's `rowid` is its
    position in the file. Past `max_rows`, one row more than the limit is staged (a
    count above the limit tells the caller to refuse the file), not the whole file.
    """
    limit = f" LIMIT {int(max_rows) + 1}" if max_rows is not None else ""
    staging.execute(f"CREATE OR REPLACE TABLE {STAGED} AS SELECT * FROM ({sql}){limit}", params)
    return int(staging.execute(f"SELECT count(*) FROM {STAGED}").fetchall()[0][0])


def arrow():
    """pyarrow, loaded when a reading streams Arrow batches (Excel cells; a CSV is read
    by DuckDB alone, so reading one never loads it).

    Such a reading allocates and frees most of its Arrow buffers batch by batch.
    Arrow's default allocator (mimalloc) keeps freed pages for reuse, so a 1M-row import
    held about 25 MB more at its peak than with the system allocator, which hands them
    back (measured with bench/bench_import.py). The setting is process-wide: it is made
    here, where the large Arrow allocations are.
    """
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    return pyarrow


def stage_rows(reading: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object],
               staging: duckdb.DuckDBPyConnection, max_rows: int | None = None) -> int:
    """Run the frame query on `reading` (whose relation only it can read: Excel cells
    registered there) and write its rows into the staging table, batch by batch, in
    file order (a row's `rowid` is its position); returns the row count.

    Past `max_rows`, the reading stops at the end of that batch (a count above the
    limit tells the caller to refuse the file) rather than staging all of it.
    """
    pa = arrow()
    batches = reading.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)
    count = 0

    def counted() -> Iterator[object]:
        nonlocal count
        for batch in batches:
            if max_rows is not None and count > max_rows:
                break
            count += batch.num_rows
            yield batch

    staging.register(_INCOMING, pa.RecordBatchReader.from_batches(batches.schema, counted()))
    try:
        staging.execute(f"CREATE OR REPLACE TABLE {STAGED} AS SELECT * FROM {_INCOMING}")
    finally:
        staging.unregister(_INCOMING)
    return count


def number_rows(staging: duckdb.DuckDBPyConnection, first: int, skipped: np.ndarray) -> bool:
    """Record which records were left out (blank lines, rejected rows), so that
    `source_row` can number each staged row as the user sees it.

    The row at position p is record `first + p + k`, k the number of left-out records
    before it: kept as (kept_before, k) pairs, looked up with an ASOF join. Returns
    whether any record was left out (else `source_row` needs no lookup).
    """
    skipped = np.unique(skipped[skipped >= first])
    if not len(skipped):
        return False
    kept_before = skipped - first - np.arange(len(skipped))
    values, last = np.unique(kept_before[::-1], return_index=True)
    counts = len(kept_before) - last  # left-out records up to each distinct value
    staging.execute(f"CREATE OR REPLACE TABLE {SKIPS} AS SELECT unnest($kept) AS kept_before, "
                    f"unnest($count) AS k", {"kept": values.tolist(), "count": counts.tolist()})
    return True


def numbered_sql(catalog: str, first: int, with_skips: bool) -> str:
    """The staged rows with their position `pos` and `source_row` (`catalog`: "" or
    "alias." when attached)."""
    if not with_skips:
        return f"SELECT *, rowid AS pos, {int(first)} + rowid AS source_row FROM {catalog}{STAGED}"
    return (f"SELECT s.*, s.rowid AS pos, {int(first)} + s.rowid + coalesce(k.k, 0) AS source_row "
            f"FROM {catalog}{STAGED} s ASOF LEFT JOIN {catalog}{SKIPS} k "
            f"ON s.rowid >= k.kept_before")
