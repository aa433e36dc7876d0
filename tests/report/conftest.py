"""A demo database on disk, the shipped grid and norms, and the report read back with pypdf."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from portfolio.cli import main
from portfolio.demo import generate_demo
from portfolio.grid.loader import load_grid
from portfolio.norms import load_norms
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset, find_dataset
from portfolio.view import PortfolioView

DATASET = "Demo team"
ROOT = Path(__file__).resolve().parents[2]
GRID = ROOT / "config" / "grids" / "default.yaml"
NORMS = ROOT / "config" / "norms.yaml"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "portfolio.duckdb"
    store = Store(path)
    try:
        create_dataset(store, generate_demo(n_clients=400, n_reps=4, seed=11), name=DATASET,
                       source="tests")
    finally:
        store.close()
    return path


def open_view(path: Path) -> tuple[Store, PortfolioView]:
    """The whole demo as the Rep page of a local user sees it, with the shipped grid."""
    store = Store(path)
    dataset = find_dataset(store, DATASET)
    return store, PortfolioView(store, dataset, load_grid(GRID))


def shipped_norms():
    return load_norms(NORMS)


def all_reps(path: Path) -> list[str]:
    """Every salesperson of the dataset, straight from DuckDB."""
    store, view = open_view(path)
    try:
        source = view.clients()
        with store.reading() as cur:
            rows = cur.execute(f"SELECT DISTINCT salesperson FROM {source.sql} ORDER BY 1",
                               source.params).fetchall()
        return [row[0] for row in rows]
    finally:
        store.close()


def report(path: Path, out: Path, *args: str) -> int:
    return main(["report", "--db", str(path), "--dataset", DATASET, "--out", str(out),
                 "--grid", str(GRID), "--norms", str(NORMS), *args])


def pdf_pages(data: bytes | Path) -> list[str]:
    """The text of each page, spaces of every kind read as one plain space."""
    raw = data.read_bytes() if isinstance(data, Path) else data
    reader = PdfReader(io.BytesIO(raw))
    return [" ".join(page.extract_text().replace("\u202f", " ").replace("\u00a0", " ").split())
            for page in reader.pages]


def plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
