"""Reading a number as a French or an English user types it, and writing it back for editing.

The rule, never a guess:

- French: the decimal mark is the comma; a point is read as a decimal mark too (the numeric
  keypad types it), so "12,5" and "12.5" are 12.5 and "1,234" is 1.234. Thousands are
  grouped with spaces (ordinary, no-break or narrow no-break): "1 234,5". A number holding
  both a comma and a point ("1.234,5") is refused: which one is the decimal mark is a guess.
- English: the decimal mark is the point; commas group thousands, by threes ("1,234.5" is
  1234.5, "1,234" is 1234). A comma elsewhere ("12,5") is refused, with the point to type.
  Spaces group thousands too.
- A sign may lead (-, − or +). Where the input is in percent, a trailing "%" is allowed
  ("20 %", "20%"), where it is an amount the currency's sign ("€", "$"…) on either side.
- An empty entry is "no value", refused where a value is required.

A refusal is a `NotANumber` whose `describe(lang)` says what was typed and what to type.
"""

from __future__ import annotations

import math
import re

import numpy as np

from portfolio.i18n import t
from portfolio.numbers import NARROW_NBSP, NBSP, decimal, style

# Every space a user (or a copy from a formatted table) may leave between groups of digits.
_SPACES = (" ", NBSP, NARROW_NBSP, "\u2009", "\u2007")
_SIGNS = {"-": -1.0, "\u2212": -1.0, "+": 1.0}
# Groups of three after a first group of one to three digits: 1 234 567.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_DIGITS = re.compile(r"\d+")


class NotANumber(ValueError):
    """What was typed cannot be read as the number asked for; `describe` says why."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def describe(self, lang: str) -> str:
        params = dict(self.params)
        if "bounds" in params:  # the range written in the language it is described in
            params["range"] = range_text(lang, *params.pop("bounds"))  # type: ignore[misc]
        return t(f"number_entry.{self.key}", lang, **params)


def parse_number(text: str | None, lang: str, *, minimum: float | None = None,
                 maximum: float | None = None, whole: bool = False, unit: str | None = None,
                 required: bool = False) -> float | None:
    """The number `text` stands for in `lang` (None when empty and not `required`).

    `unit` is "%" or a currency sign: the symbol the user may type with the figure. `whole` refuses a
    fractional part; `minimum`/`maximum` bound the value, and the refusal writes the range
    the user's way. Raises `NotANumber`.
    """
    typed = (text or "").strip()
    if not typed:
        if required:
            raise NotANumber("required")
        return None
    value = _read(typed, lang, unit)
    if whole and not float(value).is_integer():
        raise NotANumber("whole", typed=typed)
    _check_bounds(value, lang, minimum, maximum, unit)
    return value


def entry_text(value: float | None, lang: str, decimals: int | None = None) -> str:
    """A value as the input shows it for editing: the language's decimal mark, no thousands
    separator to type around ("1234,5"); `decimals` fixed, else every decimal it holds (up to
    6), so that what is shown is what the page computes with."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    amount = float(value)
    if decimals is None:
        written = np.format_float_positional(amount, precision=6, trim="-")
    else:
        written = f"{amount:.{decimals}f}"
    return written.replace(".", style(lang).decimal)


def range_text(lang: str, minimum: float | None, maximum: float | None,
               unit: str | None = None) -> str:
    """The allowed range, written the user's way ("between 0 and 100 %", "at least 1")."""
    def shown(value: float) -> str:
        written = decimal(value, lang)
        if unit == "%":
            return written + style(lang).percent
        return written
    if minimum is not None and maximum is not None:
        return t("number_entry.range_between", lang, low=shown(minimum), high=shown(maximum))
    if minimum is not None:
        return t("number_entry.range_at_least", lang, low=shown(minimum))
    if maximum is not None:
        return t("number_entry.range_at_most", lang, high=shown(maximum))
    return ""


def _read(typed: str, lang: str, unit: str | None) -> float:
    body = _without_unit(typed, unit)
    sign = 1.0
    if body[:1] in _SIGNS:
        sign, body = _SIGNS[body[0]], body[1:].lstrip()
    if not body:
        raise NotANumber("not_a_number", typed=typed)
    digits = _without_spaces(body, typed)
    if lang == "fr":
        number = _read_french(digits, typed)
    else:
        number = _read_english(digits, typed)
    return sign * number


def _without_unit(typed: str, unit: str | None) -> str:
    """The figure without the unit the input is in (a "%" after it, a currency sign on either side)."""
    body = typed
    if unit == "%" and body.endswith("%"):
        body = body[:-1]
    elif unit is not None and unit != "%":  # a currency's sign, on either side
        body = body.removesuffix(unit).removeprefix(unit)
    body = body.strip("".join(_SPACES))
    if "%" in body or (unit not in (None, "%") and unit in body):
        raise NotANumber("not_a_number", typed=typed)
    return body


def _without_spaces(body: str, typed: str) -> str:
    """Digits grouped by spaces, the groups checked (a first of 1-3 digits, then threes)."""
    if not any(space in body for space in _SPACES):
        return body
    spaced = re.sub("[" + "".join(_SPACES) + "]+", " ", body)
    whole, rest = _split_decimal_part(spaced)
    groups = whole.split(" ")
    if not (groups[0].isdigit() and len(groups[0]) <= 3
            and all(len(g) == 3 and g.isdigit() for g in groups[1:])) or " " in rest:
        raise NotANumber("grouping", typed=typed)
    return "".join(groups) + rest


def _split_decimal_part(spaced: str) -> tuple[str, str]:
    """What comes before the first comma or point, and the rest from that mark on."""
    match = re.search(r"[.,]", spaced)
    if match is None:
        return spaced, ""
    return spaced[:match.start()], spaced[match.start():]


def _read_french(digits: str, typed: str) -> float:
    if "," in digits and "." in digits:
        raise NotANumber("two_marks_fr", typed=typed)
    return _plain(digits.replace(",", "."), typed)


def _read_english(digits: str, typed: str) -> float:
    if "," in digits:
        whole, _, fraction = digits.partition(".")
        if not _GROUPED.fullmatch(whole):
            raise NotANumber("comma_en", typed=typed, example=_with_point(typed))
        digits = whole.replace(",", "") + ("." + fraction if "." in digits else "")
    return _plain(digits, typed)


def _with_point(typed: str) -> str:
    """What to type instead of a French-looking "12,5" in English: "12.5" (else an example)."""
    if typed.count(",") == 1 and "." not in typed and re.search(r",\d", typed):
        return typed.replace(",", ".")
    return "12.5"


def _plain(digits: str, typed: str) -> float:
    """Digits with at most one decimal point ("12", "12.5", ".5"), nothing else."""
    whole, point, fraction = digits.partition(".")
    if ((whole and not _DIGITS.fullmatch(whole)) or (fraction and not _DIGITS.fullmatch(fraction))
            or not (whole or fraction) or (point and not fraction)):  # "12," has nothing after
        raise NotANumber("not_a_number", typed=typed)
    return float(f"{whole or '0'}.{fraction or '0'}")


def _check_bounds(value: float, lang: str, minimum: float | None, maximum: float | None,
                  unit: str | None) -> None:
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise NotANumber("out_of_range", bounds=(minimum, maximum, unit))
