"""The workshop in Chromium, in English and in French: every step of the guided path with its
chart drawn and its question shown, walked with the Next button, at the projector's size."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from portfolio.i18n import t
from portfolio.ui.workshop.steps import STEPS
from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn

PROJECTOR = {"width": 1366, "height": 768}
SIDEBAR = '[data-testid="stSidebar"]'
CHART = '[data-testid="stPlotlyChart"]'
QUESTION = ".st-key-workshop_question"
LANGUAGE_BUTTON = {"en": "EN", "fr": "FR"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_guided_path_shows_each_steps_chart_and_question(page: Page, app_url: str, lang):
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/Workshop")
    wait_until_drawn(page)
    radio = page.locator(SIDEBAR).get_by_role("radio", name=LANGUAGE_BUTTON[lang], exact=True)
    if not radio.is_checked():
        radio.click()
    expect(page.get_by_role("heading", name=t("workshop.title", lang))).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    page.get_by_role("button", name=t("workshop.reset", lang)).click()
    wait_until_drawn(page)
    for number, step in enumerate(STEPS, start=1):
        heading = t("workshop.step_heading", lang, number=number, total=len(STEPS),
                    title=t(step.key("title"), lang))
        expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=DRAW_TIMEOUT_MS)
        wait_until_drawn(page)
        screen = page.locator(f".st-key-workshop_step_{step.id}")
        if step.id != "room":  # its chart comes with the answers (test_workshop_room_journey)
            expect(screen.locator(f"{CHART} .main-svg").first).to_be_attached(
                timeout=DRAW_TIMEOUT_MS)
        expect(screen.locator(QUESTION)).to_contain_text(t(step.key("question"), lang))
        if number < len(STEPS):
            following = t(STEPS[number].key("short"), lang)
            page.get_by_role("button", name=t("workshop.next", lang, title=following)).click()
    # The last step has nowhere further to go.
    expect(page.get_by_role("button", name=t("workshop.next", lang, title="")[:5],
                            exact=False)).to_have_count(0)
