"""In a French Chromium, the Rep page's objective typed with a decimal comma is the one the page
works with, and is shown back as typed. (The tables' text is drawn on a canvas; the words the
data grid exposes to assistive technology are its raw values: the tables' French text is
checked in tests/ui/test_french_numbers.py.)"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from portfolio.i18n import t
from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn

REP_CHOICE = '[data-testid="stMain"] [data-testid="stSelectbox"]'


def test_a_french_objective_typed_with_a_decimal_comma(browser, app_url: str):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1920, "height": 1080})
    try:
        page: Page = context.new_page()
        page.goto(f"{app_url}/Rep")
        wait_until_drawn(page)
        choice = page.locator(REP_CHOICE).filter(has_text=t("rep.choose", "fr"))
        choice.click()
        page.keyboard.type("Julien Moreau")
        page.keyboard.press("Enter")
        expect(choice.get_by_role("combobox")).to_have_value("Julien Moreau", timeout=DRAW_TIMEOUT_MS)
        wait_until_drawn(page)
        objective = page.locator('[data-testid="stMetric"]').filter(
            has_text=t("rep.metric_objective", "fr"))
        before = objective.inner_text()
        growth = page.get_by_label(t("rep.growth", "fr"), exact=True)
        expect(growth).to_have_value("10")
        growth.fill("12,5")
        growth.press("Enter")
        wait_until_drawn(page)
        expect(objective).not_to_have_text(before, timeout=DRAW_TIMEOUT_MS)
        expect(objective).to_contain_text("+12,5\u00a0%")
        expect(growth).to_have_value("12,5")
    finally:
        context.close()
