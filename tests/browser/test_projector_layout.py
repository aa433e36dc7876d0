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


# Presenter mode: the sidebar and the controls hidden, each page's point on the projected
# screen with nothing to scroll and nothing cut.
OUTSIDE_VIEWPORT = """(selector) => [...document.querySelectorAll(selector)]
    .map(e => [e, e.getBoundingClientRect()])
    .filter(([e, r]) => r.width > 0 && r.height > 0)
    .filter(([e, r]) => r.left < -1 || r.top < -1 || r.right > innerWidth + 1
                        || r.bottom > innerHeight + 1)
    .map(([e, r]) => `${e.getAttribute('class') || e.tagName}: ${(e.textContent || '').slice(0, 40)}`
                     + ` at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},`
                     + `${Math.round(r.bottom)}`)"""
SHOWN = """(selector) => [...document.querySelectorAll(selector)]
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
    .length"""
LEAVE = {"en": "Leave presenter mode", "fr": "Quitter le mode présentation"}
SWITCH = {"en": "Presenter mode", "fr": "Mode présentation"}
PAGE_LINKS = {"matrix": {"en": "Matrix", "fr": "Matrice"},
              "structure": {"en": "Structure", "fr": "Structure"},
              "rep": {"en": "Rep", "fr": "Commercial"},
              "plan": {"en": "Visit plan", "fr": "Plan de visites"},
              "workshop": {"en": "Workshop", "fr": "Atelier"}}
GAPS_TAB = {"en": "Gaps to the norms", "fr": "Écarts aux normes"}
DRAWN_CHART = f'{CHART} .main-svg'
# Whatever a reader must read whole: buttons, page links, tabs, metrics, table headers.
READ_WHOLE = ('[data-testid="stMain"] [data-testid^="stBaseButton"]',
              '[data-testid="stMain"] [data-testid="stPageLink-NavLink"]',
              '[data-testid="stMain"] [data-baseweb="tab"]', METRICS,
              '[data-testid="stMain"] th', '[data-testid="stMain"] [data-baseweb="tag"]')
STEPPER = '.st-key-stepper_w_{page}_step'


def _presenting(page: Page, app_url: str, lang: str, page_id: str) -> None:
    """The app in `lang` at 1366×768, presenter mode switched on, `page_id` opened from the
    presenter's own links (the sidebar is hidden)."""
    _matrix_in(page, app_url, lang)
    page.locator(SIDEBAR).locator('[data-testid="stCheckbox"]').filter(
        has_text=SWITCH[lang]).click()
    expect(page.get_by_role("button", name=LEAVE[lang])).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    expect(page.locator(SIDEBAR)).to_be_hidden()
    wait_until_drawn(page)
    if page_id != "matrix":
        page.locator('[data-testid="stMain"] [data-testid="stPageLink-NavLink"]').filter(
            has_text=PAGE_LINKS[page_id][lang]).click()
        # On a busy machine the Matrix may still be on screen for a moment: its chart
        # would be taken for the page's own.
        page.wait_for_function("() => !location.pathname.endsWith('/Matrix')",
                               timeout=DRAW_TIMEOUT_MS)
        wait_until_drawn(page)
    expect(page.get_by_role("button", name=LEAVE[lang])).to_be_visible(timeout=DRAW_TIMEOUT_MS)


def _matrix_in(page: Page, app_url: str, lang: str) -> None:
    """The Matrix page in `lang` at 1366×768."""
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/Matrix")
    wait_until_drawn(page)
    radio = page.locator(SIDEBAR).get_by_role("radio", name=lang.upper(), exact=True)
    if not radio.is_checked():
        radio.click()
        wait_until_drawn(page)


def _inside(page: Page, *selectors: str) -> None:
    for selector in selectors:
        assert page.evaluate(SHOWN, selector) > 0, f"nothing drawn for {selector}"
        assert page.evaluate(OUTSIDE_VIEWPORT, selector) == [], selector


