"""Names the app chose are shown in the user's language; names a user chose, as written."""

from __future__ import annotations

from datetime import datetime

import pytest

from portfolio.store.datasets import Dataset
from portfolio.ui.shared.names import dataset_name


def _dataset(name: str, is_demo: bool) -> Dataset:
    return Dataset(dataset_id=1, name=name, source="demo", imported_at=datetime(2026, 1, 5),
                   is_demo=is_demo, rows=2000, periods=("2026-01-05",))


@pytest.mark.parametrize(("name", "is_demo", "lang", "shown"), [
    ("Demo portfolio", True, "fr", "Portefeuille démo"),
    ("Demo portfolio", True, "en", "Demo portfolio"),
    ("Demo portfolio (2)", True, "fr", "Portefeuille démo (2)"),
    # Renamed by a user: their words, in any language.
    ("Atelier Lyon", True, "en", "Atelier Lyon"),
    ("Demo portfolio 2026", True, "fr", "Demo portfolio 2026"),
    # An imported dataset that a user named like the demo is theirs.
    ("Demo portfolio", False, "fr", "Demo portfolio"),
])
def test_dataset_name(name, is_demo, lang, shown):
    assert dataset_name(_dataset(name, is_demo), lang) == shown
