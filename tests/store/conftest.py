"""A seeded database on a disk of its own, and a client file big enough to fill it."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset
from tests.importing.conftest import SEED_NAME, files, seed_frame  # noqa: F401 (files: a fixture)
from tests.importing.test_crash_and_busy import big_french_csv
from tests.store.tmpfs import mounted

ROWS = 100_000  # about 4 MB of CSV, 2 MB stored: more than a 4 MB disk holding the seed takes


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    """A UTF-8 client file (read without a transcoded copy) of ROWS rows."""
    cp1252 = big_french_csv(tmp_path_factory.mktemp("big") / "big-cp1252.csv", ROWS)
    utf8 = cp1252.with_name("big.csv")
    utf8.write_text(cp1252.read_text(encoding="cp1252"), encoding="utf-8")
    return utf8


@pytest.fixture(scope="module")
def big_cp1252(big_csv) -> Path:
    return big_csv.with_name("big-cp1252.csv")


@pytest.fixture(scope="module")
def bigger_csv(tmp_path_factory) -> Path:
    """300,000 rows: on a 4 MB disk its INSERT fails already, not the COMMIT after it."""
    return big_french_csv(tmp_path_factory.mktemp("bigger") / "bigger.csv", 300_000)


@pytest.fixture(params=["fails at COMMIT", "fails in INSERT"])
def too_big(request, big_csv, bigger_csv) -> tuple[Path, type]:
    """A file too big for the small disk, and the DuckDB error that says so first: a
    checkpoint that fails at COMMIT (FATAL: the database is invalidated, ROLLBACK
    fails after it), or the INSERT (the transaction aborted, DETACH fails after it)."""
    import duckdb

    if request.param == "fails at COMMIT":
        return big_csv, duckdb.FatalException
    return bigger_csv, duckdb.IOException


@pytest.fixture
def small_disk(tmp_path: Path):
    with mounted(tmp_path / "disk", "4m") as folder:
        yield folder


def seed(path: Path) -> Path:
    """The seed dataset (3 clients) in a new database at `path`, closed."""
    store = Store(path)
    create_dataset(store, seed_frame(), name=SEED_NAME, source="seed.csv")
    store.close()
    return path