def _nothing_cut(page: Page) -> None:
    for selector in READ_WHOLE:
        assert page.evaluate(CUT_SHORT, selector) == [], selector
    _inside(page, ".st-key-presenter_bar button")  # the way out, at the top of every page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_presenting_the_matrix_shows_it_whole_with_its_totals(page: Page, app_url: str, lang):
    _presenting(page, app_url, lang, "matrix")
    page.wait_for_selector(DRAWN_CHART, timeout=DRAW_TIMEOUT_MS)
    # Each segment of the totals (the total row aside) is a quadrant labelled on the chart.
    segments = page.locator('[data-testid="stTable"] tbody tr').count() - 1
    assert segments >= 4
    assert page.locator(f"{CHART} .annotation").count() == segments
    _inside(page, DRAWN_CHART, f"{CHART} .xtitle", f"{CHART} .ytitle", f"{CHART} .annotation",
            f"{CHART} .xtick", f"{CHART} .ytick", '[data-testid="stTable"]')
    assert page.evaluate(SHOWN, '[data-testid="stMain"] [data-testid="stMultiSelect"]') == 0
    assert page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
                         " <= innerHeight + 1")
    _nothing_cut(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_presenting_the_gaps_shows_every_rep_of_the_page(page: Page, app_url: str, lang):
    _presenting(page, app_url, lang, "structure")
    page.get_by_role("tab", name=GAPS_TAB[lang]).click()
    heatmap = '.st-key-w-structure-heatmap [data-testid="stPlotlyChart"]'
    page.wait_for_selector(f"{heatmap} .main-svg", timeout=DRAW_TIMEOUT_MS)
    _inside(page, f"{heatmap} .main-svg", f"{heatmap} .xtick", f"{heatmap} .ytick")
    # The team's row and every rep of the demo (under a page of fifteen) are drawn.
    assert page.locator(f"{heatmap} .ytick").count() >= 13
    _nothing_cut(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page_id", ["rep", "plan"])
def test_presenting_a_rep_shows_the_rep_and_the_way_to_the_next(page: Page, app_url: str, lang,
                                                                 page_id):
    _presenting(page, app_url, lang, page_id)
    stepper = STEPPER.format(page=page_id)
    expect(page.locator(METRICS).first).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    headline = f".st-key-{page_id}_headline {METRICS}"
    _inside(page, f"{stepper} button", f"{stepper} strong", headline)
    assert page.evaluate(SHOWN, '[data-testid="stMain"] [data-testid="stSelectbox"]') == 0
    _nothing_cut(page)
    first = page.locator(f"{stepper} strong").inner_text()
    page.locator(f"{stepper} button").last.click()
    wait_until_drawn(page)
    expect(page.locator(f"{stepper} strong")).not_to_have_text(first, timeout=DRAW_TIMEOUT_MS)
    _inside(page, f"{stepper} button", headline)
    _nothing_cut(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_presenting_the_workshop_shows_the_step_and_its_chart(page: Page, app_url: str, lang):
    _presenting(page, app_url, lang, "workshop")
    page.wait_for_selector(DRAWN_CHART, timeout=DRAW_TIMEOUT_MS)
    _inside(page, DRAWN_CHART, f"{CHART} .xtick", f"{CHART} .ytick")
    assert page.locator('[data-testid="stExpander"]').count() == 0  # no presenter's notes
    _nothing_cut(page)
    page.get_by_role("button", name=LEAVE[lang]).click()
    wait_until_drawn(page)
    expect(page.locator(SIDEBAR)).to_be_visible()


# Out of presenter mode, the Matrix at 1366×768 with the sidebar and the filter bar: the
# whole chart (both lower quadrants, the axes) and the totals without scrolling; a card
# opened on a client comes under the totals, in a box of its own that scrolls.
TITLE = {"en": "Attractiveness × QRC matrix", "fr": "Matrice attractivité × QRC"}
CARD_BOX = ".st-key-matrix_card_box"
NO_PAGE_SCROLL = ("document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
                  " <= innerHeight + 1")




def _matrix_drawn_in(page: Page, app_url: str, lang: str) -> None:
    _matrix_in(page, app_url, lang)
    expect(page.get_by_role("heading", name=TITLE[lang])).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    page.wait_for_selector(DRAWN_CHART, timeout=DRAW_TIMEOUT_MS)


def _the_whole_matrix_and_its_totals(page: Page) -> None:
    segments = page.locator('[data-testid="stTable"] tbody tr').count() - 1
    assert segments >= 4
    assert page.locator(f"{CHART} .annotation").count() == segments  # every quadrant's label
    _inside(page, DRAWN_CHART, f"{CHART} .xtitle", f"{CHART} .ytitle", f"{CHART} .annotation",
            f"{CHART} .xtick", f"{CHART} .ytick", '[data-testid="stTable"]',
            '[data-testid="stMain"] [data-testid="stMultiSelect"]', BUTTONS)
    for selector in READ_WHOLE:
        assert page.evaluate(CUT_SHORT, selector) == [], selector


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_matrix_fits_the_projector_with_its_filters_and_totals(page: Page, app_url: str,
                                                                    lang):
    _matrix_drawn_in(page, app_url, lang)
    _the_whole_matrix_and_its_totals(page)
    assert page.evaluate(NO_PAGE_SCROLL)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_client_card_opens_beside_the_matrix_without_pushing_it_off(page: Page, app_url: str,
                                                                       lang):
    _matrix_drawn_in(page, app_url, lang)
    click_isolated_client(page)
    wait_until_drawn(page)
    card = page.locator(CARD)
    expect(card.locator("table.criteria-table")).to_have_count(2, timeout=DRAW_TIMEOUT_MS)
    page.mouse.move(0, 0)  # no hover label left over the chart
    _the_whole_matrix_and_its_totals(page)
    _inside(page, CARD_BOX, f"{CARD} h3")  # the box and the client's name, on the screen
    assert page.evaluate(NO_PAGE_SCROLL)
    assert page.evaluate(SCROLLS_SIDEWAYS, CARD) == []
    # The rest of the card is read by scrolling its box, which the page does not.
    box = page.locator(CARD_BOX)
    assert box.evaluate("e => e.scrollHeight > e.clientHeight")
    box.evaluate("e => e.scrollTo(0, e.scrollHeight)")
    expect(card.locator("table.criteria-table").last).to_be_in_viewport()
