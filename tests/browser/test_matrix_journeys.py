"""Journeys through the real app in Chromium: open on the demo, read the matrix, click a client,
switch to French."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DRAW_TIMEOUT_MS, served_app, wait_until_drawn

CHART = '[data-testid="stPlotlyChart"]'
CARD = ".st-key-client_card"
DEMO_CLIENTS = 2_000  # what the demo bootstrap loads into an empty database


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """A server of these journeys' own: a fresh database holding only the demo, whatever
    other journeys import into the session's server."""
    with served_app(tmp_path_factory.mktemp("matrix_server")) as url:
        yield url


def open_matrix(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/Matrix")
    wait_until_drawn(page)
    page.wait_for_selector(f"{CHART} .main-svg", timeout=DRAW_TIMEOUT_MS)


def test_the_app_opens_on_the_demo_portfolio(page: Page, app_url: str):
    page.goto(app_url)
    wait_until_drawn(page)
    expect(page.get_by_role("heading", name="Welcome to Portfolio Pilot")).to_be_visible()
    status = page.locator('[data-testid="stMetric"]')
    expect(status.filter(has_text="Active dataset")).to_contain_text("Demo portfolio")
    expect(status.filter(has_text="Clients")).to_contain_text("2,000")
    expect(page.get_by_text("The grid file default.yaml is valid.")).to_be_visible()


def test_the_matrix_draws_every_demo_client(page: Page, app_url: str):
    open_matrix(page, app_url)
    points = page.locator(f"{CHART} path.point")
    expect(points).to_have_count(DEMO_CLIENTS, timeout=DRAW_TIMEOUT_MS)
    expect(page.locator(f"{CHART} .xtitle")).to_have_text("Quality of the commercial relationship")
    expect(page.locator(f"{CHART} .annotation-text").first).to_be_visible()


def _isolated_point(page: Page) -> tuple[int, int, str]:
    """(trace, point, client id) of the bubble farthest from any other, so a click is unambiguous.

    Only bubbles away from the edges are candidates: the segment labels sit in the
    cells' outer corners and would take the click.
    """
    # Plotly's computed traces (`_fullData`) hold the coordinates decoded from the
    # binary arrays the figure is sent with.
    traces = page.evaluate(
        f"""() => document.querySelector('{CHART} .js-plotly-plot')._fullData.map(t => ({{
              x: Array.from(t.x), y: Array.from(t.y),
              ids: Array.from(t.customdata || [], c => c[0])}}))""")
    xs = np.concatenate([np.asarray(t["x"], dtype=float) for t in traces])
    ys = np.concatenate([np.asarray(t["y"], dtype=float) for t in traces])
    where = [(ti, pi) for ti, t in enumerate(traces) for pi in range(len(t["x"]))]
    distance = np.hypot(xs[:, None] - xs[None, :], ys[:, None] - ys[None, :])
    np.fill_diagonal(distance, np.inf)
    nearest = np.where((xs > 15) & (xs < 85) & (ys > 15) & (ys < 85), distance.min(axis=1), -1.0)
    trace, point = where[int(nearest.argmax())]
    return trace, point, traces[trace]["ids"][point]


def click_isolated_client(page: Page) -> str:
    """Click the matrix's most isolated bubble; the client id it stands for."""
    trace, point, client_id = _isolated_point(page)
    bubble = page.locator(f"{CHART} .scatterlayer .trace").nth(trace).locator("path.point").nth(point)
    bubble.scroll_into_view_if_needed()
    box = bubble.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return client_id


def test_clicking_a_client_opens_its_card(page: Page, app_url: str):
    open_matrix(page, app_url)
    client_id = click_isolated_client(page)
    card = page.locator(CARD)
    expect(card).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    expect(card).to_contain_text(client_id)
    expect(card).to_contain_text("rule applied")
    expect(card).to_contain_text("Purchase potential")
    # One table per axis: attractiveness, then QRC.
    expect(card.locator("table.criteria-table")).to_have_count(2)


def test_the_language_switch_turns_the_texts_french(page: Page, app_url: str):
    open_matrix(page, app_url)
    expect(page.get_by_role("heading", name="Attractiveness × QRC matrix")).to_be_visible()
    page.locator('[data-testid="stSidebar"]').get_by_role("radio", name="FR", exact=True).click()
    expect(page.get_by_role("heading", name="Matrice attractivité × QRC")).to_be_visible(
        timeout=DRAW_TIMEOUT_MS)
    # While the page reruns the previous chart can still be on screen beside the new one.
    wait_until_drawn(page)
    expect(page.locator(CHART)).to_have_count(1, timeout=DRAW_TIMEOUT_MS)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_role("link", name="Matrice")).to_be_visible()
    expect(sidebar).to_contain_text("Voir comme")
    expect(page.locator(f"{CHART} .xtitle")).to_have_text("Qualité de la relation commerciale")
    # The segments are named in their quadrants (the chart has no legend).
    expect(page.locator(f"{CHART} .annotation-text").filter(has_text="Bastions concurrents")
           ).to_have_count(1)
