"""Removing what killed or failed work left behind: readings' folders and unused upload
copies in the temporary folder, half-written outputs beside a file written again."""

from __future__ import annotations

import glob
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from portfolio.temp_names import READING_PREFIX, UPLOAD_FOLDER, UPLOAD_PREFIX

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Removed:
    """What one clean-up removed: how many entries, and the bytes given back."""

    entries: int
    bytes: int


def remove_leftovers(max_age_hours: float, *, temp_folder: Path | None = None,
                     upload_folder: Path | None = None, now: float | None = None) -> Removed:
    """Remove readings' folders and upload copies not touched for `max_age_hours`.

    A reading's folder lives while its file is read and stored (seconds to minutes),
    an upload's copy while its user looks at it; a process killed meanwhile leaves
    them behind (a 160 MB upload, a reading's 42 MB). Anything newer is kept: it may
    belong to work still running in another process. An entry that cannot be
    removed is left for the next time.
    """
    temp_folder = Path(temp_folder or tempfile.gettempdir())
    upload_folder = Path(upload_folder or UPLOAD_FOLDER)
    cutoff = (time.time() if now is None else now) - max_age_hours * 3600
    entries = [*_entries(temp_folder, f"{READING_PREFIX}*"), *_entries(upload_folder, f"{UPLOAD_PREFIX}*")]
    removed = _remove_untouched(entries, cutoff)
    if removed.entries:
        _log.info("removed %d leftovers (%d bytes)", removed.entries, removed.bytes)
    return removed


def remove_stale_parts(target: Path, max_age_hours: float, *, now: float | None = None) -> Removed:
    """Remove the half-written copies of `target` (`.NAME.*.part` beside it, and the
    `.NAME.*.parts` folder of a sheet's parts, see `portfolio.table_copy`) that a killed
    command left and nothing touched for `max_age_hours`: one still growing belongs to
    a write under way in another process.
    """
    cutoff = (time.time() if now is None else now) - max_age_hours * 3600
    name = glob.escape(target.name)
    entries = _entries(target.parent, f".{name}.*.part") + _entries(target.parent, f".{name}.*.parts")
    return _remove_untouched([e for e in entries if not e.is_symlink()], cutoff)


def _remove_untouched(entries: list[Path], cutoff: float) -> Removed:
    """Remove each entry not touched since `cutoff`; one that cannot be removed is left
    for the next time."""
    count = size = 0
    for entry in entries:
        try:
            if _last_touched(entry) >= cutoff:
                continue
            freed = _size(entry)
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError as error:
            _log.info("leftover %s not removed: %s", entry, error)
            continue
        count, size = count + 1, size + freed
    return Removed(count, size)


def _entries(folder: Path, pattern: str) -> list[Path]:
    try:
        return sorted(folder.glob(pattern))
    except OSError:
        return []


def _last_touched(entry: Path) -> float:
    """The latest change to the entry or, for a folder, to anything directly in it
    (a reading writes its rows file, not the folder)."""
    times = [entry.lstat().st_mtime]
    if entry.is_dir() and not entry.is_symlink():
        times += [child.lstat().st_mtime for child in entry.iterdir()]
    return max(times)


def _size(entry: Path) -> int:
    if entry.is_dir() and not entry.is_symlink():
        return sum(p.lstat().st_size for p in entry.rglob("*"))
    return entry.lstat().st_size
