"""A build cancelled past its reading (the page's Cancel, a session that ended) stops its
running query, says it was cancelled as a reading does, and leaves no staging folder."""

from __future__ import annotations

import threading

import pytest

from portfolio.building import BuildOptions, build, build_clients
from portfolio.reading.cancel import Cancellation, ReadingCancelled, cancellable
from tests.building.helpers import write

LINES = ["client;date;amount;product;rep", "C1;2026-01-10;100;P1;Ana", "C2;2026-02-11;50;P2;Bo"]
ENDLESS = "SELECT count(*) FROM range(1000000000000) a, range(1000000) b"  # hours of work


class _RecordedStaging(build.Staging):
    """The build's staging, remembered so that the test can look for its folder after."""

    made: list[build.Staging] = []

    def __init__(self) -> None:
        super().__init__()
        self.made.append(self)


def test_a_cancel_during_a_build_step_stops_it_and_cleans_up(tmp_path, monkeypatch):
    lines = write(tmp_path, "lines.csv", LINES)
    cancellation = Cancellation()
    real_execute = build.execute

    def endless_step(con, sql, params=None):  # the first step after the reading never ends
        threading.Timer(0.3, cancellation.cancel).start()
        return real_execute(con, ENDLESS)

    monkeypatch.setattr(build, "execute", endless_step)
    monkeypatch.setattr(build, "Staging", _RecordedStaging)
    with cancellable(cancellation), pytest.raises(ReadingCancelled):
        build_clients(BuildOptions(lines=lines, out=tmp_path / "clients.csv"))
    assert len(_RecordedStaging.made) == 1 and not _RecordedStaging.made[0].folder.exists()
    assert not (tmp_path / "clients.csv").exists()
