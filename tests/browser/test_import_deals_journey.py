"""A director has no client file, only the won and lost deals of the CRM: build the clients
on the Import page, check the figures, import them, and read the build's choices on the
Datasets page.

On a server of its own (the dataset it imports becomes the latest one, which every new
session shows); it ends by deleting the dataset.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, served_app, wait_until_drawn
from tests.browser.test_import_journey import choose, delete_dataset

# C1: 1,000 won by Ann and 500 by Bob; C2: 300 won, 999 lost (not counted). As of the
# latest line (10/03/2026), over 12 months.
DEALS = ("Client;Date;Montant;Commercial;Étape\r\n"
         "C1;15/01/2026;1000;Ann;Won\r\n"
         "C1;10/03/2026;500;Bob;Won\r\n"
         "C2;01/02/2026;300;Bob;Won\r\n"
         "C2;05/02/2026;999;Bob;Lost\r\n")
ACCOUNTS = "Client;Nom;Potentiel\r\nC1;Alpha;5000\r\nC2;Beta;1000\r\n"
NAME = "deals clients"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with served_app(tmp_path_factory.mktemp("deals_server")) as url:
        yield url


def test_build_clients_from_deals_import_them_and_read_the_choices(page: Page, app_url: str,
                                                                   tmp_path: Path):
    deals, accounts = tmp_path / "deals.csv", tmp_path / "accounts.csv"
    deals.write_text(DEALS, encoding="utf-8")
    accounts.write_text(ACCOUNTS, encoding="utf-8")
    page.goto(f"{app_url}/Import")
    wait_until_drawn(page)
    page.get_by_text("I have sales lines / deals", exact=True).click()
    wait_until_drawn(page)
    files = page.locator('input[type="file"]')
    # Lines, accounts, families; then the potential file and the rates (in the folded
    # "Potential" expander, drawn all the same).
    expect(files).to_have_count(5, timeout=DRAW_TIMEOUT_MS)
    files.nth(0).set_input_files(str(deals))
    wait_until_drawn(page)
    files.nth(1).set_input_files(str(accounts))
    wait_until_drawn(page)
    won = page.get_by_role("textbox", name="Won stage (optional)", exact=True)
    won.fill("won")
    won.press("Enter")
    wait_until_drawn(page)
    page.get_by_role("button", name="Build the clients", exact=True).click()
    wait_until_drawn(page)
    expect(page.get_by_text("Built 2 clients (2 rows) from the sales lines.")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    # By hand: 1,000 + 500 + 300 over the window; potentials 5,000 + 1,000.
    revenue = page.locator('[data-testid="stMetric"]', has_text="Revenue over the window")
    expect(revenue).to_contain_text("1,800")
    expect(page.locator('[data-testid="stMetric"]', has_text="Potential")).to_contain_text("6,000")
    # The built file's own columns (team, growth…) are kept as custom columns: warnings only.
    expect(page.get_by_text("Errors (they block the import): 0")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    page.get_by_role("button", name="Import", exact=True).click()
    wait_until_drawn(page)
    try:
        expect(page.get_by_text(f"Imported 2 clients into “{NAME}”")).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        page.goto(f"{app_url}/Datasets")
        wait_until_drawn(page)
        choose(page, "Dataset to work on", NAME)
        expect(page.get_by_text("Built from sales lines (deals.csv) with these choices:")
               ).to_be_visible(timeout=DRAW_TIMEOUT_MS)
        expect(page.get_by_text("stage filter: column 'Étape' in 'won' (3 lines kept)")
               ).to_be_visible()
    finally:
        delete_dataset(page, app_url, NAME)
