"""The printed team page is of the clients the Structure page's filters keep: the filters go
into the view the report is built from (nothing applied again), and its header names them."""

from __future__ import annotations

import streamlit as st

from portfolio.grid.loader import load_grid
from portfolio.numbers import money, number
from portfolio.queries.scope import ClientFilter
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from portfolio.structure import compare_reps
from portfolio.view import PortfolioView
from tests.report.conftest import pdf_pages, plain
from tests.ui.conftest import ROOT, open_page

STRUCTURE = "pages/5_Structure.py"
GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")


def _pressed_downloads(monkeypatch) -> dict[str, object]:
    """Each download button's data function by key, as Streamlit would call it on a click."""
    data: dict[str, object] = {}
    real = st.download_button

    def recorded(label, payload, *args, **kwargs):  # noqa: ANN001, ANN202
        data[kwargs.get("key")] = payload
        return real(label, payload, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recorded)
    return data


def _team(db, filters: ClientFilter):
    store = Store(db)
    try:
        view = PortfolioView.open(store, list_datasets(store)[0].dataset_id, GRID)
        return compare_reps(view, filters).team.iloc[0]
    finally:
        store.close()


def test_the_team_page_is_of_the_filtered_clients_and_says_so(seeded_db, monkeypatch):
    data = _pressed_downloads(monkeypatch)
    at = open_page(STRUCTURE)
    regions = at.multiselect(key="w.structure.filter.regions")
    region = regions.options[0]
    regions.select(region).run()
    assert not at.exception
    [page] = pdf_pages(data["w.structure.report.pdf"]())
    chosen, everyone = _team(seeded_db, ClientFilter(regions=(region,))), _team(seeded_db, ClientFilter())
    assert 0 < chosen["clients"] < everyone["clients"]
    assert f"Filters: Region: {region}" in page
    revenue = plain(money(chosen["revenue"], "en", compact=True))
    assert revenue != plain(money(everyone["revenue"], "en", compact=True))
    assert f"Clients {number(chosen['clients'], 'en')} Revenue {revenue}" in page
