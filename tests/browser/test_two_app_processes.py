"""Two app processes on one PostgreSQL database, as behind a reverse proxy: an import made
through one is served by the other within seconds, whole.

Plain processes stand for the deployment of deploy/compose.yaml (the proxy only routes).
"""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
from playwright.sync_api import Browser, Page, expect

from portfolio.demo import generate_demo
from tests.browser.conftest import DRAW_TIMEOUT_MS, served_app, wait_until_drawn

# What the other process may take to serve a new version: it asks PostgreSQL at most every
# 2 seconds, on a page run, then loads the version; the page's own reloads and redraws
# are counted in (several seconds each on a busy 2-core machine).
SERVED_WITHIN_SECONDS = 30
NAME = "team_q4"


def dataset_options(page: Page) -> list[str]:
    box = page.get_by_role("combobox", name="Dataset", exact=True)
    box.click()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return options


def test_an_import_through_one_process_is_served_by_the_other(browser: Browser, shared_url: str,
                                                               tmp_path: Path):
    export = tmp_path / f"{NAME}.csv"
    generate_demo(n_clients=40, n_reps=4, seed=3).to_csv(export, index=False)
    shared = {"PORTFOLIO_DB": shared_url}
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
    with served_app(tmp_path / "one", env_extra=shared) as one, \
            served_app(tmp_path / "two", env_extra=shared) as two:
        through_one = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="en-GB")
        on_two = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="en-GB")
        on_two.goto(f"{two}/Matrix")
        wait_until_drawn(on_two)
        assert [o for o in dataset_options(on_two) if NAME in o] == []
        # The two processes started on an empty database loaded one demo between them.
        with psycopg.connect(shared_url) as con:
            assert con.execute("SELECT count(*) FROM kept_datasets").fetchone() == (1,)

        through_one.goto(f"{one}/Import")
        wait_until_drawn(through_one)
        through_one.locator('input[type="file"]').set_input_files(str(export))
        wait_until_drawn(through_one)
        import_button = through_one.get_by_role("button", name="Import", exact=True)
        expect(import_button).to_be_enabled(timeout=DRAW_TIMEOUT_MS)
        import_button.click()
        wait_until_drawn(through_one)
        expect(through_one.get_by_text(f"Imported 40 clients into “{NAME}”")).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        imported_at = time.monotonic()

        wanted = f"{NAME} · 40 clients"
        while wanted not in dataset_options(on_two):
            assert time.monotonic() - imported_at < SERVED_WITHIN_SECONDS, \
                f"the other process did not serve {NAME} within {SERVED_WITHIN_SECONDS} s"
            time.sleep(0.5)
            on_two.reload()
            wait_until_drawn(on_two)
        print(f"served by the other process {time.monotonic() - imported_at:.1f} s after the import")

        # Whole: the other process's matrix shows the 40 clients of the version imported.
        box = on_two.get_by_role("combobox", name="Dataset", exact=True)
        box.click()
        on_two.get_by_role("option", name=wanted, exact=True).click()
        wait_until_drawn(on_two)
        on_two.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=DRAW_TIMEOUT_MS)
        expect(on_two.locator('[data-testid="stPlotlyChart"] path.point')).to_have_count(
            40, timeout=DRAW_TIMEOUT_MS)
        through_one.close()
        on_two.close()
