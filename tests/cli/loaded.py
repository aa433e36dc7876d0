"""What a command loads: run in a process of its own, in-process there, so that the
modules it imported show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WATCHED = ("pandas", "pyarrow", "openpyxl", "plotly")


def loaded_by(argv: list[str]) -> tuple[int, list[str]]:
    """The command's exit code, and which of WATCHED it loaded."""
    script = ("import sys\n"
              "from portfolio.cli import main\n"
              f"code = main({argv!r})\n"
              f"print(code, *[m for m in {WATCHED!r} if m in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    code, *loaded = done.stdout.splitlines()[-1].split()
    return int(code), loaded
