"""Stopping a reading from another thread: the user cancelled, or their session ended.

A reading runs DuckDB queries (which only `interrupt()` stops) and Python loops over
chunks of the file (which look at the flag between chunks). The reading in progress
finds its cancellation through a context variable, set by whoever started it, so that
no function between the page and the reader's inner loops has to pass it along; a
reading started without one cannot be cancelled and pays nothing.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


class ReadingCancelled(Exception):
    """The reading was stopped before its end; nothing of it is kept."""


class Cancellation:
    """A flag another thread may raise, and the DuckDB connections it interrupts."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._connections: set[duckdb.DuckDBPyConnection] = set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        """Raise the flag and interrupt the queries running now (safe from any thread)."""
        self._event.set()
        with self._lock:
            running = list(self._connections)
        for con in running:
            try:
                con.interrupt()
            except duckdb.Error:  # closed in the meantime: nothing left to stop
                pass

    def check(self) -> None:
        if self._event.is_set():
            raise ReadingCancelled()

    @contextmanager
    def watching(self, con: duckdb.DuckDBPyConnection) -> Iterator[None]:
        with self._lock:
            self._connections.add(con)
        try:
            self.check()  # cancelled before this connection opened
            yield
        finally:
            with self._lock:
                self._connections.discard(con)


_current: contextvars.ContextVar[Cancellation | None] = contextvars.ContextVar(
    "reading_cancellation", default=None)


@contextmanager
def cancellable(cancellation: Cancellation) -> Iterator[None]:
    """Readings started inside this block (in this thread) stop when it is cancelled."""
    token = _current.set(cancellation)
    try:
        yield
    finally:
        _current.reset(token)


def check() -> None:
    """Raise ReadingCancelled if the reading in progress was cancelled."""
    cancellation = _current.get()
    if cancellation is not None:
        cancellation.check()


@contextmanager
def watched(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """`con`, interrupted if the reading in progress is cancelled while it runs a query."""
    cancellation = _current.get()
    if cancellation is None:
        yield con
        return
    with cancellation.watching(con):
        yield con
