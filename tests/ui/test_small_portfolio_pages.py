"""The Rep and Structure pages say, in one line, when a portfolio is too small for its
shares to be judged, and never call it 'within tolerance' then."""

from __future__ import annotations

import pandas as pd

from tests.ui.conftest import open_page, seed_database

STRUCTURE = "pages/5_Structure.py"
REP = "pages/6_Rep.py"
NEWCOMER = "Nadia Petit"


def _with_a_newcomer(clients: pd.DataFrame) -> pd.DataFrame:
    """The demo and a rep who took over three of its clients (ids made new)."""
    three = clients.head(3).copy()
    three["client_id"] = ["N1", "N2", "N3"]
    three["salesperson"] = NEWCOMER
    return pd.concat([clients, three], ignore_index=True)


def test_a_rep_of_three_clients_is_shown_but_not_judged(tmp_path, monkeypatch, demo_clients):
    monkeypatch.setenv("PORTFOLIO_DB", str(seed_database(tmp_path / "p.duckdb",
                                                         _with_a_newcomer(demo_clients))))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page(REP)
    at.selectbox(key="w.rep.rep").set_value(NEWCOMER).run()
    assert not at.exception
    infos = [i.value for i in at.info]
    assert any(i.startswith("With 3 clients, each one is 33.3 points of share") for i in infos), infos
    assert not [s.value for s in at.success if "within the tolerance" in s.value]
    assert not [m.value for m in at.markdown if m.value.startswith("Outside tolerance")]


def test_a_large_rep_gets_a_verdict_and_no_small_portfolio_line(seeded_db):
    at = open_page(REP)
    assert not at.exception
    text = [i.value for i in at.info] + [c.value for c in at.caption]
    assert not any("points of share" in t for t in text)


def test_the_structure_page_counts_the_reps_not_judged(tmp_path, monkeypatch, demo_clients):
    monkeypatch.setenv("PORTFOLIO_DB", str(seed_database(tmp_path / "p.duckdb",
                                                         _with_a_newcomer(demo_clients))))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page(STRUCTURE, locale="fr-FR")
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Petits portefeuilles : 1 commercial(aux) de moins de 10 clients")
               for c in captions), captions
