"""Where the app finds its database and configuration; each can be moved by an environment variable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    db_path: Path
    config_dir: Path
    max_upload_mb: int
    leftover_hours: float = 6.0
    default_grid_name: str = "default.yaml"

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

    PORTFOLIO_DB: the DuckDB file (default data/portfolio.duckdb);
    PORTFOLIO_CONFIG: the folder holding grids/ and norms.yaml (default config/);
    PORTFOLIO_MAX_UPLOAD_MB: the largest client file accepted (default 200);
    PORTFOLIO_LEFTOVER_HOURS: the age past which a reading's temporary folder or an
    upload's copy is taken as left behind by a killed process and removed (default 6);
    PORTFOLIO_DEFAULT_GRID: the file of the grids folder everyone scores with unless a
    session chooses another (an administrator's choice; default default.yaml).
    """
    return Settings(
        db_path=Path(os.environ.get("PORTFOLIO_DB", PROJECT_ROOT / "data" / "portfolio.duckdb")),
        config_dir=Path(os.environ.get("PORTFOLIO_CONFIG", PROJECT_ROOT / "config")),
        max_upload_mb=int(os.environ.get("PORTFOLIO_MAX_UPLOAD_MB", "200")),
        leftover_hours=float(os.environ.get("PORTFOLIO_LEFTOVER_HOURS", "6")),
        # A name in the grids folder, never a path elsewhere.
        default_grid_name=Path(os.environ.get("PORTFOLIO_DEFAULT_GRID") or "default.yaml").name,
    )
