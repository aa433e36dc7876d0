"""A reading cancelled from another thread stops, says so, and leaves nothing behind."""

from __future__ import annotations

import tempfile
import threading
import time

import pytest

from portfolio.reading import read_client_file
from portfolio.reading.cancel import Cancellation, ReadingCancelled, cancellable
from tests.reading.helpers import FR_HEADER


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """The readings' staging folders go here, where the test can count them."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _large_csv(folder, rows: int, encoding: str = "utf-8"):
    path = folder / "large.csv"
    body = "".join(f"C{i:07d};Société {i};Léa Martin;{i % 9000},50;{i % 9000 + 500}\r\n"
                   for i in range(rows))
    path.write_bytes((FR_HEADER + "\r\n" + body).encode(encoding))
    return path


def _read_in_thread(path, cancellation: Cancellation) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def run() -> None:
        with cancellable(cancellation):
            try:
                outcome["result"] = read_client_file(path)
            except BaseException as error:  # the test looks at what was raised
                outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_a_reading_cancelled_before_it_starts_reads_nothing(tmp_path, private_temp):
    path = _large_csv(tmp_path, 1_000)
    cancellation = Cancellation()
    cancellation.cancel()
    with cancellable(cancellation), pytest.raises(ReadingCancelled):
        read_client_file(path)
    assert list(private_temp.iterdir()) == []


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_a_reading_cancelled_while_it_runs_stops_and_removes_its_staging(
        tmp_path, private_temp, encoding):
    path = _large_csv(tmp_path, 600_000, encoding)
    cancellation = Cancellation()
    thread, outcome = _read_in_thread(path, cancellation)
    deadline = time.monotonic() + 60
    while not list(private_temp.glob("portfolio-read-*")) and time.monotonic() < deadline:
        time.sleep(0.01)  # the reading has started once its staging folder exists
    assert thread.is_alive(), "the file was read before the test could cancel it"
    cancellation.cancel()
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert isinstance(outcome.get("error"), ReadingCancelled), outcome
    assert list(private_temp.iterdir()) == []


def test_a_reading_that_is_not_cancelled_is_not_disturbed(tmp_path, private_temp):
    path = _large_csv(tmp_path, 2_000)
    with cancellable(Cancellation()):
        result = read_client_file(path)
    assert result.report.ok and result.row_count == 2_000
