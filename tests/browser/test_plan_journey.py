"""The visit plan in Chromium: a director opens a rep's plan, tries other judgements, sees the plan move."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn

SEGMENTS = ".st-key-plan_segments"
EDITOR = '[data-testid="stForm"] [data-testid="stDataFrame"]'
ROW_PX, HEADER_PX = 35, 35  # the data editor's default row and header heights
CHARTS = 3  # gauge, visits by segment, response curves


def segment_row(page: Page, label: str) -> list[str]:
    """The cells of one row of the visits-by-segment table."""
    row = page.locator(f"{SEGMENTS} tr", has_text=label).first
    return [cell.strip() for cell in row.locator("td, th").all_inner_texts()]


def open_plan(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/Visit_plan")
    wait_until_drawn(page)
    # The gauge, the bars and the curves drawn: nothing moves on the page any more.
    charts = page.locator('[data-testid="stPlotlyChart"]')
    expect(charts).to_have_count(CHARTS, timeout=DRAW_TIMEOUT_MS)
    for index in range(CHARTS):
        expect(charts.nth(index).locator(".main-svg").first).to_be_attached(timeout=DRAW_TIMEOUT_MS)
    expect(page.locator(SEGMENTS)).to_be_visible(timeout=DRAW_TIMEOUT_MS)


def test_the_plan_shows_priorities_utilisation_and_visits(page: Page, app_url: str):
    open_plan(page, app_url)
    expect(page.get_by_role("heading", name="Visit plan")).to_be_visible()
    expect(page.get_by_role("heading", name="Priority visits")).to_be_visible()
    expect(page.locator('[data-testid="stMetric"]').filter(has_text="Visits available")).to_contain_text("720")
    expect(page.locator(".indicatorlayer").first).to_be_attached()  # the utilisation gauge
    expect(page.locator(f"{SEGMENTS} tr", has_text="Total")).to_be_visible()


def _type_saturation(page: Page, shown: str, typed: str) -> None:
    """In the judgements editor, the first row's "Saturation" cell: `shown` in it, `typed` in."""
    editor = page.locator(EDITOR)
    editor.scroll_into_view_if_needed()
    box = editor.bounding_box()
    # Select the first row's segment cell and move to "Saturation", five columns right, checking
    # each step on the grid's accessible copy; open the cell's editor with Enter, type, commit.
    page.mouse.click(box["x"] + 30, box["y"] + HEADER_PX + ROW_PX / 2)
    for column in range(6):
        if column:
            page.keyboard.press("ArrowRight")
        expect(editor.locator(f"#glide-cell-{column}-0")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    cell = page.locator("#portal .gdg-input")  # a text cell opens a text area
    expect(cell).to_have_value(shown, timeout=DRAW_TIMEOUT_MS)
    cell.fill(typed)
    cell.press("Enter")
    expect(cell).to_have_count(0)
    expect(editor.locator("#glide-cell-5-0")).to_have_text(typed)


def test_editing_a_segments_judgements_changes_the_plan(page: Page, app_url: str):
    open_plan(page, app_url)
    before = segment_row(page, "Competitors' strongholds")
    _type_saturation(page, "1.30", "2")
    # Leave the grid before pressing Apply, as a user reaching for the button does: on a
    # cold server, Apply pressed straight after Enter was seen to submit the form without
    # the edit (the Reset button stayed disabled).
    page.get_by_role("heading", name="Response to visits").click()
    page.get_by_role("button", name="Apply").click()
    wait_until_drawn(page)
    expect(page.get_by_text("Judgements tried in this session")).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    after = segment_row(page, "Competitors' strongholds")
    # Develop clients could now double their revenue: they get more of the rep's visits.
    assert int(after[4].replace(",", "")) > int(before[4].replace(",", ""))
    page.get_by_role("button", name="Reset to the norms file").click()
    wait_until_drawn(page)
    expect(page.get_by_text("Judgements tried in this session")).to_have_count(0, timeout=DRAW_TIMEOUT_MS)
    assert segment_row(page, "Competitors' strongholds") == before


def test_a_french_judgement_is_written_and_typed_with_a_decimal_comma(browser, app_url: str):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1920, "height": 1080})
    try:
        page = context.new_page()
        open_plan(page, app_url)
        expect(page.get_by_role("heading", name="Plan de visites")).to_be_visible()
        _type_saturation(page, "1,30", "2,5")
        page.get_by_role("heading", name="Réponse aux visites").click()
        page.get_by_role("button", name="Appliquer").click()
        wait_until_drawn(page)
        expect(page.get_by_text("Jugements essayés dans cette session")).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        # Read as 2.5 (a refused entry would leave the norms file's judgements in use),
        # and still read so in English.
        page.locator('[data-testid="stSidebar"]').get_by_role("radio", name="EN").click()
        wait_until_drawn(page)
        expect(page.get_by_text("Judgements tried in this session")).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        expect(page.locator('[data-testid="stAlert"]').filter(has_text="expected a number")
               ).to_have_count(0)
        expect(page.locator(EDITOR).locator("#glide-cell-4-0")).to_have_text("1.15")
        page.get_by_role("button", name="Reset to the norms file").click()
        wait_until_drawn(page)
    finally:
        context.close()
