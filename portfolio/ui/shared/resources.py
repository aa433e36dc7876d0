"""Process-wide resources: the store (one per database file) and the active grid (last valid one kept)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from portfolio.config_read import ConfigRead, read_grid_file
from portfolio.grid.model import Grid
from portfolio.problems import ConfigIssue
from portfolio.store.bootstrap import ensure_demo_dataset
from portfolio.store.database import Store
from portfolio.store.handoff import serve, stop_serving
from portfolio.settings import load_settings
from portfolio.store.saved_grids import write_saved_grids
from portfolio.store.opening import is_shared, open_store as open_location
from portfolio.store.scores import prune_scores
from portfolio.ui.shared import state


def _closed(store: Store) -> None:
    stop_serving(store)
    store.close()


@st.cache_resource(show_spinner=False, on_release=_closed)
def open_store(location: str) -> Store:
    """The process's one store for this file or shared database (`PORTFOLIO_DB`); an empty
    database gets the demo portfolio.

    The server then takes the commands run beside it on a file (they cannot open it while
    it is held here: `portfolio.store.handoff`); a shared database needs no such thing.
    Raises StoreBusy when another program holds the file, SharedStoreUnreachable when the
    shared database cannot be reached (nothing is cached then: the next rerun tries again).
    """
    from portfolio.cli import main as run_command  # the command line, run in this process

    store = open_location(location)
    ensure_demo_dataset(store)
    if is_shared(location):
        write_saved_grids(store, load_settings().grids_dir)  # saved from other processes
    else:
        serve(store, run_command)
    return store


@st.cache_resource(show_spinner=False, max_entries=16)
def prune_old_scores(_store: Store, db_path: str, grid_id: str, _grid: Grid) -> int:
    """Once per database and version of the grid file in this process: drop the scores
    kept for other grids (see `portfolio.store.scores.prune_scores`)."""
    return prune_scores(_store, _grid)


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
def _read_grid(path: str, modified_ns: int, size: int) -> ConfigRead[Grid]:
    """Parse the file once per version of it (its modification time and size are the key)."""
    return read_grid_file(path)


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


def session_grid_path(default: Path) -> Path:
    """The grid file this session chose in the default grid's folder, else `default` (the
    one everyone shares). A chosen file since removed falls back to the default."""
    chosen = state.grid_file()
    if chosen and chosen != default.name:
        path = default.parent / Path(chosen).name
        if path.is_file():
            return path
        state.set_grid_file(None)
    return default


def active_grid(path: Path, missing_message: str | None = None) -> ActiveGrid:
    """The grid this session scores with: the file it chose among the grids next to `path`
    (`session_grid_path`), else `path`, the default; or that file's errors and its last valid
    grid (a broken grid never half-applies).

    `missing_message` is no longer needed: a missing file's issue comes from the catalogue
    and is said in each reader's language (the argument is accepted, and unused, so that
    callers written for it keep working).
    """
    path = session_grid_path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        read = read_grid_file(path)  # not cached: the file may appear at the next rerun
    else:
        read = _read_grid(str(path), info.st_mtime_ns, info.st_size)
    last = _last_valid(str(path))
    if read.value is not None:
        last.remember(read.value)
        return ActiveGrid(read.value, (), path)
    return ActiveGrid(last.get(), read.issues, path)
