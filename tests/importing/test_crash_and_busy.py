"""An import killed in the middle leaves the previous data intact; a database held by
another process gives a clear message, not a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from portfolio.store.database import Store, StoreBusy
from portfolio.store.datasets import list_datasets
from tests.importing.snapshot import rows_of, table_digests

ROOT = Path(__file__).resolve().parents[2]
ROWS = 300_000


def big_french_csv(path: Path, rows: int = ROWS) -> Path:
    """A Windows-1252, `;`, decimal-comma client file of `rows` rows."""
    ids = np.arange(rows)
    text_ids = pd.Series(ids).astype(str)
    frame = pd.DataFrame({
        "Code client": text_ids.str.zfill(7),
        "Raison sociale": "Société " + text_ids,
        "Commercial": np.where(ids % 2 == 0, "Léa", "Noé"),
        "CA": (ids % 1000) * 10.5,
        "Potentiel": (ids % 1000) * 20.0 + 100,
    })
    frame.to_csv(path, sep=";", decimal=",", index=False, encoding="cp1252")
    return path


def _start(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_line(stream, marker: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    for line in stream:
        if marker in line:
            return
        assert time.monotonic() < deadline, f"no {marker!r} line in time"
    raise AssertionError(f"the process ended without printing {marker!r}")


def _kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def _intact_and_usable(db: Path, before: dict[str, str]) -> None:
    """The tables of before the import, exactly; then the file opens and takes writes."""
    after = table_digests(db)
    assert {t: after.get(t) for t in before} == before
    store = Store(db)
    try:
        names = [d.name for d in list_datasets(store)]
        assert "Seed portfolio" in names
        from portfolio.store.datasets import create_dataset
        from tests.importing.conftest import seed_frame
        create_dataset(store, seed_frame(), name="after the crash")
    finally:
        store.close()


PAUSED_IMPORT = """
    import sys, time
    from portfolio.importing import import_file
    from portfolio.store.database import Store

    def progress(stage, fraction):
        # Called inside the open transaction once every row is written, before COMMIT.
        if stage == "storing" and fraction >= 0.95:
            print("STORING-WRITTEN", flush=True)
            time.sleep(600)

    import_file(Store(sys.argv[1]), sys.argv[2], dataset_name="Big", progress=progress)
"""


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    return big_french_csv(tmp_path_factory.mktemp("big") / "big.csv")


def test_kill_with_the_transaction_open_leaves_the_previous_data(seeded_db, big):
    before = table_digests(seeded_db)
    process = _start(PAUSED_IMPORT, str(seeded_db), str(big))
    try:
        _wait_for_line(process.stdout, "STORING-WRITTEN")
    finally:
        _kill(process)
    assert table_digests(seeded_db) == before  # not even a trace of "Big"
    _intact_and_usable(seeded_db, before)


def test_kill_of_the_import_command_while_storing(seeded_db, big):
    before = table_digests(seeded_db)
    process = subprocess.Popen(
        [sys.executable, "-m", "portfolio", "import", str(big), "--dataset", "Big", "--db",
         str(seeded_db)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_line(process.stderr, "storing")
    finally:
        _kill(process)
    _intact_and_usable(seeded_db, before)
    # All or nothing: "Big" is absent, or there with every row.
    count = rows_of(seeded_db, "SELECT sum(rows) FROM dataset_periods p JOIN datasets d "
                               "USING (dataset_id) WHERE d.name = 'Big'")
    assert count in ([(None,)], [(ROWS,)])


HOLDER = """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("HELD", flush=True)
    time.sleep(600)
"""


@pytest.fixture
def held_db(seeded_db):
    process = _start(HOLDER, str(seeded_db))
    try:
        _wait_for_line(process.stdout, "HELD", timeout=60)
        yield seeded_db
    finally:
        _kill(process)


def test_another_process_holding_the_database_gives_a_clear_message(held_db, files):
    from tests.corpus.files import plain_valid
    with pytest.raises(StoreBusy, match="open in another program"):
        Store(held_db)
    path = plain_valid(files)
    done = subprocess.run([sys.executable, "-m", "portfolio", "import", str(path), "--db",
                           str(held_db)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "open in another program" in done.stderr and "Traceback" not in done.stderr
    listing = subprocess.run([sys.executable, "-m", "portfolio", "datasets", "--db", str(held_db)],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert listing.returncode == 2 and "open in another program" in listing.stderr
