"""Process-wide resources: the store (one per database file) and the active grid (last valid one kept)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from portfolio.grid.loader import load_grid
from portfolio.grid.model import Grid
from portfolio.problems import ConfigError, ConfigIssue
from portfolio.store.bootstrap import ensure_demo_dataset
from portfolio.store.database import Store
from portfolio.store.scores import prune_scores


@st.cache_resource(show_spinner=False, on_release=lambda store: store.close())
def open_store(db_path: str) -> Store:
    """The process's one store for this file; an empty database gets the demo portfolio.

    Raises StoreBusy when another program holds the file (nothing is cached then,
    so the next rerun tries again).
    """
    store = Store(db_path)
    ensure_demo_dataset(store)
    return store


@st.cache_resource(show_spinner=False, max_entries=16)
def prune_old_scores(_store: Store, db_path: str, grid_id: str, _grid: Grid) -> int:
    """Once per database and version of the grid file in this process: drop the scores
    kept for other grids (see `portfolio.store.scores.prune_scores`)."""
    return prune_scores(_store, _grid)


@dataclass(frozen=True)
class GridRead:
    """One reading of the grid file: the grid, or every issue found in it."""

    grid: Grid | None
    issues: tuple[ConfigIssue, ...]


@dataclass(frozen=True)
class ActiveGrid:
    """The grid pages use and the state of the file it came from.

    `grid` is the file's grid when the file is valid, else the last valid grid this
    server read from it (None when there never was one); `issues` are the file's
    current errors, empty when it is valid.
    """

    grid: Grid | None
    issues: tuple[ConfigIssue, ...]
    path: Path

    @property
    def is_valid(self) -> bool:
        return not self.issues

    @property
    def is_stale(self) -> bool:
        """A grid is shown, but it is not what the file now says."""
        return self.grid is not None and not self.is_valid


@st.cache_resource(show_spinner=False, max_entries=16)
def _read_grid(path: str, modified_ns: int, size: int) -> GridRead:
    """Parse the file once per version of it (its modification time and size are the key)."""
    try:
        return GridRead(load_grid(path), ())
    except ConfigError as error:
        return GridRead(None, tuple(error.issues))


class _LastValid:
    """The last valid grid read from one file, shared by every session of this server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._grid: Grid | None = None

    def remember(self, grid: Grid) -> None:
        with self._lock:
            self._grid = grid

    def get(self) -> Grid | None:
        with self._lock:
            return self._grid


@st.cache_resource(show_spinner=False)
def _last_valid(path: str) -> _LastValid:
    return _LastValid()


def active_grid(path: Path, missing_message: str) -> ActiveGrid:
    """The grid in `path`, or its errors and the last valid grid (a broken grid never half-applies).

    `missing_message` is the (translated) text shown when the file does not exist.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        read = GridRead(None, (ConfigIssue(path.name, None, "(file)", missing_message),))
    else:
        read = _read_grid(str(path), info.st_mtime_ns, info.st_size)
    last = _last_valid(str(path))
    if read.grid is not None:
        last.remember(read.grid)
        return ActiveGrid(read.grid, (), path)
    return ActiveGrid(last.get(), read.issues, path)
