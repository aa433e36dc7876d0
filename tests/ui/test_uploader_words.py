"""Streamlit's own words of the file uploader ("Upload", "200MB per file • CSV, XLSX, TXT")
are replaced in French by the catalogue's, through CSS scoped to each uploader; English
pages keep Streamlit's. (tests/browser/test_uploader_words.py shows them drawn.)"""

from __future__ import annotations

from portfolio.ui.shared.uploader_words import css_string, element_class
from tests.ui.conftest import open_page

IMPORT, GRID = "pages/3_Import.py", "pages/2_Grid.py"


def _styles(at) -> list[str]:
    return [element.proto.body for element in at.get("html") if "stFileUploader" in element.proto.body]


def test_the_french_import_page_says_its_uploader_s_words_in_french(seeded_db):
    [css] = _styles(open_page(IMPORT, locale="fr-FR"))
    assert ".st-key-w-import_file_0 [data-testid=\"stFileUploaderDropzone\"]" in css
    assert 'content: "Choisir un fichier"' in css
    assert 'content: "200 Mo par fichier • CSV, XLSX, TXT"' in css
    assert _styles(open_page(IMPORT)) == []  # in English, Streamlit's words are the right ones


def test_the_grid_uploader_names_its_own_file_types(seeded_db):
    at = open_page(GRID, locale="fr-FR")
    [css] = _styles(at)
    assert ".st-key-w-grid_upload " in css and "YAML, YML" in css


def test_the_words_are_quoted_so_no_text_can_end_the_rule_or_the_style():
    assert css_string('a "b" \\ </style>') == '"a \\22 b\\22  \\5c  \\3c /style\\3e "'
    assert element_class("w.import_file_3") == "w-import_file_3"
