"""Every message the access code can give exists in English and in French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from portfolio.access import Action
from portfolio.i18n import catalogue

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*(ROOT / "portfolio" / "access").glob("*.py"), ROOT / "portfolio" / "store" / "guarded.py"]
# The keys built from a name: one sentence per action and per role's own key.
BUILT = {f"access.refused_{action.value}" for action in Action} | {
    "access.rep_without_salespeople", "access.director_without_scope"}


def used_keys() -> set[str]:
    written = {key for path in SOURCES
               for key in re.findall(r'detail\(\s*"((?:access|config|config_grid)\.[a-z_]+)"',
                                     path.read_text(encoding="utf-8"))}
    return written | BUILT


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_key_used_is_in_the_catalogue(lang):
    keys = used_keys()
    assert len(keys) > 20
    assert sorted(key for key in keys if key not in catalogue(lang)) == []


def test_every_access_message_is_used():
    unused = {key for key in catalogue("en") if key.startswith("access.")} - used_keys()
    assert unused == set()
