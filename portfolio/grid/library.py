"""The grids a team keeps in its grids folder, and a grid brought in as an uploaded file."""

from __future__ import annotations

from pathlib import Path

from portfolio.config_read import ConfigRead
from portfolio.grid.loader import parse_grid
from portfolio.grid.model import Grid
from portfolio.problems import ConfigError
from portfolio.yaml_source import config_text


def grid_files(folder: Path, first: str = "default.yaml") -> tuple[str, ...]:
    """The names of the grid files in `folder` (`*.yaml`), `first` (the default) first, then
    by name."""
    if not folder.is_dir():
        return ()
    names = sorted(p.name for p in folder.glob("*.yaml") if p.is_file())
    return tuple(sorted(names, key=lambda name: name != first))


def read_uploaded_grid(data: bytes, file_name: str) -> ConfigRead[Grid]:
    """The grid in an uploaded file's bytes, or every issue the loader finds in it (by the
    same rules as a file in the folder: size, UTF-8, safe YAML, the format)."""
    try:
        return ConfigRead(parse_grid(config_text(data, file_name), file_name))
    except ConfigError as error:
        return ConfigRead(None, tuple(error.issues))
