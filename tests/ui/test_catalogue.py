"""The FR/EN catalogues hold the same keys and placeholders, and every key the interface uses exists."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from portfolio.i18n import catalogue
from portfolio.ui.home.view import PRINCIPLES
from portfolio.ui.shared.pages import PAGES
from tests.ui.conftest import ROOT

LOCALES = ROOT / "portfolio" / "i18n" / "locales"
AREAS = sorted(path.stem for path in (LOCALES / "en").glob("*.yaml"))
# Where interface texts are asked for: pages, the ui package, figure builders, the
# reading and import of client files (the details of the problems they report), and the
# loaders of grids and norms (the messages of their errors).
CONFIG_SOURCES = sorted([*(ROOT / "portfolio" / "grid").rglob("*.py"),
                         *(ROOT / "portfolio" / "norms").rglob("*.py"),
                         ROOT / "portfolio" / "yaml_source.py"])
SOURCES = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py"),
                  *(ROOT / "portfolio" / "ui").rglob("*.py"),
                  *(ROOT / "portfolio" / "figures").rglob("*.py"),
                  *(ROOT / "portfolio" / "reading").rglob("*.py"),
                  *(ROOT / "portfolio" / "importing").rglob("*.py"),
                  *CONFIG_SOURCES])


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_files():
    assert sorted(p.name for p in (LOCALES / "en").glob("*.yaml")) == \
        sorted(p.name for p in (LOCALES / "fr").glob("*.yaml"))


def test_both_languages_have_the_same_keys():
    english, french = set(catalogue("en")), set(catalogue("fr"))
    assert sorted(english - french) == [], "keys missing in French"
    assert sorted(french - english) == [], "keys missing in English"


def test_each_message_has_the_same_placeholders_in_both_languages():
    english, french = catalogue("en"), catalogue("fr")
    different = {key: (_placeholders(english[key]), _placeholders(french[key]))
                 for key in english.keys() & french.keys()
                 if _placeholders(english[key]) != _placeholders(french[key])}
    assert different == {}


def _key_literals(path: Path) -> set[str]:
    """String constants that name a catalogue key (`<area>.<key>` with a known area)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            area, dot, rest = node.value.partition(".")
            if dot and area in AREAS and rest.replace("_", "").isalnum() and rest.islower():
                found.add(node.value)
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_used_in_the_interface_exists(path):
    english = catalogue("en")
    keys = _key_literals(path)
    if path in CONFIG_SOURCES:
        # Their other dotted strings are key paths of the YAML files ("matrix.segments").
        keys = {key for key in keys if key.startswith("config")}
    assert sorted(key for key in keys if key not in english) == []


def test_the_key_scan_sees_the_keys_of_the_pages():
    # Guards the scan itself: if it found nothing it would pass everything.
    keys = set().union(*(_key_literals(path) for path in SOURCES))
    assert {"matrix.title", "grid.title", "home.title", "common.view_as"} <= keys


def test_keys_held_in_tables_exist():
    english = catalogue("en")
    keys = [key for entry in PAGES for key in (entry.label, entry.summary)]
    keys += [key for pair in PRINCIPLES for key in pair]
    assert [key for key in keys if key not in english] == []
