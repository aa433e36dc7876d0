"""Numbers as each language writes them (French: narrow no-break space, decimal comma, € after)."""

from __future__ import annotations

import math
from datetime import datetime

import pytest

from portfolio.numbers import column_value, decimal, money, number, percent, score, timestamp

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize("value, lang, expected", [
    (1234567, "en", "€1,234,567"),
    (1234567, "fr", f"1{NNBSP}234{NNBSP}567{NBSP}€"),
    (-1500, "en", "-€1,500"),
    (-1500, "fr", f"-1{NNBSP}500{NBSP}€"),
    (0, "fr", f"0{NBSP}€"),
])
def test_money(value, lang, expected):
    assert money(value, lang) == expected


@pytest.mark.parametrize("value, lang, expected", [
    (27_712_345, "en", "€27.7M"),
    (27_712_345, "fr", f"27,7{NBSP}M€"),
    (983_400, "en", "€983k"),
    (983_400, "fr", f"983{NBSP}k€"),
    (9_999, "en", "€9,999"),  # below 10 k the amount is written out
])
def test_compact_money(value, lang, expected):
    assert money(value, lang, compact=True) == expected


def test_numbers_percentages_scores_and_points():
    assert number(12345.678, "en", 1) == "12,345.7"
    assert number(12345.678, "fr", 1) == f"12{NNBSP}345,7"
    assert percent(0.125, "en", 1) == "12.5%"
    assert percent(0.125, "fr", 1) == f"12,5{NBSP}%"
    assert score(49.96, "en") == "50.0" and score(13.3333, "fr") == "13,3"
    assert decimal(4.0, "en") == "4" and decimal(2.5, "fr") == "2,5" and decimal(0.25, "en") == "0.25"


@pytest.mark.parametrize("blank", [None, math.nan])
def test_blanks_show_as_a_dash(blank):
    assert money(blank, "en") == number(blank, "fr") == percent(blank, "en") == "—"
    assert column_value("potential", blank, "en") == "—"


def test_a_cell_is_shown_by_what_its_contract_column_holds():
    assert column_value("share_of_wallet", 0.3, "en") == "30%"
    assert column_value("share_of_wallet", 0.0214, "fr") == f"2,1{NBSP}%"
    assert column_value("potential", 53800.0, "en") == "€53,800"
    assert column_value("product_families", 2, "en") == "2"
    assert column_value("market_position", "leader", "fr") == "leader"
    assert column_value("custom_score", 7.5, "fr") == "7,5"
    assert column_value("contact_level", "  ", "en") == "—"


def test_a_timestamp_is_written_as_each_language_writes_dates():
    moment = datetime(2026, 11, 27, 9, 5, 31)
    assert timestamp(moment, "fr") == "27/11/2026 09:05"
    assert timestamp(moment, "en") == "2026-11-27 09:05"
