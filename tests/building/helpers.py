"""Write small line files and read back what build-clients wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from portfolio.building import BuildOptions, build_clients


def write(folder: Path, name: str, lines: list[str], encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def built(folder: Path, lines: Path, **options) -> tuple[pd.DataFrame, dict]:
    """Run a build into folder/clients.csv; the rows (ids as text) and the choices."""
    out = folder / "clients.csv"
    build_clients(BuildOptions(lines=lines, out=out, **options))
    frame = pd.read_csv(out, dtype={"client_id": str, "original_client_id": str})
    choices = json.loads((folder / "clients.choices.json").read_text(encoding="utf-8"))
    return frame, choices


def by_id(frame: pd.DataFrame) -> dict[str, dict]:
    return {row["client_id"]: row for row in frame.to_dict("records")}
