"""Streamlit's and Plotly's own English words are put in French on French pages: the rules
drawn by the frame (a dropdown that finds nothing, the text inputs' hint), the filters without
"Select all", the charts' toolbar tips; English pages keep them.
(tests/browser/test_streamlit_words.py shows them drawn.)"""

from __future__ import annotations

import json

from tests.ui.conftest import open_page

MATRIX = "pages/1_Matrix.py"


def _words_styles(at) -> list[str]:
    return [element.proto.body for element in at.get("html")
            if "stMultiSelectDropdown" in element.proto.body]


def _chart_config(at) -> dict:
    [chart] = [c for c in at.get("plotly_chart") if c.proto.id and "matrix" in c.proto.id]
    return json.loads(chart.proto.config)


def test_a_french_page_says_streamlit_s_words_in_french(seeded_db):
    at = open_page(MATRIX, locale="fr-FR")
    [css] = _words_styles(at)
    assert 'content: "Aucun résultat"' in css
    assert '[data-testid="InputInstructions"] { display: none; }' in css
    assert _words_styles(open_page(MATRIX)) == []


def test_the_filters_offer_no_select_all(seeded_db):
    at = open_page(MATRIX, locale="fr-FR")
    filters = [m for m in at.multiselect if m.key.startswith("w.matrix.filter.")]
    assert len(filters) == 4
    assert all(m.proto.select_all == 0 for m in filters)  # 0: never offered


def test_the_chart_toolbar_speaks_the_page_s_language(seeded_db):
    config = _chart_config(open_page(MATRIX, locale="fr-FR"))
    assert config["locale"] == "fr"
    words = config["locales"]["fr"]["dictionary"]
    assert words["Zoom in"] == "Zoom avant" and words["Reset axes"] == "Réinitialiser les axes"
    english = _chart_config(open_page(MATRIX))
    assert "locale" not in english and "locales" not in english
