"""The Grid page's live scoring: a trainer types a client's values and sees its points, its
scores, its segment and its place in the matrix, as the stored clients are scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.grid.loader import load_grid
from portfolio.number_entry import entry_text
from portfolio.queries.live import score_values
from tests.ui.conftest import charts, criteria_tables, open_page

GRID_PAGE = "pages/2_Grid.py"
GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")
# A large client that leads its market and buys almost nothing from us yet.
STRONGHOLD = {"potential": 250_000, "market_position": "leader", "solvency": "A",
              "share_of_wallet": 5, "product_families": 1}


def _type(at, values: dict, lang: str = "en") -> None:
    for column, value in values.items():
        if isinstance(value, str):  # a choice
            at.selectbox(key=f"w.live.{column}").set_value(value)
        else:  # a number, typed as the page's language writes it
            at.text_input(key=f"w.live.{column}").input(entry_text(value, lang))
    at.run()


def test_a_client_typed_in_is_scored_live(seeded_db):
    at = open_page(GRID_PAGE)
    _type(at, STRONGHOLD)
    assert not at.exception
    # The same values through the scoring query, ratios as fractions.
    expected = score_values(GRID, {**STRONGHOLD, "share_of_wallet": 0.05})
    assert expected.segment == "develop"
    assert "Competitors&#x27; strongholds</span> — Priority visits" in "".join(m.value for m in at.markdown)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Attractiveness"] == f"{expected.attractiveness:.1f} / 100"
    assert metrics["Quality of the commercial relationship"] == f"{expected.qrc:.1f} / 100"
    attractiveness, qrc = criteria_tables(at)
    assert ("Purchase potential", "100 to 500 k€ a year", "€250,000", "3 / 4") in attractiveness
    assert ("Our share of its purchases", "under 10 %", "5%", "0 / 3") in qrc
    star = charts(at)["w.live_chart"]["data"]
    assert star[0]["x"] == [pytest.approx(expected.qrc)]
    assert star[0]["y"] == [pytest.approx(expected.attractiveness)]


def test_clearing_the_values_starts_the_example_over(seeded_db):
    at = open_page(GRID_PAGE)
    _type(at, STRONGHOLD)
    at.button(key="w.live_clear").click().run()
    assert [w.value for w in at.text_input if w.key.startswith("w.live.")] == [""] * 4
    assert [w.value for w in at.selectbox if w.key.startswith("w.live.")] == [None] * 3
    # Every criterion missing, scored 0 under the shipped grid's policy.
    assert any(w.value.startswith("Missing criteria, scored 0 points: Purchase potential")
               for w in at.warning)


def test_live_scoring_in_french(seeded_db):
    at = open_page(GRID_PAGE, locale="fr-FR")
    _type(at, STRONGHOLD, "fr")
    assert [t.label for t in at.tabs] == ["La grille", "Noter un client en direct",
                                          "Essayer des changements",
                                          "Enregistrer, télécharger, importer",
                                          "Comparer deux grilles"]
    assert "Bastions concurrents</span> — Visites prioritaires" in "".join(
        m.value for m in at.markdown)
    attractiveness, _ = criteria_tables(at)
    assert ("Potentiel d'achat", "de 100 à 500 k€ par an", "250\u202f000\u00a0€", "3 / 4") in attractiveness
