"""What killed imports and servers leave in the temporary folder is removed once old
(by the import command and at the app's start); what is fresh may be in use and stays."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from portfolio.cleanup import remove_leftovers
from portfolio.reading.staging import Staging
from portfolio.temp_names import READING_PREFIX, UPLOAD_PREFIX
from tests.corpus.files import plain_valid

ROOT = Path(__file__).resolve().parents[2]
HOUR = 3600


def aged(path: Path, hours: float, now: float) -> Path:
    """Set `path`'s times (and, for a folder, its files') `hours` before `now`."""
    stamp = now - hours * HOUR
    for entry in [*path.rglob("*"), path] if path.is_dir() else [path]:
        os.utime(entry, (stamp, stamp))
    return path


def reading_folder(temp: Path, name: str, size: int = 1000) -> Path:
    folder = temp / f"{READING_PREFIX}{name}"
    folder.mkdir()
    (folder / "rows.duckdb").write_bytes(b"x" * size)
    return folder


def upload_copy(uploads: Path, name: str, size: int = 500) -> Path:
    uploads.mkdir(exist_ok=True)
    path = uploads / f"{UPLOAD_PREFIX}{name}.csv"
    path.write_bytes(b"y" * size)
    return path


def test_old_leftovers_go_and_fresh_ones_stay(tmp_path):
    now = time.time()
    temp, uploads = tmp_path / "tmp", tmp_path / "tmp" / "portfolio-uploads"
    temp.mkdir()
    old_reading = aged(reading_folder(temp, "old"), 7, now)
    fresh_reading = aged(reading_folder(temp, "fresh"), 5, now)
    old_upload = aged(upload_copy(uploads, "old"), 30, now)
    fresh_upload = aged(upload_copy(uploads, "fresh"), 1, now)
    # Not ours, however old: another program's folder, a file named like no copy of ours.
    (temp / "someone-else").mkdir()
    other = aged(temp / "someone-else", 100, now)
    stray = aged(upload_copy(uploads, "x").rename(uploads / "notes.csv"), 100, now)

    removed = remove_leftovers(6, temp_folder=temp, upload_folder=uploads, now=now)

    assert (removed.entries, removed.bytes) == (2, 1000 + 500)
    assert not old_reading.exists() and not old_upload.exists()
    assert fresh_reading.exists() and fresh_upload.exists() and other.exists() and stray.exists()


def test_a_reading_folder_in_use_is_judged_by_its_files(tmp_path):
    """A reading writes its rows file, not its folder: a folder made long ago whose
    rows file was just written is in use."""
    now = time.time()
    folder = aged(reading_folder(tmp_path, "busy"), 10, now)
    os.utime(folder / "rows.duckdb", (now, now))
    assert remove_leftovers(6, temp_folder=tmp_path, upload_folder=tmp_path / "u", now=now).entries == 0
    assert folder.exists()


def test_readings_are_named_as_the_clean_up_expects():
    staging = Staging()
    try:
        assert staging.folder.name.startswith(READING_PREFIX)
    finally:
        staging.close()


def test_the_import_command_removes_old_leftovers(tmp_path, seeded_db, files):
    temp = tmp_path / "tmp"
    temp.mkdir()
    now = time.time()
    old, fresh = aged(reading_folder(temp, "killed"), 24, now), reading_folder(temp, "running")
    old_upload = aged(upload_copy(temp / "portfolio-uploads", "killed"), 24, now)
    done = subprocess.run([sys.executable, "-m", "portfolio", "import", str(plain_valid(files)),
                           "--db", str(seeded_db)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, TMPDIR=str(temp)))
    assert done.returncode == 0, done.stderr
    assert not old.exists() and not old_upload.exists() and fresh.exists()
