"""Writing report files: each one beside its target and renamed when complete, so that a
failed run (a full disk, a browser that stops) never leaves half a PDF under the real name."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from portfolio.faults import disk_full_fault

TEAM_FILE_STEM = "team"


def file_stem(rep: str | None) -> str:
    """A name any disk accepts for a rep's file (the team's when `rep` is None)."""
    if rep is None:
        return TEAM_FILE_STEM
    return re.sub(r"[^\w-]+", "_", rep).strip("_") or "rep"


def pages_written(paths: list[Path]) -> int:
    """The pages the written files hold, read back: a PNG is one page, a PDF as many as
    PDFium counts (a rep's kept objective can take a second page: reps are not pages)."""
    import pypdfium2

    count = 0
    for path in paths:
        if path.suffix.lower() != ".pdf":
            count += 1
            continue
        document = pypdfium2.PdfDocument(path)
        try:
            count += len(document)
        finally:
            document.close()
    return count


def write_beside(target: Path, data: bytes) -> None:
    """Write `data` to a temporary file in `target`'s folder, then rename it to `target`."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                    dir=target.parent if str(target.parent) else ".")
    temporary = Path(name)
    try:
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, target)
        except OSError as error:
            raise (disk_full_fault(error, target) or error) from error
    finally:
        temporary.unlink(missing_ok=True)
