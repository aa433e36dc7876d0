"""In a French Chromium, Streamlit's own English words are not on our pages: a filter's list
offers no "Select all", a list that finds nothing says "Aucun résultat" (in the Matrix's
filters and the sidebar's choosers), a text input shows no "Press Enter to apply", a chart's
toolbar tips read "Zoom avant"; an English browser keeps Streamlit's and Plotly's words."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn

FILTER = '[data-testid="stMain"] [data-testid="stMultiSelect"]'
CHOOSER = '[data-testid="stSidebar"] [data-testid="stSelectbox"]'
ZOOM_IN = '[data-testid="stPlotlyChart"] .modebar-btn[data-attr="zoom"][data-val="in"]'
EMPTY = '[role="listbox"][data-empty="true"] [role="option"] > span'
# What the reader sees of the empty list's words: the text, unless it is drawn at no size, and
# the words drawn after it.
SHOWN_WORDS = """e => {
    const own = parseFloat(getComputedStyle(e).fontSize) > 0 ? e.textContent : '';
    const after = getComputedStyle(e, '::after').content;
    return own + (after && after !== 'none' ? JSON.parse(after) : '');
}"""


def _open(browser, app_url: str, locale: str, path: str) -> tuple[object, Page]:
    context = browser.new_context(locale=locale, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{app_url}/{path}")
    wait_until_drawn(page)
    return context, page


def _nothing_found_in(page: Page, widget: str, dropdown: str) -> str:
    """Open `widget`'s list, type what no option holds; the words the empty list shows."""
    page.locator(widget).click()
    page.keyboard.type("zzzz")
    empty = page.locator(f'[data-testid="{dropdown}"] {EMPTY}')
    expect(empty).to_have_count(1, timeout=DRAW_TIMEOUT_MS)
    words = empty.evaluate(SHOWN_WORDS)
    page.keyboard.press("Escape")
    return words


def test_french_lists_say_their_words_in_french(browser, app_url: str):
    context, page = _open(browser, app_url, "fr-FR", "Matrix")
    try:
        expect(page.get_by_role("heading", name="Matrice attractivité × QRC")).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        region = page.locator(FILTER).filter(has_text="Région")
        region.click()
        options = page.locator('[data-testid="stMultiSelectDropdown"] [role="option"]')
        expect(options.first).to_be_visible(timeout=DRAW_TIMEOUT_MS)
        assert "Select all" not in page.locator('[data-testid="stMultiSelectDropdown"]').inner_text()
        page.keyboard.press("Escape")
        assert _nothing_found_in(page, f'{FILTER}:has-text("Région")',
                                 "stMultiSelectDropdown") == "Aucun résultat"
        dataset = f'{CHOOSER}:has-text("Jeu de données")'
        assert _nothing_found_in(page, dataset, "stSelectboxVirtualDropdown") == "Aucun résultat"
        expect(page.locator(ZOOM_IN)).to_have_attribute("data-title", "Zoom avant",
                                                         timeout=DRAW_TIMEOUT_MS)
    finally:
        context.close()


def test_a_french_text_input_shows_no_english_hint(browser, app_url: str):
    context, page = _open(browser, app_url, "fr-FR", "Join")
    try:
        code = page.locator('[data-testid="stTextInput"] input')
        code.click()
        page.keyboard.type("AB")
        expect(page.locator('[data-testid="InputInstructions"]')).to_be_hidden()
    finally:
        context.close()


def test_an_english_browser_keeps_streamlit_s_words(browser, app_url: str):
    context, page = _open(browser, app_url, "en-GB", "Matrix")
    try:
        expect(page.get_by_role("heading", name="Attractiveness × QRC matrix")).to_be_visible(
            timeout=DRAW_TIMEOUT_MS)
        assert _nothing_found_in(page, f'{FILTER}:has-text("Region")',
                                 "stMultiSelectDropdown") == "No results"
        expect(page.locator(ZOOM_IN)).to_have_attribute("data-title", "Zoom in",
                                                         timeout=DRAW_TIMEOUT_MS)
        code_page = context.new_page()
        code_page.goto(f"{app_url}/Join")
        wait_until_drawn(code_page)
        code_page.locator('[data-testid="stTextInput"] input').click()
        code_page.keyboard.type("AB")
        expect(code_page.locator('[data-testid="InputInstructions"]')).to_be_visible()
    finally:
        context.close()
