"""On a 1366×768 projector, in French (the longer texts), the figures a meeting reads are
not cut short: a tooltip cannot be hovered from the back of the room."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn
from tests.browser.test_grid_trial_journey import try_a_lower_qrc_cut
from tests.browser.test_matrix_journeys import CARD, CHART, click_isolated_client

PROJECTOR = {"width": 1366, "height": 768}
SIDEBAR = '[data-testid="stSidebar"]'
# Texts that end in "…" because their box is too narrow (the browser's own ellipsis).
CUT_SHORT = """(selector) => {
    const cut = [];
    for (const root of document.querySelectorAll(selector)) {
        for (const element of [root, ...root.querySelectorAll('*')]) {
            const style = getComputedStyle(element);
            if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'visible') {
                cut.push(root.innerText.trim());
                break;
            }
        }
    }
    return cut;
}"""
# Elements that scroll sideways: a reader at the back of the room cannot scroll them.
SCROLLS_SIDEWAYS = """(selector) => [...document.querySelectorAll(selector + ' *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
    .map(e => e.tagName + ': ' + e.innerText.slice(0, 40))"""
METRICS = '[data-testid="stMetric"]'
BUTTONS = '[data-testid="stMain"] [data-testid^="stBaseButton"]'


def _french_page(page: Page, app_url: str, path: str, heading: str) -> None:
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/{path}")
    wait_until_drawn(page)
    radio = page.locator(SIDEBAR).get_by_role("radio", name="FR", exact=True)
    if not radio.is_checked():
        radio.click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    wait_until_drawn(page)


@pytest.mark.parametrize(("path", "heading", "metrics"), [
    ("", "Bienvenue dans Portfolio Pilot", 4),
    ("Structure", "Structure du portefeuille", 5),
    ("Rep", "Autopilotage du commercial", 5),
    ("Visit_plan", "Plan de visites", 5),
])
def test_metric_labels_and_values_are_shown_whole(page: Page, app_url: str, path, heading,
                                                   metrics):
    _french_page(page, app_url, path, heading)
    expect(page.locator(METRICS).first).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    assert page.locator(METRICS).count() >= metrics
    assert page.evaluate(CUT_SHORT, METRICS) == []


def test_the_filter_bar_button_is_shown_whole(page: Page, app_url: str):
    _french_page(page, app_url, "Matrix", "Matrice attractivité × QRC")
    expect(page.locator(BUTTONS).filter(has_text="Effacer")).to_be_visible()
    assert page.evaluate(CUT_SHORT, BUTTONS) == []


def test_the_client_card_fits_its_column(page: Page, app_url: str):
    _french_page(page, app_url, "Matrix", "Matrice attractivité × QRC")
    page.wait_for_selector(f"{CHART} .main-svg", timeout=DRAW_TIMEOUT_MS)
    click_isolated_client(page)
    card = page.locator(CARD)
    expect(card).to_contain_text("Critère · règle appliquée", timeout=DRAW_TIMEOUT_MS)
    expect(card.locator("table.criteria-table")).to_have_count(2)
    assert page.evaluate(SCROLLS_SIDEWAYS, CARD) == []


def test_the_grid_trial_banner_is_shown_whole(page: Page, app_url: str):
    _french_page(page, app_url, "Grid", "Grille de notation")
    try_a_lower_qrc_cut(page, "Essayer des changements", "Essayer ces changements")
    page.locator(SIDEBAR).get_by_role("link", name="Matrice").click()
    wait_until_drawn(page)
    expect(page.get_by_role("button", name="Revenir au fichier de grille")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    assert page.evaluate(CUT_SHORT, BUTTONS) == []
    page.get_by_role("button", name="Revenir au fichier de grille").click()
    wait_until_drawn(page)
