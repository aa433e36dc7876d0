"""Hostile names in Chromium: a dataset whose client, rep, region, industry, custom-column and
dataset names are markup pointing at a listener on 127.0.0.1. Page after page, the browser
fetches nothing from them and the page holds no element made from them."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
from playwright.sync_api import Page, expect

from portfolio.demo import generate_demo
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset
from tests.browser.conftest import DRAW_TIMEOUT_MS, served_app, wait_until_drawn

CHART = '[data-testid="stPlotlyChart"]'
CARD = ".st-key-client_card"
PAGES = ["", "Matrix", "Rep", "Structure", "Visit_plan", "Datasets"]


class Listener:
    """A tiny HTTP server on 127.0.0.1 counting the requests it gets (an image or a link
    followed from a name would land here)."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the http.server interface)
                listener.requests.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:  # noqa: ANN002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Listener":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:  # noqa: ANN002
        self.server.shutdown()
        self.server.server_close()


def hostile_names(port: int) -> list[str]:
    base = f"http://127.0.0.1:{port}"
    return [f"![x]({base}/beacon)", f'<img src="{base}/img">', "<b>bold</b>",
            '<span style="font-size:200px">big</span>', f'<a href="{base}/a">link</a>',
            f"[click]({base}/click)", "**x**", "$x$", ":material/home:"]


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with Listener() as running:
        yield running


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory, listener) -> Iterator[str]:
    """The app serving one dataset made of hostile names only."""
    folder = tmp_path_factory.mktemp("hostile")
    names = hostile_names(listener.port)
    clients = generate_demo(n_clients=300, n_reps=4, seed=5)
    # The image name sorts first: the Rep and Visit plan pages open on that rep.
    reps = {rep: names[index] for index, rep in enumerate(sorted(clients["salesperson"].unique()))}
    clients["salesperson"] = clients["salesperson"].map(reps)
    clients["client_name"] = [f"{names[i % len(names)]} {i}" for i in range(len(clients))]
    clients["region"] = [names[(i + 2) % len(names)] for i in range(len(clients))]
    clients["industry"] = [names[(i + 4) % len(names)] for i in range(len(clients))]
    clients["note"] = [names[(i + 6) % len(names)] for i in range(len(clients))]
    store = Store(folder / "portfolio.duckdb")
    try:
        create_dataset(store, clients, name=f"{names[0]} {names[2]} {names[4]}", source="tests")
    finally:
        store.close()
    with served_app(folder) as url:
        yield url


# Elements that would be made from the names: an image or a link to the listener, Markdown
# emphasis, a bold or huge span (HTML, or Plotly's SVG tspans), a formula, an icon in the page's body.
INJECTED = """(port) => {
  const found = [];
  const add = (what, el) => found.push(what + ": " + (el.outerHTML || "").slice(0, 160));
  document.querySelectorAll("img, image").forEach(el => {
    const src = el.getAttribute("src") || el.getAttribute("href") || el.getAttribute("xlink:href") || "";
    if (src.includes(":" + port)) add("image", el); });
  document.querySelectorAll("a").forEach(el => {
    const href = el.getAttribute("href") || el.getAttribute("xlink:href") || "";
    if (href.includes(":" + port)) add("link", el); });
  document.querySelectorAll("b, strong").forEach(el => {
    if (["bold", "x", "link"].includes(el.textContent.trim())) add("bold", el); });
  document.querySelectorAll("tspan").forEach(el => {
    const style = el.getAttribute("style") || "";
    if (/font-weight:\\s*bold/.test(style) && el.textContent.trim() === "bold") add("svg bold", el);
    if (style.includes("200px")) add("svg span", el); });
  document.querySelectorAll("[style]").forEach(el => {
    if ((el.getAttribute("style") || "").includes("font-size:200px")) add("span", el); });
  document.querySelectorAll('[data-testid="stMain"] .katex').forEach(el => add("formula", el));
  document.querySelectorAll('[data-testid="stMain"] [data-testid="stIconMaterial"]').forEach(el => {
    if (el.textContent.trim() === "home") add("icon", el); });
  return found;
}"""


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    wait_until_drawn(page)
    page.wait_for_load_state("networkidle")


def assert_nothing_injected(page: Page, listener: Listener, where: str) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate(INJECTED, listener.port) == [], where
    assert listener.requests == [], where


def test_no_page_fetches_or_builds_anything_from_hostile_names(page: Page, hostile_app: str,
                                                                 listener: Listener):
    for path in PAGES:
        open_page(page, f"{hostile_app}/{path}")
        main = page.locator('[data-testid="stMain"]')
        expect(main).to_be_visible()
        assert_nothing_injected(page, listener, path or "Home")
    # The names were on the pages, as text: the last one, Datasets, announces the active one.
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text("beacon")


def test_the_matrix_hover_and_the_card_show_hostile_names_as_text(page: Page, hostile_app: str,
                                                                   listener: Listener):
    open_page(page, f"{hostile_app}/Matrix")
    bubble = page.locator(f"{CHART} .scatterlayer .trace path.point").first
    expect(bubble).to_be_attached(timeout=DRAW_TIMEOUT_MS)
    bubble.scroll_into_view_if_needed()
    box = bubble.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = page.locator(f"{CHART} .hoverlayer .hovertext").first
    expect(hover).to_be_attached(timeout=DRAW_TIMEOUT_MS)
    # The client's and the rep's names, written out: tags as text, not as tags.
    expect(hover).to_contain_text("Salesperson")
    assert_nothing_injected(page, listener, "Matrix hover")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    card = page.locator(CARD)
    expect(card).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    wait_until_drawn(page)
    assert_nothing_injected(page, listener, "client card")
    heading = card.locator("h3").first.inner_text()
    assert any(marker in heading for marker in ("beacon", "<img", "<b>", "<span", "<a ", "[click]",
                                               "**x**", "$x$", ":material/home:")), heading
