"""A director uploads a large workbook, thinks better of it and presses Cancel while it is read.

The reading must stop then, not run on in the server until its end: the page says it was
cancelled, the server's CPU falls back to idle within seconds, the reading's staging
folder is gone from the server's temporary folder, and nothing was imported. Reading the
file again then works, and takes the time the cancelled reading was spared: the test
measures it, so that a Cancel that did nothing (the reading going on to its end) fails.

The server runs on its own, with a temporary folder of its own (TMPDIR): the staging
folders looked for are this server's only.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb
from playwright.sync_api import Page, expect

from portfolio.demo import generate_demo
from portfolio.i18n import t
from portfolio.store.datasets import list_datasets
from portfolio.store.opening import open_store
from portfolio.table_copy import frame_query, write_query
from portfolio.temp_names import READING_PREFIX
from tests.browser.conftest import DRAW_TIMEOUT_MS, served_app_process, wait_until_drawn

# Read in 20 to 30 s on a loaded 2-core machine (openpyxl reads each cell).
ROWS = 100_000
READ_TIMEOUT_MS = 240_000
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
BUSY_CPU = 0.2  # of one core, over a second: the reading is running (on a loaded machine)
IDLE_CPU = 0.1  # of one core, over a second: nothing left running
STOP_SECONDS = 15  # the longest from Cancel to idle, on a loaded machine


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by process `pid`, all its threads (from /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def cpu_share(pid: int, seconds: float = 1.0) -> float:
    """The share of one core process `pid` used over the next `seconds`."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / seconds


def idle_after(pid: int, start: float, limit: float) -> float | None:
    """Seconds from `start` to the first idle second of `pid`, or None within `limit`."""
    while time.monotonic() - start < limit:
        window = time.monotonic()
        if cpu_share(pid) < IDLE_CPU:
            return window - start
    return None


def large_workbook(path: Path) -> Path:
    """The seeded demo portfolio of ROWS clients as a workbook (written by our export)."""
    frame = generate_demo(n_clients=ROWS, n_reps=ROWS // 350, seed=3)
    with duckdb.connect() as con:
        write_query(con, frame_query(con, frame), path)
    return path


def staging_folders(temp: Path) -> list[str]:
    return sorted(p.name for p in temp.glob(f"{READING_PREFIX}*"))


def test_cancel_stops_the_reading_and_reading_again_works(page: Page, tmp_path: Path):
    workbook = large_workbook(tmp_path / "big_portfolio.xlsx")
    folder, temp = tmp_path / "server", tmp_path / "server_tmp"
    folder.mkdir()
    temp.mkdir()
    waiting = re.compile(re.escape(t("import.reading_for", "en", seconds=999))
                         .replace("999", r"\d+"))
    with served_app_process(folder, env_extra={"TMPDIR": str(temp)}) as (url, server):
        page.goto(f"{url}/Import")
        wait_until_drawn(page)
        page.locator('input[type="file"]').set_input_files(str(workbook))
        cancel = page.get_by_role("button", name=t("import.cancel_reading", "en"), exact=True)
        expect(cancel).to_be_visible(timeout=DRAW_TIMEOUT_MS)
        shown = time.monotonic()  # the reading has run for a second (SHOW_AFTER_SECONDS)
        expect(page.get_by_text(waiting)).to_be_visible()  # how long it has run
        assert cpu_share(server.pid) > BUSY_CPU, "the server is not reading the file"
        assert staging_folders(temp), "the reading stages its rows in the server's TMPDIR"

        cancel.click()
        clicked = time.monotonic()
        expect(page.get_by_text(t("import.reading_cancelled", "en"))).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        stopped = idle_after(server.pid, clicked, STOP_SECONDS)
        assert stopped is not None, f"the server still works {STOP_SECONDS} s after Cancel"
        assert staging_folders(temp) == []
        expect(page.get_by_role("heading", name=t("import.report_title", "en"))).to_have_count(0)

        page.get_by_role("button", name=t("import.read_again", "en"), exact=True).click()
        again = time.monotonic()
        # The whole file read: its rows counted in the preview, then checked.
        expect(page.get_by_text(t("import.preview_caption", "en", shown=20, total=ROWS))
               ).to_be_visible(timeout=READ_TIMEOUT_MS)
        whole_reading = time.monotonic() - again
        expect(page.get_by_role("heading", name=t("import.report_title", "en"))).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        # What the cancelled reading had left to do when Cancel was pressed (it had run
        # about a second before the button showed): it stopped in well under that.
        left = whole_reading - (clicked - shown) - 1.0
        assert stopped < left / 2, (f"the reading stopped {stopped:.1f} s after Cancel, when "
                                    f"it had {left:.1f} s left of {whole_reading:.1f} s")
        wait_until_drawn(page)
    # Nothing was imported: the store holds the demo the server loaded, and only it.
    store = open_store(folder / "portfolio.duckdb")
    try:
        assert [(d.is_demo, d.source) for d in list_datasets(store)] == [(True, "demo")]
        with store.reading() as cur:
            tables = cur.execute("SELECT table_name FROM duckdb_tables() "
                                 "WHERE starts_with(table_name, 'clients_')").fetchall()
        assert len(tables) == 1
    finally:
        store.close()
