"""A dataset's currency: kept in the store, detected from the amounts' signs, and written
by every amount, in both languages."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from portfolio.currency import amounts_in, detected_currency, set_amounts_currency
from portfolio.currency_check import UnknownCurrency, checked_currency
from portfolio.i18n import t
from portfolio.importing import import_file
from portfolio.numbers import NBSP, amounts, money, money_ticks
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset, get_dataset, list_datasets

HEADER = "Code client;Raison sociale;Commercial;CA;Potentiel\r\n"


@pytest.mark.parametrize("code, lang, expected", [
    ("EUR", "en", "€1,234"), ("EUR", "fr", f"1\u202f234{NBSP}€"),
    ("USD", "en", "$1,234"), ("USD", "fr", f"1\u202f234{NBSP}$"),
    ("CHF", "en", f"CHF{NBSP}1,234"), ("CHF", "fr", f"1\u202f234{NBSP}CHF")])
def test_an_amount_is_written_in_the_currency_of_the_moment(code, lang, expected):
    with amounts_in(code):
        assert money(1234, lang) == expected
        assert amounts(pd.Series([1234.0]), lang).tolist() == [expected]
    assert money(1234, "en") == "€1,234"  # back to the default outside the block


def test_compact_amounts_and_chart_ticks_follow_the_currency():
    with amounts_in("USD"):
        assert money(2_500_000, "en", compact=True) == "$2.5M"
        assert money(2_500_000, "fr", compact=True) == f"2,5{NBSP}M$"
        assert money_ticks("en") == {"tickprefix": "$", "ticksuffix": ""}
    with amounts_in("GBP"):
        assert money(-35_000, "en", compact=True) == "-£35k"


def test_headers_name_the_currency():
    with amounts_in("USD"):
        assert t("rep.col_revenue", "en") == "Revenue ($)"
        assert t("structure.axis_revenue", "fr") == "CA ($ par an)"
    assert t("rep.col_revenue", "en") == "Revenue (€)"


def test_the_currency_is_detected_only_when_the_amounts_say_one():
    assert detected_currency(["$1,000", "2 000 $", ""]) == "USD"
    assert detected_currency(["£12", "1 000"]) == "GBP"
    assert detected_currency(["CA$ 300", "1,000"]) == "CAD"
    assert detected_currency(["1 000", "2 000"]) is None
    assert detected_currency(["$1", "1 €"]) is None  # two signs: the user says which


def test_an_unknown_currency_is_refused_with_the_choices():
    assert checked_currency(" usd ") == "USD"
    with pytest.raises(UnknownCurrency) as raised:
        checked_currency("XYZ")
    assert "'XYZ'" in str(raised.value) and "EUR, USD, GBP" in str(raised.value)


def test_a_file_with_dollar_amounts_is_stored_in_dollars(tmp_path):
    path = tmp_path / "usd.csv"
    path.write_text(HEADER + "C1;A;Léa;$1,000;$2,000\r\nC2;B;Léa;$500;$900\r\n", encoding="utf-8")
    store = Store(tmp_path / "p.duckdb")
    try:
        outcome = import_file(store, path)
        assert outcome.currency == "USD"
        assert get_dataset(store, outcome.dataset_id).currency == "USD"
        chosen = import_file(store, path, dataset_name="in pounds", currency="gbp")
        assert get_dataset(store, chosen.dataset_id).currency == "GBP"
    finally:
        store.close()


def test_a_database_made_before_currencies_reads_its_datasets_in_euros(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE SEQUENCE dataset_ids START 2")
    con.execute("CREATE TABLE datasets (dataset_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL "
                "UNIQUE, source VARCHAR, imported_at TIMESTAMP NOT NULL, is_demo BOOLEAN NOT NULL "
                "DEFAULT FALSE)")
    con.execute("INSERT INTO datasets VALUES (1, 'Old', 'old.csv', '2026-01-02 03:04:05', false)")
    con.close()
    store = Store(path)
    try:
        assert [(d.name, d.currency) for d in list_datasets(store)] == [("Old", "EUR")]
        frame = pd.DataFrame({"client_id": ["C1"], "client_name": ["A"], "salesperson": ["Léa"],
                              "revenue": [1.0], "potential": [2.0]})
        new = create_dataset(store, frame, name="New", currency="USD")
        assert get_dataset(store, new).currency == "USD"
    finally:
        store.close()


def test_setting_the_currency_of_a_thread_does_not_reach_another():
    import threading

    set_amounts_currency("USD")
    seen = []
    other = threading.Thread(target=lambda: seen.append(money(1, "en")))
    other.start()
    other.join()
    assert seen == ["€1"] and money(1, "en") == "$1"
    set_amounts_currency(None)
