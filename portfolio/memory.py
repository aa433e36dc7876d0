"""Give memory freed by a large piece of work back to the system before the next one."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (macOS, musl)."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def return_freed_memory() -> None:
    """Return the heap pages freed so far to the system.

    glibc keeps freed pages for reuse. After a 1M-row file is read, about 10 MB of
    them would still count in the process while the import stores the rows
    (measured with bench/bench_import.py). A no-op where the C library cannot trim.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
