"""A configuration file read once: its grid or norms, or every issue found, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Generic, TypeVar

from portfolio.grid.loader import load_grid
from portfolio.grid.model import Grid
from portfolio.norms import Norms, check_norms_against_grid, load_norms
from portfolio.problems import ConfigError, ConfigIssue, detail

T = TypeVar("T")
FILE_KEY = "(file)"


@dataclass(frozen=True)
class ConfigRead(Generic[T]):
    """One reading of a configuration file: `value` when it can be used, else None and
    `issues` saying why (each `FILE:LINE: key: message`, in any language by `describe(lang)`)."""

    value: T | None
    issues: tuple[ConfigIssue, ...] = ()

    @property
    def ok(self) -> bool:
        return self.value is not None and not self.issues


def read_grid_file(path: str | Path) -> ConfigRead[Grid]:
    """The grid in `path`, or the issues of a broken, missing or unreadable file."""
    return _read(Path(path), load_grid, "config_grid.file_missing")


def read_norms_file(path: str | Path, grid: Grid | None = None) -> ConfigRead[Norms]:
    """The norms in `path`, or the issues of a broken, missing or unreadable file; with
    `grid`, norms that do not fit it (unknown segments, segments without norms) come with
    those issues too, and their value is kept (the page can say what is wrong and still plan)."""
    read = _read(Path(path), load_norms, "config_norms.file_missing")
    if read.value is None or grid is None:
        return read
    return ConfigRead(read.value, tuple(check_norms_against_grid(read.value, grid)))


def _read(path: Path, load: Callable[[Path], T], missing_key: str) -> ConfigRead[T]:
    try:
        return ConfigRead(load(path))
    except ConfigError as error:
        return ConfigRead(None, tuple(error.issues))
    except FileNotFoundError:
        return ConfigRead(None, (ConfigIssue.of(path.name, None, FILE_KEY, detail(missing_key, path=str(path))),))
    except OSError as error:  # a folder, no permission…: the system's own words
        reason = getattr(error, "strerror", None) or str(error)
        return ConfigRead(None, (ConfigIssue.of(path.name, None, FILE_KEY,
                                                detail("config.file_unreadable", reason=reason)),))
