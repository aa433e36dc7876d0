"""Uploaded files kept on disk while the user looks at them, one copy per upload."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from portfolio.faults import raise_temporary_fault
from portfolio.temp_names import UPLOAD_FOLDER, UPLOAD_PREFIX

__all__ = ["UPLOAD_FOLDER", "discard_upload", "save_upload"]


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
