"""Faults of the machine (a full disk, a folder that cannot be written, another program), told apart from bugs."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path
from typing import ClassVar

from portfolio.i18n import DEFAULT_LANGUAGE
from portfolio.problems import Detail, detail
from portfolio.temp_names import READING_PREFIX


class Fault(Exception):
    """Something around the work stopped it: not the user's file, not a bug.

    Says what happened and what to do as the catalogue key `store.<kind>` with the
    folder or file concerned (`place`); `str()` is the English, for the command line.
    `cause` keeps the system's or DuckDB's own words, for the server log.
    """

    kind: ClassVar[str]

    def __init__(self, place: str | Path, cause: str = ""):
        self.place = str(place)
        self.cause = cause
        super().__init__(self.text())

    @property
    def detail(self) -> Detail:
        return detail(f"store.{self.kind}", place=self.place, cause=self.cause)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.detail.text(lang)

    def __str__(self) -> str:
        return self.text()


class DiskFull(Fault):
    """No room left on the disk of the database or of a file being written."""

    kind = "disk_full"


class ReadOnlyFolder(Fault):
    """The database's folder cannot be written: a read-only disk, or not the user's."""

    kind = "read_only"


class MissingFolder(Fault):
    """The database's folder is not there and cannot be made (a drive gone, a file in the way)."""

    kind = "missing_folder"


class StoreBusy(Fault):
    """The database file is held by another process (DuckDB allows one writer)."""

    kind = "busy"


class TempFull(Fault):
    """No room in the temporary folder for the rows of the file being read."""

    kind = "temp_full"


class TempUnwritable(Fault):
    """The temporary folder, or a reading's folder in it, cannot be written or is gone."""

    kind = "temp_unwritable"


class OutOfMemory(Fault):
    """DuckDB could not get the memory the work needs."""

    kind = "out_of_memory"


# What the system's errors are, by errno and by their wording: DuckDB puts the
# system's message (strerror) into its own, e.g. `IO Error: Could not write file
# "…": No space left on device`, and its FATAL errors repeat the first one's text.
_FULL, _READ_ONLY, _MISSING = "full", "read_only", "missing"
_ERRNOS = {errno.ENOSPC: _FULL, errno.EDQUOT: _FULL, errno.EFBIG: _FULL,
           errno.EROFS: _READ_ONLY, errno.EACCES: _READ_ONLY, errno.EPERM: _READ_ONLY,
           errno.ENOENT: _MISSING, errno.ENOTDIR: _MISSING}
_WORDS = (("No space left on device", _FULL), ("Disk quota exceeded", _FULL),
          ("File too large", _FULL),
          # DuckDB spilling to its temporary files when the disk has no room left.
          ("failed to offload data block", _FULL), ("max_temp_directory_size", _FULL),
          ("Read-only file system", _READ_ONLY), ("Permission denied", _READ_ONLY),
          ("No such file or directory", _MISSING), ("Not a directory", _MISSING))
_LOCK_WORDS = ("Could not set lock on file", "Conflicting lock is held")
# Errors that only say an earlier one happened: the earlier one is what the user needs.
FOLLOW_ON_WORDS = ("Current transaction is aborted", "no transaction is active",
                   "database has been invalidated")
_STORE_KINDS = {_FULL: DiskFull, _READ_ONLY: ReadOnlyFolder, _MISSING: MissingFolder}
_TEMP_KINDS = {_FULL: TempFull, _READ_ONLY: TempUnwritable, _MISSING: TempUnwritable}


def _what(error: BaseException) -> str | None:
    if isinstance(error, OSError) and error.errno in _ERRNOS:
        return _ERRNOS[error.errno]
    if not isinstance(error, (OSError, *_system_errors())):
        return None  # a parse error may quote a cell that reads "Permission denied"
    message = str(error).lower()
    return next((what for words, what in _WORDS if words.lower() in message), None)


def _system_errors() -> tuple[type[BaseException], ...]:
    """DuckDB's errors that carry the system's (a file written, a commit, spilling)."""
    import duckdb  # not at import time: the command line's parser loads no DuckDB

    return (duckdb.IOException, duckdb.FatalException, duckdb.TransactionException,
            duckdb.OutOfMemoryException)


def is_follow_on(error: BaseException) -> bool:
    """An error that only reports an earlier failure (an aborted transaction, a
    database invalidated by a fatal error)."""
    return any(words.lower() in str(error).lower() for words in FOLLOW_ON_WORDS)


def first_line(error: BaseException) -> str:
    """The first line of what `error` says (a driver's message runs on with context and
    hints), or its type's name when it says nothing."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def first_error(error: BaseException) -> BaseException:
    """The error that started it all: follow-on errors are replaced by the one they
    happened while handling (a DETACH or ROLLBACK failing after a write failed)."""
    seen = {id(error)}
    while is_follow_on(error) and error.__context__ is not None and id(error.__context__) not in seen:
        error = error.__context__
        seen.add(id(error))
    return error


def store_fault(error: BaseException, place: str | Path) -> Fault | None:
    """The fault of the database file `place` that `error` reports, or None (a bug, bad SQL…)."""
    if isinstance(error, Fault):
        return error
    message = str(error)
    if isinstance(error, _system_errors()) and any(
            words.lower() in message.lower() for words in _LOCK_WORDS):
        return StoreBusy(place, message)
    what = _what(error)
    if what is None:
        return OutOfMemory(place, message) if _is_out_of_memory(error) else None
    return _STORE_KINDS[what](place, message)


def temporary_fault(error: BaseException, folder: str | Path | None = None) -> Fault | None:
    """The fault of the temporary folder that `error` reports, or None.

    A full disk is the temporary folder's whatever file is named (a write of a copy
    names none); a missing or read-only file only when it is that folder or a
    reading's folder in it: an upload's copy gone is the app's own business, and the
    user's file gone is not a fault of the machine.
    """
    if isinstance(error, Fault):
        return error
    folder = Path(folder or tempfile.gettempdir())
    what = _what(error)
    if what is None:
        return OutOfMemory(folder, str(error)) if _is_out_of_memory(error) else None
    if what != _FULL and not _names_a_file_in(error, folder):
        return None
    return _TEMP_KINDS[what](folder, str(error))


def raise_temporary_fault(error: BaseException, folder: str | Path | None = None) -> None:
    """Raise the fault of the temporary folder that `error` reports, if it reports one."""
    fault = temporary_fault(error, folder)
    if fault is not None:
        raise fault from error


def disk_full_fault(error: OSError, path: str | Path) -> DiskFull | None:
    """The full disk that stopped writing the file `path`, if that is what `error` says."""
    return DiskFull(path, error.strerror or str(error)) if _what(error) == _FULL else None


def _is_out_of_memory(error: BaseException) -> bool:
    import duckdb  # not at import time: the command line's parser loads no DuckDB

    return isinstance(error, (duckdb.OutOfMemoryException, MemoryError))


def _names_a_file_in(error: BaseException, folder: Path) -> bool:
    named = getattr(error, "filename", None)
    if named is not None and Path(str(named)) in (folder, folder.resolve()):
        return True
    text = str(named) if named is not None else str(error)
    return any(f"{place}/{READING_PREFIX}" in text for place in (folder, folder.resolve()))
