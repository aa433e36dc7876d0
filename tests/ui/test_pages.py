"""Every page renders with seeded data and shows its key elements; the frame's sidebar works."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest

from portfolio.store.database import Store
from portfolio.store.datasets import add_period
from portfolio.ui.shared.pages import MENU, PAGES
from tests.ui.conftest import DATASET_NAME, N_CLIENTS, all_text, criteria_tables, open_page, table_rows

TITLES = {
    "home": ("Welcome to Portfolio Pilot", "Bienvenue dans Portfolio Pilot"),
    "matrix": ("Attractiveness × QRC matrix", "Matrice attractivité × QRC"),
    "grid": ("Scoring grid", "Grille de notation"),
}
FIRST_MENU_ENTRIES = (["Home", "Matrix", "Grid"], ["Accueil", "Matrice", "Grille"])


@pytest.mark.parametrize("entry", MENU, ids=lambda entry: entry.id)
def test_every_page_renders_with_one_title_in_each_language_and_the_menu(seeded_db, entry):
    english, french = open_page(entry.path), open_page(entry.path, locale="fr-FR")
    for at, menu_start in zip((english, french), FIRST_MENU_ENTRIES):
        assert not at.exception
        assert len(at.title) == 1 and at.title[0].value
        menu = [link.proto.label for link in at.sidebar.get("page_link")]
        assert len(menu) == len(MENU) and menu[:3] == menu_start
    assert english.title[0].value != french.title[0].value


@pytest.mark.parametrize("page_id", sorted(TITLES))
def test_the_pages_of_the_frame_have_their_titles(seeded_db, page_id):
    path = next(entry.path for entry in PAGES if entry.id == page_id)
    assert [t.value for t in open_page(path).title] == [TITLES[page_id][0]]
    assert [t.value for t in open_page(path, locale="fr-FR").title] == [TITLES[page_id][1]]


def test_home_shows_the_data_status(seeded_db):
    at = open_page()
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics == {"Active dataset": DATASET_NAME, "Clients": "400",
                       "Periods": "2026-Q3", "Scoring grid": "Attractiveness × QRC"}
    assert [s.value for s in at.success] == ["The grid file default.yaml is valid."]
    assert "1. Analyse the structure of the portfolio" in all_text(at)


def test_an_empty_database_opens_on_the_demo_portfolio(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_DB", str(tmp_path / "new.duckdb"))
    at = open_page()
    assert not at.exception
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Active dataset"] == "Demo portfolio"
    assert metrics["Clients"] == "2,000"


def test_the_demo_is_named_in_the_users_language(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_DB", str(tmp_path / "new.duckdb"))
    at = open_page(locale="fr-FR")
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Jeu de données actif"] == "Portefeuille démo"
    [dataset_choice] = [box for box in at.selectbox if box.key == "w.dataset"]
    assert dataset_choice.format_func(dataset_choice.value) == (
        "Portefeuille démo · 2\u202f000 clients")


def _array(value) -> list:
    """A figure array as sent to the browser: a list, or numbers packed as base64 `bdata`."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def _chart_spec(at) -> dict:
    """The figure sent to the browser, its x arrays decoded."""
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    for trace in spec["data"]:
        trace["x"] = _array(trace["x"])
    return spec


def _totals(at) -> dict[str, list[str]]:
    """The per-segment table keyed by segment label."""
    tables = [t for t in at.table if list(t.value.columns)[:2] == ["Segment", "Clients"]]
    assert len(tables) == 1
    return {row[0]: row[1:] for row in table_rows(tables[0])}


def test_the_matrix_draws_every_client_and_the_segment_totals(seeded_db):
    at = open_page("pages/1_Matrix.py")
    assert not at.exception
    spec = _chart_spec(at)
    assert [trace["type"] for trace in spec["data"]] == ["scatter"] * 4
    assert sum(len(trace["x"]) for trace in spec["data"]) == N_CLIENTS
    assert spec["layout"]["xaxis"]["title"]["text"] == "Quality of the commercial relationship"
    totals = _totals(at)
    assert list(totals) == ["Competitors' strongholds", "Partners", "Small loyal clients",
                            "Low-priority clients", "Total"]
    assert totals["Total"][0] == "400"
    assert totals["Total"][1] == "100%"


def test_the_language_switch_redraws_the_page_in_french(seeded_db):
    at = open_page("pages/1_Matrix.py")
    at.segmented_control(key="w.language").set_value("fr").run()
    assert not at.exception
    assert [title.value for title in at.title] == ["Matrice attractivité × QRC"]
    spec = _chart_spec(at)
    assert spec["layout"]["xaxis"]["title"]["text"] == "Qualité de la relation commerciale"
    assert spec["layout"]["separators"] == ",\u202f"
    table = [t for t in at.table if list(t.value.columns)[:2] == ["Segment", "Clients"]][0]
    assert table_rows(table)[-1][:3] == ["Total", "400", "100\u00a0%"]


def test_the_language_follows_the_user_to_the_next_page(seeded_db):
    at = open_page("pages/1_Matrix.py")
    at.segmented_control(key="w.language").set_value("fr").run()
    at.switch_page("pages/2_Grid.py").run()
    assert [title.value for title in at.title] == ["Grille de notation"]


def _click(at, client_id: str) -> None:
    """What the browser sends when a bubble is clicked (customdata[0] is the client id)."""
    at.session_state["w.matrix.chart"] = {
        "selection": {"points": [{"curve_number": 0, "point_index": 0,
                                  "customdata": [client_id, "", "", 0]}],
                      "point_indices": [0], "box": [], "lasso": []}}
    at.run()


