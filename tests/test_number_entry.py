"""Numbers typed by French and English users are read as they mean them, or refused with a
reason in their language; never guessed."""

from __future__ import annotations

import pytest

from portfolio.i18n import t
from portfolio.number_entry import NotANumber, entry_text, parse_number, range_text
from portfolio.numbers import NARROW_NBSP, NBSP

READ = [
    # French: a comma, or a point, is the decimal mark; spaces group thousands.
    ("fr", "12,5", 12.5), ("fr", "12.5", 12.5), ("fr", "1 234,5", 1234.5),
    ("fr", f"1{NARROW_NBSP}234,5", 1234.5), ("fr", f"1{NBSP}234", 1234.0),
    ("fr", f"1{NARROW_NBSP}234{NARROW_NBSP}567", 1234567.0), ("fr", "1,234", 1.234),
    ("fr", "1.234", 1.234), ("fr", "-3", -3.0), ("fr", "\u22123,5", -3.5), ("fr", "+4", 4.0),
    ("fr", ",5", 0.5), ("fr", "  7  ", 7.0), ("fr", "0", 0.0), ("fr", "007", 7.0),
    # English: the point is the decimal mark; commas group thousands by three.
    ("en", "12.5", 12.5), ("en", "1,234.5", 1234.5), ("en", "1,234", 1234.0),
    ("en", "1,234,567", 1234567.0), ("en", "1 234.5", 1234.5), ("en", ".5", 0.5),
    ("en", "-0.25", -0.25),
]


@pytest.mark.parametrize(("lang", "typed", "value"), READ)
def test_what_users_type_is_read_as_they_mean_it(lang, typed, value):
    assert parse_number(typed, lang) == pytest.approx(value)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("typed", ["20 %", "20%", f"20{NBSP}%", " 20 % "])
def test_a_percent_input_takes_the_percent_sign(lang, typed):
    assert parse_number(typed, lang, unit="%") == 20.0


@pytest.mark.parametrize(("lang", "typed", "value"), [
    ("fr", "250 000 €", 250000.0), ("fr", "12,5€", 12.5), ("en", "€250,000", 250000.0)])
def test_a_money_input_takes_the_euro_sign(lang, typed, value):
    assert parse_number(typed, lang, unit="€") == value


REFUSED = [
    ("fr", "1.234,5", "two_marks_fr"), ("fr", "1,234.5", "two_marks_fr"),
    ("fr", "12,", "not_a_number"), ("fr", "abc", "not_a_number"), ("fr", "1,2,3", "not_a_number"),
    ("fr", "1e5", "not_a_number"), ("fr", "12 34", "grouping"), ("fr", "1 2345", "grouping"),
    ("fr", "1 234,5 6", "grouping"), ("fr", "-", "not_a_number"), ("fr", "20 %", "not_a_number"),
    ("en", "12,5", "comma_en"), ("en", "1,23", "comma_en"), ("en", "1.234,5", "comma_en"),
    ("en", ",5", "comma_en"), ("en", "12..5", "not_a_number"), ("en", "12 34", "grouping"),
    ("en", "€5", "not_a_number"),
]


@pytest.mark.parametrize(("lang", "typed", "reason"), REFUSED)
def test_what_cannot_be_read_without_a_guess_is_refused(lang, typed, reason):
    with pytest.raises(NotANumber) as refused:
        parse_number(typed, lang)  # no unit: neither % nor € may be typed
    assert refused.value.key == reason
    message = refused.value.describe(lang)
    assert typed.strip() in message
    assert message != f"number_entry.{reason}"  # in the catalogue, not the key shown


def test_an_english_comma_refusal_says_what_to_type():
    with pytest.raises(NotANumber) as refused:
        parse_number("12,5", "en")
    assert refused.value.describe("en") == t("number_entry.comma_en", "en", typed="12,5",
                                             example="12.5")


def test_empty_is_no_value_unless_one_is_required():
    assert parse_number("", "fr") is None
    assert parse_number("   ", "en") is None
    with pytest.raises(NotANumber) as refused:
        parse_number("", "fr", required=True)
    assert refused.value.describe("fr") == t("number_entry.required", "fr")


def test_whole_numbers_refuse_decimals():
    assert parse_number("3", "fr", whole=True) == 3
    with pytest.raises(NotANumber) as refused:
        parse_number("2,5", "fr", whole=True)
    assert refused.value.key == "whole"


def test_bounds_are_written_the_users_way_in_the_language_described():
    with pytest.raises(NotANumber) as refused:
        parse_number("150", "fr", minimum=0, maximum=100, unit="%")
    assert refused.value.describe("fr") == (
        f"Tapez un nombre compris entre 0{NBSP}% et 100{NBSP}%.")
    assert refused.value.describe("en") == "Type a number between 0% and 100%."
    with pytest.raises(NotANumber):
        parse_number("-0,5", "fr", minimum=0)
    assert parse_number("100", "fr", minimum=0, maximum=100) == 100
    assert range_text("fr", 0.5, None) == t("number_entry.range_at_least", "fr", low="0,5")
    assert range_text("en", None, 1234.5) == t("number_entry.range_at_most", "en", high="1,234.5")


@pytest.mark.parametrize(("value", "lang", "decimals", "shown"), [
    (12.5, "fr", None, "12,5"), (12.5, "en", None, "12.5"), (60.0, "fr", None, "60"),
    (250000, "fr", None, "250000"), (1234.5, "en", None, "1234.5"), (0.3, "fr", 2, "0,30"),
    (None, "fr", None, ""), (12.345, "fr", None, "12,345"), (-0.5, "en", None, "-0.5"),
])
def test_a_value_is_shown_for_editing_the_users_way(value, lang, decimals, shown):
    assert entry_text(value, lang, decimals) == shown


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("value", [0.0, 12.5, 1234.5, 99.75, 250000.0, -3.25])
def test_what_is_shown_reads_back_as_the_same_value(lang, value):
    assert parse_number(entry_text(value, lang), lang) == value
