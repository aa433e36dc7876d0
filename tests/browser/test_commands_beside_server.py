"""While the app server runs and a person uses it, a scheduled import and a director's
export run from the command line on its database: the server takes them, and the person
sees the new dataset on their next page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, ROOT, served_app, wait_until_drawn

CSV = "client_id,client_name,salesperson,revenue,potential\n" + "".join(
    f"m{i},Client {i},Claire Martin,{100 + i},{1000 + i}\n" for i in range(40))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("commands_server")
    with served_app(folder) as url:
        yield url, folder / "portfolio.duckdb"


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PORTFOLIO_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "portfolio", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=180)


def test_an_import_and_an_export_from_the_command_line_while_the_app_runs(
        page: Page, server, tmp_path: Path):
    url, db = server
    page.goto(url)
    wait_until_drawn(page)  # the server has opened its database
    (tmp_path / "monthly.csv").write_text(CSV, encoding="utf-8")
    imported = command("import", "monthly.csv", "--dataset", "Monthly import", "--period",
                       "2026-11", "--db", str(db), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    listed = command("datasets", "--db", str(db), cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "Monthly import" in listed.stdout and "Demo portfolio" in listed.stdout
    exported = command("export", "--dataset", "Monthly import", "--out", "monthly-scored.csv",
                       "--lang", "en", "--db", str(db), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    lines = (tmp_path / "monthly-scored.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 41
    page.reload()
    wait_until_drawn(page)
    page.get_by_test_id("stSidebarUserContent").get_by_test_id("stSelectbox").first.click()
    expect(page.get_by_role("option", name="Monthly import · 40 clients")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
