"""A dataset whose names are markup renders them as text on every page: the Markdown each
element sends to the browser, parsed as CommonMark, makes no image, link, tag, emphasis,
formula or icon out of them."""

from __future__ import annotations

import re
import shutil

import pytest
from markdown_it import MarkdownIt

from tests.safety.hostile import BIG, BOLD, EMPHASIS, FORMULA, HOSTILE, ICON, IMAGE, LINK, MARKDOWN_LINK
from tests.ui.conftest import ROOT, open_page, seed_database

DATASET = f"{IMAGE} {BOLD} {FORMULA} {ICON}"
REPS = {"Claire Martin": IMAGE, "Sophie Bernard": LINK, "Vincent Faure": f"{BIG} {EMPHASIS}",
        "Julien Moreau": MARKDOWN_LINK}
HOSTILE_REP = IMAGE
PAGES = ["app.py", "pages/1_Matrix.py", "pages/2_Grid.py", "pages/3_Import.py", "pages/4_Datasets.py",
         "pages/5_Structure.py", "pages/6_Rep.py", "pages/7_Visit_plan.py", "pages/8_Workshop.py",
         "pages/9_Join.py"]
# Elements whose text Streamlit renders as Markdown (a label, a body, options of choices).
BODIES = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error",
          "success", "toast")
LABELLED = ("expander", "tab", "button", "metric", "selectbox", "multiselect", "radio",
            "text_input", "segmented_control", "checkbox", "toggle", "slider", "select_slider",
            "date_input", "download_button", "page_link")
# Choices whose options render Markdown too (a select box's and a multiselect's are plain text).
MARKDOWN_OPTIONS = ("radio", "segmented_control")
PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# What the names would make if read as markup, in the HTML of a CommonMark renderer, and in
# the source for Streamlit's own extensions (formulas, icons) and GFM's autolinks.
MADE_FROM_NAMES = ("<img", 'href="http://', "<b>bold</b>", '<span style="font-size:200px">',
                   "<strong>x</strong>")
UNESCAPED = (re.compile(r"(?<!\\)\$x(?<!\\)\$"), re.compile(r"(?<!\\):material/home"))
# GFM links addresses in the text once it is parsed (backslashes gone): none may be left there.
AUTOLINK = re.compile(r"https?://|www\.|[\w.+-]@[\w-]+\.")


@pytest.fixture
def hostile_db(tmp_path, monkeypatch, demo_clients):
    clients = demo_clients.copy()
    clients["salesperson"] = clients["salesperson"].map(REPS)
    names = list(HOSTILE)
    clients.loc[:len(names) - 1, "client_name"] = names
    clients["region"] = [HOSTILE[i % len(HOSTILE)] for i in range(len(clients))]
    clients["industry"] = [HOSTILE[(i + 3) % len(HOSTILE)] for i in range(len(clients))]
    clients.loc[:len(names) - 1, "market_position"] = names  # categories the grid does not know
    clients["note"] = [HOSTILE[(i + 5) % len(HOSTILE)] for i in range(len(clients))]  # a custom column
    path = seed_database(tmp_path / "portfolio.duckdb", clients, name=DATASET)
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    return clients


def sources(at) -> list[tuple[str, str]]:
    """(kind, Markdown source) of every element of the page that renders Markdown."""
    found = []
    for kind in BODIES:
        for element in at.get(kind):
            found.append((kind, str(element.value)))
    for kind in LABELLED:
        for element in at.get(kind):
            found.append((kind, str(getattr(element, "label", "") or "")))
            if kind == "metric":  # its value renders Markdown too
                found.append(("metric value", str(element.value)))
            if kind in MARKDOWN_OPTIONS:
                found.extend((f"{kind} option", str(option)) for option in element.options)
    for element in at.get("table"):
        frame = element.value.data if hasattr(element.value, "data") else element.value
        found.extend(("table", str(cell)) for cell in [*frame.columns, *frame.to_numpy().ravel()])
    return found


def markup_made(at) -> list[str]:
    """Each element whose Markdown makes an image, link, tag, emphasis, formula or icon from
    the names, with what it makes."""
    problems = []
    for kind, source in sources(at):
        html = PARSER.render(source)
        made = [piece for piece in MADE_FROM_NAMES if piece in html]
        if not source.startswith("<"):  # in an HTML block (the card's table) Markdown is not read
            made += [pattern.pattern for pattern in UNESCAPED if pattern.search(source)]
            if AUTOLINK.search(html):
                made.append("an address GFM would link")
        if made:
            problems.append(f"{kind}: {source[:120]!r} makes {made}")
    return problems


