"""An import that fails once its rows are written leaves the database file no larger
than before: DuckDB writes a large insert straight into the file, and a rollback alone
would keep the file grown (a 3 MB file stayed at 10 MB)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from portfolio.importing import import_file
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset
from tests.importing.snapshot import table_digests
from tests.importing.test_crash_and_busy import big_french_csv


class Interrupted(Exception):
    """Raised inside the open transaction, once every row is written."""


def three_megabyte_database(path: Path) -> Path:
    ids = pd.Series(np.arange(60_000)).astype(str)
    clients = pd.DataFrame({"client_id": ids, "client_name": "Client " + ids,
                            "salesperson": "Ana", "revenue": np.arange(60_000) * 1.5,
                            "potential": np.arange(60_000) * 3.0 + 1,
                            "source_row": np.arange(60_000) + 2})
    store = Store(path)
    create_dataset(store, clients, name="Existing")
    store.close()
    return path


def test_a_failed_import_gives_back_the_space_its_rows_took(tmp_path):
    db = three_megabyte_database(tmp_path / "portfolio.duckdb")
    big = big_french_csv(tmp_path / "big.csv", 300_000)
    before, size = table_digests(db), db.stat().st_size
    assert 2_000_000 < size < 4_000_000
    sizes_written = []

    def progress(stage: str, fraction: float) -> None:
        if stage == "storing" and fraction >= 0.95:
            sizes_written.append(db.stat().st_size)
            raise Interrupted

    store = Store(db)
    try:
        with pytest.raises(Interrupted):
            import_file(store, big, dataset_name="Big", progress=progress)
        assert db.stat().st_size <= size  # while the store is still open (the app's case)
    finally:
        store.close()
    assert sizes_written[0] > size + 3_000_000  # the rows were in the file before the failure
    assert db.stat().st_size <= size
    # Every table as it was. The dataset number the failed import drew is not drawn
    # again: DuckDB's sequences, like PostgreSQL's, are outside transactions.
    after = table_digests(db)
    assert {t: d for t, d in after.items() if not t.startswith("sequence")} == \
        {t: d for t, d in before.items() if not t.startswith("sequence")}
