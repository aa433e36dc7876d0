"""A trainer scores a client live on the Grid page, in Chromium: values typed, the segment and
the star on the matrix follow."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn

STAR = '.st-key-w-live_chart .scatterlayer path.point'


def test_a_trainer_scores_a_client_live(page: Page, app_url: str):
    page.goto(f"{app_url}/Grid")
    wait_until_drawn(page)
    page.get_by_role("tab", name="Score a client live").click()
    live = page.get_by_role("tabpanel", name="Score a client live")
    # Nothing typed yet: every criterion is missing, scored 0, so the client sits low and left.
    expect(page.get_by_text("Missing criteria, scored 0 points")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    potential = live.get_by_label("Purchase potential (€)", exact=True)
    potential.fill("250000")
    potential.press("Enter")
    wait_until_drawn(page)
    live.get_by_label("Position on its market", exact=True).click()
    page.get_by_role("option", name="leader — first or second on its market, sets the prices").click()
    wait_until_drawn(page)
    expect(live.get_by_text("Competitors' strongholds — Priority visits")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    expect(page.locator('[data-testid="stMetric"]').filter(has_text="Attractiveness")).to_contain_text(
        "62.5 / 100")
    expect(page.locator(STAR)).to_have_count(1, timeout=DRAW_TIMEOUT_MS)
    expect(live.locator("table.criteria-table").first).to_contain_text("€250,000")


def test_a_french_trainer_types_a_decimal_comma(browser, app_url: str):
    """In a French browser "12,5" is 12.5 %, shown back as such, with no English hint."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/Grid")
        wait_until_drawn(page)
        page.get_by_role("tab", name="Noter un client en direct").click()
        live = page.get_by_role("tabpanel", name="Noter un client en direct")
        share = live.get_by_label("Part de marché chez le client (%)", exact=True)
        share.fill("12,5")
        expect(page.get_by_text("Press Enter to apply")).to_be_hidden()
        share.press("Enter")
        wait_until_drawn(page)
        expect(live.locator("table.criteria-table").nth(1)).to_contain_text("12,5\u00a0%",
                                                                           timeout=DRAW_TIMEOUT_MS)
        expect(share).to_have_value("12,5")
        share.fill("douze")
        share.press("Enter")
        wait_until_drawn(page)
        expect(live.get_by_text("« douze » n'est pas un nombre")).to_be_visible(timeout=DRAW_TIMEOUT_MS)
        expect(share).to_have_value("12,5")  # the last good value stays
    finally:
        context.close()


def test_the_live_result_is_beside_its_inputs_on_a_projector(page: Page, app_url: str):
    """At 1366×768 the segment, the scores and the star's chart are beside the values being
    typed in, not below them."""
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{app_url}/Grid")
    wait_until_drawn(page)
    page.get_by_role("tab", name="Score a client live").click()
    live = page.get_by_role("tabpanel", name="Score a client live")
    potential = live.get_by_label("Purchase potential (€)", exact=True)
    expect(potential).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    page.wait_for_selector(f"{STAR}", timeout=DRAW_TIMEOUT_MS)
    inputs = potential.bounding_box()
    result = live.get_by_role("heading", name="How the grid scores this client").bounding_box()
    chart = page.locator(".st-key-w-live_chart").bounding_box()
    assert result["x"] > inputs["x"] + inputs["width"]  # beside, not below
    assert result["y"] < inputs["y"] + inputs["height"]
    assert chart["x"] >= inputs["x"] + inputs["width"]
    assert chart["y"] < 768  # the star's chart starts on the first screen