def shows_names(at) -> bool:
    """Some text of the page holds one of the names (so the check above had something to look
    at): in Markdown, a chart or the options of a select box."""
    texts = [source for _, source in sources(at)]
    texts += [chart.proto.spec for chart in at.get("plotly_chart")]
    texts += [str(option) for kind in ("selectbox", "multiselect") for element in at.get(kind)
              for option in element.options]
    return any("beacon" in text or "evil" in text for text in texts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_hostile_names_as_text(hostile_db, page):
    at = open_page(page)
    assert not at.exception
    assert not markup_made(at)
    if page not in ("pages/3_Import.py", "pages/9_Join.py"):
        assert shows_names(at), page


def test_the_card_of_a_hostile_client_shows_its_names_as_text(hostile_db):
    at = open_page("pages/1_Matrix.py")
    headings = []
    for client_id in hostile_db["client_id"].head(len(HOSTILE)):
        at.session_state["w.matrix.chart"] = {
            "selection": {"points": [{"curve_number": 0, "point_index": 0,
                                      "customdata": [client_id, "", "", 0]}],
                          "point_indices": [0], "box": [], "lasso": []}}
        at.run()
        assert not at.exception
        assert not markup_made(at)
        headings.extend(s.value for s in at.subheader)
    # The first client's name, escaped by hand: the card heading shows it as written.
    assert "!\\[x\\](http\\:\u2060//127.0.0.1\\:9/beacon)" in headings  # U+2060: no autolink


def test_the_rep_page_of_a_hostile_rep_shows_the_name_as_text(hostile_db):
    at = open_page("pages/6_Rep.py")
    at.selectbox(key="w.rep.rep").set_value(HOSTILE_REP).run()
    assert not at.exception
    assert not markup_made(at)
    assert shows_names(at)


def test_the_workshop_steps_show_rep_names_as_text(hostile_db):
    at = open_page("pages/8_Workshop.py")
    while True:
        assert not at.exception
        assert not markup_made(at)
        following = [b for b in at.button if b.key == "w.workshop.next"]
        if not following:
            break
        following[0].click().run()


def test_a_dataset_renamed_to_a_hostile_name_is_announced_as_text(hostile_db):
    at = open_page("pages/4_Datasets.py")
    at.text_input(key="w.datasets_new_name").set_value(f"{LINK} {MARKDOWN_LINK}")
    next(b for b in at.get("button") if "ename" in str(b.label)).click().run()
    assert not at.exception
    assert any("evil" in s.value for s in at.success)  # the notice, naming the new name
    assert not markup_made(at)
    at.switch_page("app.py").run()
    assert not markup_made(at)


@pytest.mark.parametrize("page", ["pages/6_Rep.py", "pages/5_Structure.py", "pages/7_Visit_plan.py",
                                  "pages/1_Matrix.py"])
def test_viewing_as_a_hostile_rep_names_them_as_text(hostile_db, page):
    at = open_page(page)
    at.selectbox(key="w.view_as").set_value(HOSTILE_REP).run()
    assert not at.exception
    assert not markup_made(at)
    assert shows_names(at)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def hostile_grid(hostile_db, tmp_path, monkeypatch):
    """The shipped configuration, its grid's axis, criterion and segment labels made hostile."""
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config)
    grid = config / "grids" / "default.yaml"
    text = grid.read_text()
    for label, hostile in (("Attractiveness", BIG), ("Purchase potential", IMAGE),
                           ("Our share of its purchases", LINK), ("Partners", MARKDOWN_LINK),
                           ("Competitors' strongholds", BOLD), ("Small loyal clients", FORMULA),
                           ("Low-priority clients", ICON)):
        assert f"{{en: {label}," in text
        text = text.replace(f"{{en: {label},", f"{{en: {_quoted(hostile)},")
    grid.write_text(text)
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    return grid


@pytest.mark.parametrize("page", ["app.py", "pages/1_Matrix.py", "pages/2_Grid.py", "pages/5_Structure.py",
                                  "pages/6_Rep.py", "pages/7_Visit_plan.py", "pages/8_Workshop.py"])
def test_grid_labels_are_shown_as_text(hostile_grid, page):
    at = open_page(page)
    assert not at.exception
    assert not at.error, [e.value for e in at.error]  # the grid was read: its labels are shown
    assert not markup_made(at)
