"""A room in Chromium: the trainer opens it on the Workshop page; three participants, each in
a browser of their own, join with the code and answer; the trainer's screen shows their
spread and the segment at their median answers, without reloading."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from portfolio.grid.loader import load_grid
from portfolio.queries.live import score_values
from portfolio.workshop.room import level_value, levels
from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn
from tests.browser.test_workshop_journey import PROJECTOR
from tests.ui.conftest import ROOT

GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")
CRITERION = GRID.axes["qrc"].criteria[0]
ROOM_STEP_BUTTON = "5. The room scores"


def _open_room(page: Page, app_url: str) -> str:
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/Workshop")
    wait_until_drawn(page)
    page.get_by_role("button", name="Reset the workshop").click()
    wait_until_drawn(page)
    page.get_by_text(ROOM_STEP_BUTTON, exact=True).click()
    wait_until_drawn(page)
    page.get_by_role("textbox").fill("A regional distributor met twice a year")
    page.get_by_role("button", name="Open the room on this client").click()
    code = page.locator(".st-key-room_code code")
    expect(code).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    return code.inner_text().strip()


def _answer(browser: Browser, app_url: str, code: str, position: int) -> None:
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    try:
        phone = context.new_page()
        phone.goto(f"{app_url}/Join?code={code}")
        wait_until_drawn(phone)
        rule = phone.get_by_role("radiogroup", name=CRITERION.label.get("en"))
        rule.get_by_role("radio").nth(position).check(force=True)
        phone.get_by_role("button", name="Send my answers").click()
        expect(phone.get_by_text("your answers are in")).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    finally:
        context.close()


def test_three_phones_score_the_case_and_the_trainer_sees_it(page: Page, browser: Browser,
                                                             app_url: str):
    code = _open_room(page, app_url)
    positions = [0, len(levels(CRITERION)) - 1, 0]
    for position in positions:
        _answer(browser, app_url, code, position)
    participants = page.locator('[data-testid="stMetric"]').filter(has_text="Participants")
    expect(participants).to_contain_text("3", timeout=DRAW_TIMEOUT_MS)  # redrawn on its own
    expected = score_values(GRID, {CRITERION.column: level_value(CRITERION, 0)})
    segment = GRID.segment(expected.segment).label.get("en")
    expect(page.locator(".st-key-room_segment")).to_contain_text(segment)
    # Two of three on the first level; found by its text, as the page may hold another chart.
    spread = page.locator('[data-testid="stPlotlyChart"]').filter(has_text="67%")
    expect(spread.first).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    page.get_by_role("button", name="Close the room").click()
    wait_until_drawn(page)
