"""A director imports next quarter's export as a new period of the portfolio, in Chromium, and
sees on the Structure page what moved: clients that changed segment, came or left."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from portfolio.demo import generate_demo
from tests.browser.conftest import DRAW_TIMEOUT_MS, served_app, wait_until_drawn

NEXT = "2026-Q4"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """A server of its own: the period added here must not reach the other journeys."""
    with served_app(tmp_path_factory.mktemp("period_server")) as url:
        yield url


def next_quarter_export(path: Path) -> tuple[str, int]:
    """Three demo clients a quarter later, the first with twice its share of wallet, and one
    new client; the demo's period and its number of clients."""
    demo = generate_demo()
    kept = demo.head(3).copy()
    kept.loc[kept.index[0], "share_of_wallet"] = min(1.0, 2 * kept["share_of_wallet"].iloc[0])
    lines = ["Code client;Raison sociale;Commercial;Potentiel;Part de marché;CA"]
    for row in kept.itertuples():
        lines.append(f"{row.client_id};{row.client_name};{row.salesperson};{row.potential:.0f};"
                     f"{100 * row.share_of_wallet:.1f} %;{row.potential * row.share_of_wallet:.0f}")
    lines.append("N00001;Nouveau Client SARL;Hélène Roux;50000;10 %;5000")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return str(demo["period"].iloc[0]), len(demo)


def test_a_new_period_shows_what_moved(page: Page, app_url: str, tmp_path: Path):
    export = tmp_path / "crm_next_quarter.csv"
    demo_period, demo_clients = next_quarter_export(export)
    page.goto(f"{app_url}/Import")
    wait_until_drawn(page)
    page.locator('input[type="file"]').set_input_files(str(export))
    wait_until_drawn(page)
    expect(page.get_by_text("No problem found: the file can be imported.")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    page.get_by_text("As a new period of an existing dataset").click()
    wait_until_drawn(page)
    period = page.get_by_role("textbox", name="Period", exact=True)
    period.fill(NEXT)
    period.press("Enter")
    wait_until_drawn(page)
    page.get_by_role("button", name="Import", exact=True).click()
    wait_until_drawn(page)
    expect(page.get_by_text("Imported 4 clients into “Demo portfolio”")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)

    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Structure").click()
    wait_until_drawn(page)
    page.get_by_role("tab", name="Over time").click()
    history = page.get_by_role("tabpanel", name="Over time")
    # Of the demo's clients, three are in the new export: the others left; one came.
    expect(history.get_by_text(f"From {demo_period} to {NEXT}:")).to_contain_text(
        f"1 came and {demo_clients - 3:,} left", timeout=DRAW_TIMEOUT_MS)
    expect(history.locator("table").last).to_contain_text("(new client)")
