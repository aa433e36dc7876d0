"""Uploaded files kept on disk while the user looks at them, one copy per upload."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from portfolio.faults import raise_temporary_fault
from portfolio.temp_names import UPLOAD_FOLDER, UPLOAD_PREFIX

__all__ = ["UPLOAD_FOLDER", "discard_named", "discard_upload", "named_folder", "save_named_upload",
           "save_upload"]


def save_upload(data: bytes, name: str, folder: Path = UPLOAD_FOLDER) -> Path:
    """Write an uploaded file to a new private file whose name ends with the upload's
    extension (the reader is told `.xlsx` from `.csv`).

    The name the user gave is not used for the path (it could hold `../`); only a
    short, plain extension is kept. Each upload gets its own copy, so one session
    discarding its file never removes another session's. A temporary folder too full
    for the copy raises `TempFull`, and leaves no part of it.
    """
    suffix = Path(name).suffix.lower()
    suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
    folder.mkdir(parents=True, exist_ok=True)
    handle, path = tempfile.mkstemp(prefix=UPLOAD_PREFIX, suffix=suffix, dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
    except OSError as error:
        Path(path).unlink(missing_ok=True)
        raise_temporary_fault(error, folder.parent)
        raise
    return Path(path)


def discard_upload(path: str | Path | None) -> None:
    """Remove an upload's copy once imported or replaced (gone already is fine)."""
    if path is not None:
        Path(path).unlink(missing_ok=True)


def named_folder(folder: Path = UPLOAD_FOLDER) -> Path:
    """A new private folder for files kept under the names a user sees (a build's inputs
    and output: its choices and problems name the files as the user named them)."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX, dir=folder))


def plain_name(name: str) -> str:
    """The file name alone, with nothing a path could make of it (`../`, separators)."""
    plain = re.sub(r"[^\w.\- ]", "_", Path(str(name).replace("\\", "/")).name).strip(" .")
    return plain or "file"


def save_named_upload(data: bytes, name: str, folder: Path = UPLOAD_FOLDER) -> Path:
    """`save_upload`, the copy named as the user's file, in a private folder of its own."""
    own = named_folder(folder)
    path = own / plain_name(name)
    try:
        path.write_bytes(data)
    except OSError as error:
        shutil.rmtree(own, ignore_errors=True)
        raise_temporary_fault(error, folder.parent)
        raise
    return path


def discard_named(path: str | Path | None) -> None:
    """Remove a named copy and its folder (whatever else was written beside it)."""
    if path is not None and Path(path).parent.name.startswith(UPLOAD_PREFIX):
        shutil.rmtree(Path(path).parent, ignore_errors=True)
