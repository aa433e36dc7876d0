"""Faults of the disk tell the truth: a full disk, a read-only or missing database folder,
a full temporary folder each give their own message and exit code 2, and the stored
data stays exactly as it was. The disks are small tmpfs mounts (the tests run as root)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from portfolio.faults import DiskFull, TempFull
from portfolio.importing import import_file
from portfolio.importing.uploads import save_upload
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset, list_datasets
from tests.importing.conftest import SEED_NAME, seed_frame
from tests.importing.snapshot import table_digests
from tests.store.conftest import seed
from tests.importing.test_crash_and_busy import big_french_csv
from tests.store.tmpfs import mounted, read_only, resize

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, tmpdir: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, **({"TMPDIR": str(tmpdir)} if tmpdir else {}))
    return subprocess.run([sys.executable, "-m", "portfolio", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def assert_told(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def test_import_onto_a_full_disk(small_disk, too_big):
    db = seed(small_disk / "portfolio.duckdb")
    before, size = table_digests(db), db.stat().st_size
    done = run("import", str(too_big[0]), "--dataset", "Big", "--db", str(db))
    assert_told(done, f"The disk holding {db} is full", "Nothing was changed",
                "Free some space on that disk")
    assert "transaction" not in done.stderr.lower()  # not a follow-on error's words
    assert table_digests(db) == before
    if too_big[1] is duckdb.FatalException:
        # The rows written before the failed checkpoint are given back: the store is
        # reopened and its space reclaimed.
        assert db.stat().st_size <= size
    # When the INSERT itself fails, reclaiming needs the WAL, which the full disk
    # refuses: the file keeps its free blocks (1.8 MB of data in 4 MB), which DuckDB
    # reuses for the next rows it stores. Measured, not asserted.


def test_the_app_s_store_says_so_and_works_again_once_there_is_room(small_disk, too_big):
    """In-process, as the app holds its store: the first error's fault in both
    languages, then the same Store object writes again once the disk has room (DuckDB
    invalidates a database whose checkpoint failed until it is reopened)."""
    db = seed(small_disk / "portfolio.duckdb")
    before = table_digests(db)
    store = Store(db)
    try:
        with pytest.raises(DiskFull) as raised:
            import_file(store, too_big[0], dataset_name="Big")
        assert type(raised.value.__cause__) is too_big[1]
        assert raised.value.text("fr").startswith(f"Le disque qui contient {db} est plein.")
        assert str(raised.value).startswith(f"The disk holding {db} is full.")
        assert [d.name for d in list_datasets(store)] == [SEED_NAME]
        if too_big[1] is duckdb.IOException:  # the file keeps its free blocks: the disk stays full
            with pytest.raises(DiskFull):
                create_dataset(store, seed_frame(), name="after the fault")
            resize(small_disk, "8m")  # room made on the disk
        create_dataset(store, seed_frame(), name="after the fault")
        assert [d.name for d in list_datasets(store)] == [SEED_NAME, "after the fault"]
    finally:
        store.close()
    after = table_digests(db)
    assert {table: after[table] for table in before if table.startswith("clients_1")} == \
        {table: before[table] for table in before if table.startswith("clients_1")}


def test_export_onto_a_full_disk(tmp_path, files):
    db = tmp_path / "portfolio.duckdb"
    source = big_french_csv(files / "clients.csv", 5_000)  # more than 64 KB as CSV and as XLSX
    assert run("import", str(source), "--dataset", "Big", "--db", str(db)).returncode == 0
    # A first export stores the dataset's scores (kept for the next): then nothing changes.
    assert run("export", "--dataset", "Big", "--db", str(db), "--out",
               str(tmp_path / "first.csv")).returncode == 0
    before = table_digests(db)
    with mounted(tmp_path / "out", "64k") as out:
        for name in ("export.csv", "export.xlsx"):
            done = run("export", "--dataset", "Big", "--db", str(db), "--out", str(out / name))
            assert_told(done, f"The disk holding {out / name} is full")
            assert sorted(p.name for p in out.iterdir()) == []  # no export cut short left
    assert table_digests(db) == before


def test_read_only_database_folder(small_disk, big_csv):
    db = seed(small_disk / "portfolio.duckdb")
    before = table_digests(db)
    read_only(small_disk)
    done = run("import", str(big_csv), "--db", str(db))
    assert_told(done, f"{db} cannot be written: its folder is read-only",
                "Use a folder you can write to")
    assert table_digests(db) == before
    new = small_disk / "new" / "portfolio.duckdb"  # a folder to create on a read-only disk
    assert_told(run("import", str(big_csv), "--db", str(new)), f"{new} cannot be written")


def test_missing_database_folder_that_cannot_be_created(tmp_path, big_csv):
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    db = not_a_folder / "data" / "portfolio.duckdb"
    done = run("import", str(big_csv), "--db", str(db))
    assert_told(done, f"The folder of {db} does not exist and cannot be created",
                "Connect the drive or create the folder")


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_full_temporary_folder(tmp_path, big_csv, big_cp1252, encoding):
    """UTF-8 is staged by DuckDB straight away; Windows-1252 is first copied as UTF-8.

    The folder has room for a few files but not for the 4 MB file's rows (one with no
    room at all is skipped by Python's `tempfile`, which then writes elsewhere).
    """
    db = seed(tmp_path / "portfolio.duckdb")
    before = table_digests(db)
    source = big_csv if encoding == "utf-8" else big_cp1252
    with mounted(tmp_path / "tmp", "1m") as temp:
        done = run("import", str(source), "--db", str(db), tmpdir=temp)
        assert_told(done, f"The temporary folder {temp} is full",
                    "point TMPDIR at a folder with more room")
        assert "CSV table" not in done.stderr  # not blamed on the file
        assert sorted(p.name for p in temp.iterdir()) == []  # the reading's folder went
    assert table_digests(db) == before


def test_an_upload_onto_a_full_temporary_folder(tmp_path):
    with mounted(tmp_path / "tmp", "64k") as temp:
        uploads = temp / "portfolio-uploads"
        with pytest.raises(TempFull) as raised:
            save_upload(b"x" * 200_000, "clients.csv", uploads)
        assert raised.value.text("fr").startswith(f"Le dossier temporaire {temp} est plein")
        assert list(uploads.iterdir()) == []  # no copy cut short left


def test_a_command_reading_a_file_into_a_full_temporary_folder(tmp_path, big_cp1252):
    """`score` reads without importing: its UTF-8 copy of the file does not fit."""
    with mounted(tmp_path / "tmp", "1m") as temp:
        done = run("score", str(big_cp1252), tmpdir=temp)
        assert_told(done, f"The temporary folder {temp} is full")
        assert sorted(p.name for p in temp.iterdir()) == []
