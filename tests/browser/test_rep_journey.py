"""Same revenue, opposite portfolios, in Chromium: the demo's two reps on the Rep page and side by
side on the Structure page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from portfolio.demo import SAME_REVENUE_REPS
from portfolio.grid.loader import load_grid
from tests.browser.conftest import DRAW_TIMEOUT_MS, wait_until_drawn

ROOT = Path(__file__).resolve().parents[2]
GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")
CHART = '[data-testid="stPlotlyChart"]'
REP_CHARTS = 4  # structure against the norm, peers, QRC profile, objective
DOMINANT = ".st-key-rep_dominant"
TOP_PRIORITY = ".st-key-rep_priority_top"
REP_CHOICE = '[data-testid="stMain"] [data-testid="stSelectbox"]'


def label(segment_id: str) -> str:
    return GRID.segment(segment_id).label.get("en")


def open_rep(page: Page, app_url: str, rep: str) -> None:
    """The Rep page with `rep` chosen, every chart drawn."""
    page.goto(f"{app_url}/Rep")
    wait_until_drawn(page)
    choice = page.locator(REP_CHOICE).filter(has_text="Salesperson")
    if choice.get_by_role("combobox").input_value() != rep:
        before = page.locator(DOMINANT).inner_text()
        choice.click()
        page.keyboard.type(rep)
        page.keyboard.press("Enter")
        expect(choice.get_by_role("combobox")).to_have_value(rep, timeout=DRAW_TIMEOUT_MS)
        # The rerun has drawn the chosen rep once the previous rep's text is gone.
        expect(page.locator(DOMINANT)).not_to_have_text(before, timeout=DRAW_TIMEOUT_MS)
        wait_until_drawn(page)
    charts = page.locator(CHART)
    expect(charts).to_have_count(REP_CHARTS, timeout=DRAW_TIMEOUT_MS)
    for index in range(REP_CHARTS):
        expect(charts.nth(index).locator(".main-svg").first).to_be_attached(timeout=DRAW_TIMEOUT_MS)


def metric(page: Page, name: str) -> str:
    return page.locator('[data-testid="stMetric"]').filter(has_text=name).first.locator(
        '[data-testid="stMetricValue"]').inner_text()


def test_same_revenue_reps_show_opposite_structures_and_priorities(page: Page, app_url: str):
    seen = {}
    for rep in SAME_REVENUE_REPS:
        open_rep(page, app_url, rep)
        seen[rep] = {"dominant": page.locator(DOMINANT).inner_text(),
                     "priority": page.locator(TOP_PRIORITY).inner_text(),
                     "revenue": metric(page, "Revenue"), "potential": metric(page, "Potential")}
    loyal, stronghold = (seen[rep] for rep in SAME_REVENUE_REPS)
    # The same revenue…
    assert loyal["revenue"] == stronghold["revenue"]
    assert loyal["potential"] != stronghold["potential"]
    # …on opposite portfolios: mostly small loyal clients against mostly competitors' strongholds.
    assert f"Your portfolio is mostly {label('maintain')}" in loyal["dominant"]
    assert f"Your portfolio is mostly {label('develop')}" in stronghold["dominant"]
    # …and opposite coaching: nothing to fix in the relationship against winning share of wallet.
    assert loyal["priority"] != stronghold["priority"]
    assert "No relationship criterion falls short of the team, and your clients score clearly above it" in loyal["priority"]
    share_of_wallet = GRID.criterion("share_of_wallet").label.get("en")
    assert stronghold["priority"].startswith(f"First priority: {share_of_wallet}.")


def test_the_objective_says_where_the_growth_can_and_cannot_come_from(page: Page, app_url: str):
    loyal, stronghold = SAME_REVENUE_REPS
    open_rep(page, app_url, stronghold)
    verdict = page.locator(".st-key-rep_objective_verdict")
    expect(verdict).to_contain_text("are within reach", timeout=DRAW_TIMEOUT_MS)
    expect(verdict).to_contain_text(label("develop"))
    open_rep(page, app_url, loyal)
    expect(verdict).to_contain_text("The headroom within reach cannot cover it",
                                    timeout=DRAW_TIMEOUT_MS)


def test_the_structure_page_puts_the_same_revenue_reps_side_by_side(page: Page, app_url: str):
    page.goto(f"{app_url}/Structure")
    wait_until_drawn(page)
    page.get_by_role("tab", name="Same revenue, different structure").click()
    wallet = page.locator(CHART).filter(has_text="Revenue and headroom (€ a year)")
    expect(wallet.locator(".main-svg").first).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    # Sorted by revenue (the default), the two reps are neighbours on the chart.
    names = wallet.locator(".js-plotly-plot").evaluate("plot => plot.data[0].y")
    first, second = (names.index(rep) for rep in SAME_REVENUE_REPS)
    assert abs(first - second) == 1
    # Each bar ends with revenue = share of wallet × potential: same revenue, other factors.
    ends = wallet.locator(".bartext").evaluate_all("texts => texts.map(t => t.textContent)")
    loyal, stronghold = ends[first], ends[second]
    assert loyal.split(" = ")[0] == stronghold.split(" = ")[0]
    assert loyal.split(" = ")[1] != stronghold.split(" = ")[1]
