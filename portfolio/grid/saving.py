"""Saving a grid as a new file in the grids folder, never over an existing one by accident.

The text is read back by the loader before anything is written: a grid the loader would
refuse is refused with the loader's own report, and the folder is left as it was.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from portfolio.grid.loader import parse_grid
from portfolio.grid.model import Grid
from portfolio.grid.writer import GridMetadata, grid_yaml


class GridFileExists(FileExistsError):
    """A grid file of that name is already there; saving over it needs `overwrite=True`."""

    def __init__(self, path: Path):
        super().__init__(f"a grid file named {path.name} already exists")
        self.path = path


def file_name_for(name: str) -> str:
    """A file name for a grid named `name`: lower-case ASCII letters, digits and `-`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")
    if not slug:
        raise ValueError(f"a grid's file name needs a letter or a digit (got {name!r})")
    return f"{slug}.yaml"


def checked_text(grid: Grid, metadata: GridMetadata | None, file_name: str) -> tuple[str, Grid]:
    """The grid's YAML text and the grid the loader reads back from it; raises the loader's
    ConfigError (every issue, with its line in that text) when it would refuse the grid."""
    text = grid_yaml(grid, metadata)
    return text, parse_grid(text, file_name)


def save_grid(grid: Grid, folder: Path, file_name: str, metadata: GridMetadata,
              *, overwrite: bool = False) -> Path:
    """Write `grid` (changes tried on it included) as `folder/file_name`; returns the path.

    Refused, with nothing written: a grid the loader would refuse (ConfigError), a file
    name with a folder in it (ValueError), a file already there unless `overwrite`
    (GridFileExists; the page asks before passing it).
    """
    _check_file_name(file_name)
    text, _ = checked_text(grid, metadata, file_name)
    return _write(text, folder, file_name, overwrite)


def save_grid_text(text: str, folder: Path, file_name: str, *, overwrite: bool = False) -> Path:
    """Write a grid's YAML text as it is (an uploaded file, comments kept), refused as
    `save_grid` refuses: the loader must read it, and an existing file stays unless asked."""
    _check_file_name(file_name)
    parse_grid(text, file_name)
    return _write(text, folder, file_name, overwrite)


def _check_file_name(file_name: str) -> None:
    if Path(file_name).name != file_name or not file_name.endswith(".yaml"):
        raise ValueError(f"a grid file is a name ending in .yaml, not {file_name!r}")


def _write(text: str, folder: Path, file_name: str, overwrite: bool) -> Path:
    # A new file is created exclusively, so two people saving the same name at once
    # cannot overwrite each other either.
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    if overwrite:
        temporary = path.with_name(f".{file_name}.saving")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)  # whole file or the old one, never half of it
        return path
    try:
        with open(path, "x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError as error:
        raise GridFileExists(path) from error
    return path
