"""The Rep page's printed page, downloaded in Chromium: a PDF built on the click, holding the
rep shown and their client count."""

from __future__ import annotations

import io

from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser.conftest import wait_until_drawn

REP_CHOICE = '[data-testid="stMain"] [data-testid="stSelectbox"]'


def test_the_rep_page_downloads_this_reps_page_as_pdf(page: Page, app_url: str):
    page.goto(f"{app_url}/Rep")
    wait_until_drawn(page)
    rep = page.locator(REP_CHOICE).filter(has_text="Salesperson").get_by_role("combobox").input_value()
    clients = page.locator('[data-testid="stMetric"]').filter(has_text="Clients").first.locator(
        '[data-testid="stMetricValue"]').inner_text()
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Download this rep's page (PDF)").click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"%PDF")
    [sheet] = PdfReader(io.BytesIO(data)).pages
    text = " ".join(sheet.extract_text().split())
    assert text.startswith(f"Portfolio of {rep}")
    assert f"Clients {clients}" in text
