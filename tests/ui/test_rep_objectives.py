"""The Rep page keeps an objective: saved by a director or by the rep, never offered to
anyone the core would refuse; the next period shows what was asked and what happened
(the hand-made quarters of `tests.objectives.kit`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.access import PermissionRefused, Person, Role, Scope, Visibility
from portfolio.grid.loader import load_grid
from portfolio.objectives import save_objective, saved_objective
from portfolio.store import guarded
from portfolio.store.audit import audit_entries
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset, list_datasets
from portfolio.text_safety import markdown_text
from portfolio.view import PortfolioView
from tests.objectives.kit import ANA, BEN, GROWTH, Q1, Q2, quarter_one, quarter_two
from tests.ui.conftest import ROOT, all_text, config_with_access, open_page, table_rows
from tests.ui.test_signed_in import signed_in

REP_PAGE = "pages/6_Rep.py"
GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")
ACCESS = f"""version: 1
people:
  - {{email: ana@example.com, role: rep, salespeople: [{ANA}]}}
  - {{email: ben@example.com, role: rep, salespeople: [{BEN}]}}
  - {{email: nord@example.com, role: director, scope: {{column: region, values: [Nord]}}}}
  - {{email: formation@example.com, role: trainer}}
"""
NORTH = Person("nord@example.com", Role.DIRECTOR, scope=Scope("region", ("Nord",)))
SAVE = "w.objectives.save"


def _database(tmp_path: Path, monkeypatch, *, is_demo: bool = False) -> Path:
    path = tmp_path / "kept.duckdb"
    store = Store(path)
    try:
        create_dataset(store, quarter_one(), name="Team", source="q1.csv", period=Q1, is_demo=is_demo)
    finally:
        store.close()
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    config_with_access(tmp_path, monkeypatch, ACCESS)
    return path


@pytest.fixture
def kept_db(tmp_path, monkeypatch) -> Path:
    return _database(tmp_path, monkeypatch)


def _stored(path: Path, rep: str):
    """The objective kept in the file for `rep` at Q1, as an admin reads it."""
    store = Store(path)
    try:
        view = PortfolioView.open(store, list_datasets(store)[0].dataset_id, GRID)
        return saved_objective(view, rep, Q1), audit_entries(store)
    finally:
        store.close()


def _buttons(at) -> set[str]:
    return {b.key for b in at.button if b.key}


def test_a_director_saves_the_objective_of_a_rep_of_their_scope(kept_db):
    at = signed_in(REP_PAGE, "nord@example.com")
    at.selectbox(key="w.rep.rep").set_value(ANA).run()
    at.text_input(key="w.rep.growth").input("20").run()
    assert "Objective saved for" not in all_text(at)
    assert at.button(key=SAVE).label == "Save this objective"
    at.button(key=SAVE).click().run()
    assert not at.exception
    assert "Objective saved for 2026-Q1." in [s.value for s in at.success]
    text = all_text(at)
    # 20 % of Ana's 101,000: 20,200 to gain; A1, A2, A5 and A3 named (see the kit).
    assert ("**+20%** of revenue (€20k to gain on €101k), to reach by raising the share of wallet "
            f"of 4 clients. Saved by {markdown_text('nord@example.com')} on ") in text
    assert at.button(key=SAVE).label == "Replace the saved objective"
    stored, log = _stored(kept_db, ANA)
    assert (stored.saved_by, stored.growth, stored.clients) == ("nord@example.com", 0.2, 4)
    assert [(e.actor, e.action, e.note) for e in log] == [("nord@example.com", "save_objective", ANA)]


def test_the_rep_saves_their_own_objective(kept_db):
    at = signed_in(REP_PAGE, "ana@example.com")
    assert f"Your portfolio: **{ANA}**." in all_text(at)
    at.button(key=SAVE).click().run()
    assert not at.exception
    assert f"Saved by {markdown_text('ana@example.com')} on " in all_text(at)
    stored, _ = _stored(kept_db, ANA)
    assert (stored.saved_by, stored.saved_role, stored.growth) == ("ana@example.com", "rep", 0.1)


def test_another_rep_neither_sees_nor_may_save_it(kept_db):
    store = Store(kept_db)
    try:
        view = PortfolioView.open(store, list_datasets(store)[0].dataset_id, GRID)
        save_objective(view, NORTH, ANA, GROWTH)
        ben = Person("ben@example.com", Role.REP, (BEN,))
        with pytest.raises(PermissionRefused, match=f"Only {ANA}, a director or an admin"):
            save_objective(view.seen_by(Visibility.only((BEN,))), ben, ANA, GROWTH)
    finally:
        store.close()
    at = signed_in(REP_PAGE, "ben@example.com")
    text = all_text(at)
    assert ANA not in text and "Objective saved for" not in text
    assert SAVE in _buttons(at)  # Ben's own objective only: the page shows no other rep
    assert _stored(kept_db, ANA)[0].saved_by == "nord@example.com"  # untouched


def test_a_trainer_is_offered_no_save(tmp_path, monkeypatch):
    _database(tmp_path, monkeypatch, is_demo=True)  # a trainer sees demo datasets only
    at = signed_in(REP_PAGE, "formation@example.com")
    at.selectbox(key="w.rep.rep").set_value(ANA).run()
    assert "Revenue to gain" in {m.label for m in at.metric}  # the objective is tried…
    assert SAVE not in _buttons(at)  # …but not offered for saving


def _next_quarter(path: Path) -> None:
    """Ana's objective saved at Q1 by her director, then the Q2 file imported."""
    store = Store(path)
    try:
        dataset_id = list_datasets(store)[0].dataset_id
        save_objective(PortfolioView.open(store, dataset_id, GRID), NORTH, ANA, GROWTH)
        guarded.add_period(store, Person("it@example.com", Role.ADMIN), dataset_id, quarter_two(),
                           source="q2.csv", period=Q2)
    finally:
        store.close()