def test_clicking_a_client_opens_its_card_with_the_rules_that_scored_it(seeded_db):
    at = open_page("pages/1_Matrix.py")
    _click(at, "C99999")
    assert not at.exception
    assert "Atelier Témoin" in [s.value for s in at.subheader]
    text = all_text(at)
    assert "Attractiveness** — 68.8 / 100" in text
    assert "Quality of the commercial relationship** — 13.3 / 100" in text
    attractiveness, qrc = criteria_tables(at)
    assert ("Purchase potential", "20 to 100 k€ a year", "€53,800", "2 / 4") in attractiveness
    assert ("Position on its market", "first or second on its market, sets the prices", " Leader ",
            "4 / 4") in attractiveness
    assert ("Our share of its purchases", "under 10 %", "2.1%", "0 / 3") in qrc
    assert ("Product families bought", "two or three families", "2", "2 / 3") in qrc
    assert ("Level of our contacts", "missing: no value", "—", "0 / 4") in qrc
    assert [w.value for w in at.warning] == [
        "Missing criteria, scored 0 points: Level of our contacts."]
    assert "Competitors' strongholds" in text


def test_the_card_is_in_french_after_the_switch(seeded_db):
    at = open_page("pages/1_Matrix.py")
    at.segmented_control(key="w.language").set_value("fr").run()
    _click(at, "C99999")
    attractiveness, qrc = criteria_tables(at)
    assert ("Potentiel d'achat", "de 20 à 100 k€ par an", "53\u202f800\u00a0€", "2 / 4") in attractiveness
    assert ("Niveau des interlocuteurs", "manquant : aucune valeur", "—", "0 / 4") in qrc


def test_viewing_as_one_rep_restricts_every_row_to_their_clients(seeded_db, demo_clients):
    rep = "Julien Moreau"
    expected = int((demo_clients["salesperson"] == rep).sum())
    at = open_page("pages/1_Matrix.py")
    at.selectbox(key="w.view_as").set_value(rep).run()
    assert not at.exception
    assert _totals(at)["Total"][0] == str(expected)
    spec = _chart_spec(at)
    assert sum(len(trace["x"]) for trace in spec["data"]) == expected
    reps = {point[2] for trace in spec["data"] for point in trace["customdata"]}
    assert reps == {rep}
    # The salesperson filter has nothing left to choose: it is not drawn.
    assert [m.label for m in at.multiselect] == ["Region", "Industry", "Segment"]


def test_a_card_of_a_client_outside_the_viewed_portfolio_is_not_shown(seeded_db):
    at = open_page("pages/1_Matrix.py")
    at.selectbox(key="w.view_as").set_value("Julien Moreau").run()
    _click(at, "C99999")  # Claire Martin's client
    assert "Atelier Témoin" not in [s.value for s in at.subheader]
    assert [i.value for i in at.info] == [
        "Client C99999 is not in the portfolio you are viewing."]


def test_filters_narrow_the_matrix_and_clear_resets_them(seeded_db, demo_clients):
    region = "Occitanie"
    expected = int((demo_clients["region"] == region).sum())
    at = open_page("pages/1_Matrix.py")
    at.multiselect(key="w.matrix.filter.regions").set_value([region]).run()
    assert _totals(at)["Total"][0] == str(expected)
    at.button(key="w.matrix.filter.clear").click().run()
    assert _totals(at)["Total"][0] == "400"
    assert at.multiselect(key="w.matrix.filter.regions").value == []


def test_filters_are_kept_when_coming_back_to_the_matrix(seeded_db, demo_clients):
    at = open_page("pages/1_Matrix.py")
    at.multiselect(key="w.matrix.filter.regions").set_value(["Occitanie"]).run()
    at.switch_page("pages/2_Grid.py").run()
    at.switch_page("pages/1_Matrix.py").run()
    assert at.multiselect(key="w.matrix.filter.regions").value == ["Occitanie"]


def test_the_grid_page_shows_the_grid_as_tables(seeded_db):
    at = open_page("pages/2_Grid.py")
    assert not at.exception
    assert [s.value for s in at.success] == ["The grid file default.yaml is valid."]
    text = all_text(at)
    # Criteria with weight and share of the axis (50 of 50 + 25 + 25).
    assert "Purchase potential | potential | 50 | 50% | bands (numbers) | 4" in text
    assert "Our share of its purchases | share_of_wallet | 40 | 40% | bands (numbers) | 3" in text
    # Levels with their points and rule.
    assert "from €20,000 to under €100,000 | 2 | 20 to 100 k€ a year" in text
    assert "€500,000 or more | 4 | 500 k€ a year or more" in text
    assert "leader | 4 | first or second on its market, sets the prices" in text
    # Segments and cuts.
    assert ("Competitors' strongholds | develop | 50–100 | 0–50 | Priority visits | #d95f02"
            in text)
    assert "Attractiveness | 50 | 0–50 · 50–100" in text


def test_a_period_added_to_the_dataset_shows_on_the_next_run(seeded_db, demo_clients):
    at = open_page("pages/1_Matrix.py")
    assert _totals(at)["Total"][0] == "400"
    later = demo_clients.head(100).assign(period="2026-Q4")
    store = Store(seeded_db)  # what an import from another page does
    try:
        add_period(store, 1, later)
    finally:
        store.close()
    at.run()
    assert _totals(at)["Total"][0] == "100"  # the latest period, not a cached answer
