"""The Rep page offers this rep's printed page and the Structure page the team's, built only
when a button is pressed (nothing drawn on a rerun)."""

from __future__ import annotations

import portfolio.ui.shared.report_buttons as buttons
from tests.ui.conftest import open_page


def built_on_rerun(monkeypatch) -> list:
    calls: list = []
    monkeypatch.setattr(buttons, "report_bytes", lambda *args, **kwargs: calls.append(args) or [b""])
    return calls


def test_the_rep_page_offers_its_page_as_pdf_and_png_without_building_it(seeded_db, monkeypatch):
    calls = built_on_rerun(monkeypatch)
    at = open_page("pages/6_Rep.py")
    assert not at.exception
    downloads = {b.proto.label: b for b in at.get("download_button")}
    assert {"Download this rep's page (PDF)", "PNG"} <= set(downloads)
    assert calls == []


def test_the_structure_page_offers_the_teams_page(seeded_db, monkeypatch):
    calls = built_on_rerun(monkeypatch)
    at = open_page("pages/5_Structure.py", locale="fr-FR")
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Télécharger la page de l'équipe (PDF)" in labels
    assert calls == []
