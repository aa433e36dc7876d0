"""A trainer lowers the QRC cut on the Grid page, in Chromium: the clients that move are listed,
the matrix scores with the change, and one click brings the grid file back."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn

TRIAL_BANNER = "You are trying changes to the grid"
STEP = 0.5  # the cut slider's step


def try_a_lower_qrc_cut(page: Page, tab: str = "Try changes",
                        button: str = "Try these changes") -> Locator:
    """On the Grid page already open: the QRC cut from 50 down to 40, tried; the tab's panel."""
    page.get_by_role("tab", name=tab).click()
    trial = page.get_by_role("tabpanel", name=tab)
    qrc_cut = trial.get_by_role("slider").nth(1)
    # The value as shown and read out (the slider's own value is the step's position).
    expect(qrc_cut).to_have_attribute("aria-valuetext", "50")
    qrc_cut.focus()
    for _ in range(int(10 / STEP)):
        page.keyboard.press("ArrowLeft")
    expect(qrc_cut).to_have_attribute("aria-valuetext", "40")
    trial.get_by_role("button", name=button).click()
    wait_until_drawn(page)
    return trial


def test_a_trainer_tries_a_lower_cut_and_goes_back(page: Page, app_url: str):
    page.goto(f"{app_url}/Grid")
    wait_until_drawn(page)
    trial = try_a_lower_qrc_cut(page)
    # The page is drawn again with the trial, on the same tab.
    expect(page.get_by_text(TRIAL_BANNER)).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    expect(trial.get_by_text("of your 2,000 clients change segment", exact=False)).to_be_visible()
    expect(trial.locator("table").filter(has_text="Segment with the changes")).to_contain_text(
        "Competitors' strongholds")

    # Through the menu: the trial belongs to this browser session (a new load starts another).
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Matrix").click()
    wait_until_drawn(page)
    expect(page.get_by_text(TRIAL_BANNER)).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    page.get_by_role("button", name="Back to the grid file").click()
    wait_until_drawn(page)
    expect(page.get_by_text(TRIAL_BANNER)).to_have_count(0, timeout=DRAW_TIMEOUT_MS)
