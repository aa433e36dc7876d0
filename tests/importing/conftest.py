"""A database holding one dataset with scores and a remembered mapping, closed on disk."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from portfolio.grid.loader import load_grid
from portfolio.settings import load_settings
from portfolio.store.opening import open_store
from portfolio.store.datasets import create_dataset, get_dataset
from portfolio.store.mappings import save_mapping
from portfolio.store.scores import ensure_scores

SEED_NAME = "Seed portfolio"
SEED_PERIOD = "2026-Q1"


def seed_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "client_id": ["S1", "S2", "S3"],
        "client_name": ["Seed one", "Seed two", "=cmd|' /C calc'!A0"],
        "salesperson": ["Ana", "Ana", "Ben"],
        "revenue": [1000.0, 20000.0, 500.0],
        "potential": [5000.0, 100000.0, 500.0],
        "share_of_wallet": [0.2, 0.2, 1.0],
        "solvency": ["A", "B", None],
        "Notes": [1.0, 2.0, None],
        "source_row": [2, 3, 4],
    })


@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    """A closed database file: dataset 1 (3 clients, period 2026-Q1, a numeric custom
    column `Notes`), its scores under the default grid, and one remembered mapping."""
    path = tmp_path / "portfolio.duckdb"
    seed_store(path)
    return path


def seed_store(location: str | Path) -> None:
    """The seed of `seeded_db` written to the store at `location` (a file or a URL), closed."""
    store = open_store(location)
    dataset_id = create_dataset(store, seed_frame(), name=SEED_NAME, source="seed.csv",
                                period=SEED_PERIOD)
    ensure_scores(store, dataset_id, load_grid(load_settings().default_grid),
                  get_dataset(store, dataset_id).version)
    save_mapping(store, ["Num", "Nom", "Vendeur", "CA", "Potentiel"], {"Num": "client_id"})
    store.close()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder
