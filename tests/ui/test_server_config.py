"""The server shows no traceback to the browser and serves nothing it need not; an error
in a page shows a short translated notice, with an incident id whose traceback is logged."""

from __future__ import annotations

import logging
import os
import re
import time
import tomllib

from streamlit.config import ShowErrorDetailsConfigOptions
from streamlit.testing.v1 import AppTest

from portfolio.faults import DiskFull
from portfolio.settings import load_settings
from tests.ui.conftest import ROOT, open_page

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_no_error_details_reach_the_browser():
    assert CONFIG["client"]["showErrorDetails"] == ShowErrorDetailsConfigOptions.NONE.value == "none"


def test_the_server_s_settings(monkeypatch):
    monkeypatch.delenv("PORTFOLIO_MAX_UPLOAD_MB", raising=False)
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"]["maxUploadSize"] == load_settings().max_upload_mb == 200
    assert CONFIG["server"]["enableStaticServing"] is False
    assert CONFIG["browser"]["gatherUsageStats"] is False


def _failing_page() -> None:
    from portfolio.ui.shared.guard import guarded

    with guarded("fr"):
        raise RuntimeError("boom in /srv/portfolio/secret.py")


def _faulty_page() -> None:
    from portfolio.faults import DiskFull
    from portfolio.ui.shared.guard import guarded

    with guarded("en"):
        raise DiskFull("/data/portfolio.duckdb", "IO Error: No space left on device")


def test_an_unexpected_error_shows_an_incident_id_and_logs_the_traceback(caplog):
    caplog.set_level(logging.ERROR, logger="portfolio.incidents")
    at = AppTest.from_function(_failing_page, default_timeout=30).run()
    assert not at.exception
    [notice] = at.error
    incident = re.search(r"numéro d'incident ([0-9a-f]{8})", notice.value)
    assert incident and notice.value.startswith("Une erreur s'est produite sur le serveur")
    assert "boom" not in notice.value and "/srv" not in notice.value
    [record] = [r for r in caplog.records if r.name == "portfolio.incidents"]
    assert incident.group(1) in record.getMessage()
    assert "boom in /srv/portfolio/secret.py" in caplog.text and "Traceback" in caplog.text


def test_a_fault_shows_what_to_do():
    at = AppTest.from_function(_faulty_page, default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == [DiskFull("/data/portfolio.duckdb").text("en")]


def test_the_app_s_start_removes_old_leftovers(seeded_db, tmp_path, monkeypatch):
    import tempfile

    temp = tmp_path / "tmp"
    old, fresh = temp / "portfolio-read-killed", temp / "portfolio-read-running"
    for folder in (old, fresh):
        folder.mkdir(parents=True)
        (folder / "rows.duckdb").write_bytes(b"x")
    stamp = time.time() - 24 * 3600
    for entry in (old / "rows.duckdb", old):
        os.utime(entry, (stamp, stamp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr("portfolio.cleanup.UPLOAD_FOLDER", temp / "portfolio-uploads")
    assert not open_page().exception
    assert not old.exists() and fresh.exists()
