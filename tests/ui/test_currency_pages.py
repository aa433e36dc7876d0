"""Amounts follow the dataset's currency on the pages: the import proposes the one its
amounts carry, and the Rep, Structure and Matrix pages write every amount in it."""

from __future__ import annotations

from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from tests.ui.conftest import all_text, open_page, seed_database
from tests.ui.test_import_page import IMPORT, import_button, upload

DOLLARS = ("Customer ID,Account name,Sales rep,Sales,Wallet\r\n"
           "A1,Acme,Sam,\"$1,500\",\"$6,000\"\r\nA2,Bolt,Sam,\"$700\",\"$900\"\r\n")


def test_the_import_proposes_the_currency_its_amounts_carry_and_stores_it(seeded_db):
    at = upload(open_page(IMPORT), "usd.csv", DOLLARS.encode())
    assert at.selectbox(key="w.import_currency").value == "USD"
    import_button(at).click().run()
    assert not at.exception
    store = Store(seeded_db)
    try:
        assert {d.name: d.currency for d in list_datasets(store)}["usd"] == "USD"
    finally:
        store.close()


def test_a_dollar_dataset_is_written_in_dollars_on_every_page(tmp_path, monkeypatch, demo_clients):
    path = seed_database(tmp_path / "p.duckdb", demo_clients)
    store = Store(path)
    try:
        with store.transaction() as cur:
            cur.execute("UPDATE datasets SET currency = 'USD'")
    finally:
        store.close()
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    for page in ("pages/6_Rep.py", "pages/5_Structure.py", "pages/1_Matrix.py"):
        at = open_page(page)
        assert not at.exception, page
        text = all_text(at)
        metrics = {m.label: m.value for m in at.metric}
        if "Revenue" in metrics:  # a dollar is escaped where Markdown would read mathematics
            assert metrics["Revenue"].replace("\\$", "$").startswith("$"), (page, metrics)
        assert "$" in text and "€" not in text, page
