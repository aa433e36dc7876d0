"""Small filesystems mounted for a test: a disk that fills up, a folder that cannot be written."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def mounted(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of `size` at `folder` (the tests run as root), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                   check=True, capture_output=True)
    try:
        yield folder
    finally:
        done = subprocess.run(["umount", str(folder)], capture_output=True)
        if done.returncode != 0:  # a process of the test still holds a file there
            subprocess.run(["umount", "-l", str(folder)], check=True)


def read_only(folder: Path) -> None:
    """The mounted `folder` made read-only (root may write where chmod says no)."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def resize(folder: Path, size: str) -> None:
    """Give the mounted `folder` another size (room freed on a full disk)."""
    subprocess.run(["mount", "-o", f"remount,size={size}", str(folder)], check=True,
                   capture_output=True)
