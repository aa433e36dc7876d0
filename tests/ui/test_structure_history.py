"""The Structure page's "Over time" tab: the mix at two periods and the clients that moved."""

from __future__ import annotations

from pathlib import Path

from portfolio.access import Visibility
from portfolio.demo import PERIOD, generate_demo
from portfolio.demo.history import PREVIOUS_PERIOD, previous_quarter
from portfolio.grid.loader import load_grid
from portfolio.queries.scope import ClientFilter
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from portfolio.structure.history import compare_periods
from portfolio.view import PortfolioView
from tests.periods_kit import END, GAINED, LOST, START, two_period_clients
from tests.ui.conftest import all_text, open_page, seed_database, table_rows

STRUCTURE = "pages/5_Structure.py"
GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")


def _two_periods(tmp_path, monkeypatch) -> Path:
    path = seed_database(tmp_path / "periods.duckdb", two_period_clients())
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    return path


def _expected(path):
    store = Store(path)
    try:
        dataset_id = list_datasets(store)[-1].dataset_id
        return compare_periods(PortfolioView.open(store, dataset_id, GRID, Visibility.everyone()), ClientFilter(),
                               START, END)
    finally:
        store.close()


def test_the_latest_period_is_compared_with_the_one_before(tmp_path, monkeypatch):
    path = _two_periods(tmp_path, monkeypatch)
    at = open_page(STRUCTURE)
    assert not at.exception
    assert at.selectbox(key="w.structure.history_from").value == START
    assert at.selectbox(key="w.structure.history_to").value == END
    expected = _expected(path)
    assert (f"From {START} to {END}: **{expected.moved}** clients changed segment, "
            f"**{GAINED}** came and **{LOST}** left.") in all_text(at)
    [mix] = [t for t in at.table if f"% clients {START} → {END}" in t.value.columns]
    first = table_rows(mix)[0]
    assert first[0] == "Competitors' strongholds"
    before, after = expected.mix.loc[0, ["clients_before", "clients_after"]]
    assert first[1] == f"{before} → {after}"
    change = 100 * expected.mix.loc[0, "client_share_change"]
    assert first[3] == ("+" if change >= 0.05 else "\u2212" if change <= -0.05 else "") + \
        f"{abs(change):.1f}\u00a0pts"
    [moves] = [t for t in at.table if f"Segment in {START}" in t.value.columns]
    rows = table_rows(moves)
    assert sum(int(row[2]) for row in rows) == expected.moved + GAINED + LOST
    # Both tables go to the minutes as files too (beside the reps' and the gaps' tables).
    labels = [button.label for button in at.get("download_button")]
    assert labels.count("Download (CSV)") == 4 and labels.count("Download (Excel)") == 4
    # Clients that came have no segment before; clients that left none after.
    assert "(new client)" in {row[0] for row in rows}
    assert "(no longer in the file)" in {row[1] for row in rows}


def test_the_same_period_twice_is_not_compared(tmp_path, monkeypatch):
    _two_periods(tmp_path, monkeypatch)
    at = open_page(STRUCTURE)
    at.selectbox(key="w.structure.history_from").set_value(END).run()
    assert "Choose two different periods." in [i.value for i in at.info]


def test_a_dataset_with_one_period_says_how_to_get_a_second(seeded_db):
    at = open_page(STRUCTURE)
    assert any(i.value.startswith("This dataset holds one period.") for i in at.info)


def test_over_time_in_french(tmp_path, monkeypatch):
    _two_periods(tmp_path, monkeypatch)
    at = open_page(STRUCTURE, locale="fr-FR")
    text = all_text(at)
    assert f"De {START} à {END} :" in text
    assert any(f"Segment en {START}" in t.value.columns for t in at.table)


def test_the_demo_takes_its_quarter_before_in_one_click(tmp_path, monkeypatch):
    # A first start: the app loads the demo, which holds one quarter.
    monkeypatch.setenv("PORTFOLIO_DB", str(tmp_path / "first_start.duckdb"))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page(STRUCTURE)
    assert any(i.value.startswith("This dataset holds one period.") for i in at.info)
    at.button(key="w.structure.history_demo_add").click().run()
    assert not at.exception
    assert at.selectbox(key="w.structure.history_from").value == PREVIOUS_PERIOD
    assert at.selectbox(key="w.structure.history_to").value == PERIOD
    before = set(previous_quarter(generate_demo())["client_id"])
    now = set(generate_demo()["client_id"])
    assert (f"**{len(now - before)}** came and **{len(before - now)}** left."
            in all_text(at))
    assert not [b for b in at.button if b.key == "w.structure.history_demo_add"]


def test_a_dataset_of_ones_own_has_no_demo_button(seeded_db):
    at = open_page(STRUCTURE)
    assert not [b for b in at.button if b.key == "w.structure.history_demo_add"]


def test_the_demo_button_in_french(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_DB", str(tmp_path / "first_start.duckdb"))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    at = open_page(STRUCTURE, locale="fr-FR")
    [button] = [b for b in at.button if b.key == "w.structure.history_demo_add"]
    assert button.label == f"Ajouter le trimestre précédent de la démo ({PREVIOUS_PERIOD})"
    assert "la démo peut aussi contenir le trimestre précédent" in all_text(at)