def _outcome_rows(at, header: str) -> list[list[str]]:
    [table] = [t for t in at.table if header in t.value.columns]
    return table_rows(table)


def test_the_next_period_shows_what_was_asked_and_what_happened(kept_db):
    _next_quarter(kept_db)
    at = signed_in(REP_PAGE, "nord@example.com")
    at.selectbox(key="w.rep.rep").set_value(ANA).run()
    assert "The objective set for 2026-Q1: what happened by 2026-Q2" in [s.value for s in at.subheader]
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    # Revenue 101,000 → 125,000: 24,000 gained of the 20,200 asked (119 %).
    assert metrics["Revenue asked"][0] == "€20k"
    assert metrics["Revenue gained"] == ("€24k", "119% of the objective")
    assert metrics["Clients at their target"][0] == "2 of 4"  # A1 and A3
    assert metrics["Clients that changed segment"][0] == "1"  # A1, develop → partners
    labels = GRID.segment_labels("en")
    rows = _outcome_rows(at, "Clients named")
    # develop: 3 named, A1 at target and now a partner, A5 gone; +5 points asked each,
    # +7 and +2 gained by those still there; 20,000 expected, 14,000 + 2,000 − 5,000 gained.
    assert rows == [
        [labels["develop"], "3", "1", "1", "1", "+5.0\u00a0pts", "+4.5\u00a0pts", "€20k", "€11k"],
        [labels["partners"], "1", "1", "0", "0", "+0.1\u00a0pts", "+5.0\u00a0pts", "€200", "€10k"],
        ["All clients named", "4", "2", "1", "1", "+3.8\u00a0pts", "+4.7\u00a0pts", "€20k", "€21k"],
    ]
    # The period shows its own objective, not the one before: nothing saved for Q2 yet.
    assert "Objective saved for 2026-Q2" not in all_text(at)


def test_the_outcome_in_french(kept_db):
    _next_quarter(kept_db)
    at = open_page(REP_PAGE, locale="fr-FR")  # local mode: one user who may do everything
    at.selectbox(key="w.rep.rep").set_value(ANA).run()
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrics["CA gagné"] == ("24\u00a0k€", "119\u00a0% de l'objectif")
    assert metrics["Clients à leur cible"][0] == "2 sur 4"
    rows = _outcome_rows(at, "Clients nommés")
    assert rows[-1] == ["Tous les clients nommés", "4", "2", "1", "1", "+3,8\u00a0pts", "+4,7\u00a0pts",
                        "20\u00a0k€", "21\u00a0k€"]
