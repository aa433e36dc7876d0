"""Where the app finds its database and configuration, and how much work one file may
ask for; each can be changed by an environment variable."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


_MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """The most a client file may ask of the reader, far above any real export: past
    them a file is refused (with the limit and what was found) before the work grows.

    columns: columns of the header (or of any row of a sheet), checked before the
    table is read; cell_chars: characters in one cell (Excel's own limit is 32,767);
    rows: rows below the header; xlsx_cells: rows times columns of a sheet;
    shared_string_bytes: a workbook's shared strings once decompressed, counted while
    they are streamed, before any string is built; xlsx_text_bytes: the text of a
    sheet's cells once each cell's shared string is put in it (a short string used
    by a million cells weighs a million times its size in memory).
    """

    columns: int = 500
    cell_chars: int = 32_767
    rows: int = 5_000_000
    xlsx_cells: int = 20_000_000
    shared_string_bytes: int = 200 * _MB
    xlsx_text_bytes: int = 1024 * _MB


# The environment variable that moves each limit, and its unit (sizes are given in MB).
LIMIT_VARIABLES: dict[str, tuple[str, int]] = {
    "columns": ("PORTFOLIO_MAX_COLUMNS", 1),
    "cell_chars": ("PORTFOLIO_MAX_CELL_CHARS", 1),
    "rows": ("PORTFOLIO_MAX_ROWS", 1),
    "xlsx_cells": ("PORTFOLIO_MAX_XLSX_CELLS", 1),
    "shared_string_bytes": ("PORTFOLIO_MAX_SHARED_STRINGS_MB", _MB),
    "xlsx_text_bytes": ("PORTFOLIO_MAX_XLSX_TEXT_MB", _MB),
}


def load_read_limits() -> ReadLimits:
    """The reading limits from the environment (PORTFOLIO_MAX_COLUMNS,
    PORTFOLIO_MAX_CELL_CHARS, PORTFOLIO_MAX_ROWS, PORTFOLIO_MAX_XLSX_CELLS,
    PORTFOLIO_MAX_SHARED_STRINGS_MB, PORTFOLIO_MAX_XLSX_TEXT_MB), the defaults of
    `ReadLimits` for those not set."""
    given = {}
    for name, (variable, unit) in LIMIT_VARIABLES.items():
        if os.environ.get(variable):
            given[name] = int(float(os.environ[variable]) * unit)
    return ReadLimits(**given)


@dataclass(frozen=True)
class Settings:
    database: str  # a DuckDB file's path, or a postgresql:// URL (`portfolio.store.opening`)
    config_dir: Path
    max_upload_mb: int
    leftover_hours: float = 6.0
    default_grid_name: str = "default.yaml"
    limits: ReadLimits = field(default_factory=ReadLimits)

    @property
    def db_path(self) -> Path:
        """The DuckDB file, when the database is one (a URL is not a path)."""
        return Path(self.database)

    @property
    def grids_dir(self) -> Path:
        return self.config_dir / "grids"

    @property
    def default_grid(self) -> Path:
        """The grid everyone scores with unless a session chooses another."""
        return self.grids_dir / self.default_grid_name

    @property
    def norms_path(self) -> Path:
        return self.config_dir / "norms.yaml"


def load_settings() -> Settings:
    """Read the settings from the environment (tests point them at temporary folders).

    PORTFOLIO_DB: the DuckDB file (default data/portfolio.duckdb), or the URL of a shared
    PostgreSQL database (postgresql://user:password@host:port/name);
    PORTFOLIO_CONFIG: the folder holding grids/ and norms.yaml (default config/);
    PORTFOLIO_MAX_UPLOAD_MB: the largest client file accepted (default 200);
    PORTFOLIO_LEFTOVER_HOURS: the age past which a reading's temporary folder or an
    upload's copy is taken as left behind by a killed process and removed (default 6);
    PORTFOLIO_DEFAULT_GRID: the file of the grids folder everyone scores with unless a
    session chooses another (an administrator's choice; default default.yaml);
    the reading limits, see `load_read_limits`.
    """
    return Settings(
        database=str(os.environ.get("PORTFOLIO_DB") or PROJECT_ROOT / "data" / "portfolio.duckdb"),
        config_dir=Path(os.environ.get("PORTFOLIO_CONFIG", PROJECT_ROOT / "config")),
        max_upload_mb=int(os.environ.get("PORTFOLIO_MAX_UPLOAD_MB", "200")),
        leftover_hours=float(os.environ.get("PORTFOLIO_LEFTOVER_HOURS", "6")),
        # A name in the grids folder, never a path elsewhere.
        default_grid_name=Path(os.environ.get("PORTFOLIO_DEFAULT_GRID") or "default.yaml").name,
        limits=load_read_limits(),
    )
