"""Tables of numbers and dates shown the user's way (1 234,5 and 31/12/2026 in French) and
still sorted as numbers and dates.

`st.column_config.NumberColumn` formats with a decimal point whatever the language; a
pandas Styler gives the screen each cell's text from `portfolio.numbers` while the values
stay numbers, so clicking a column header still sorts 9 before 10. A Styler costs about a
millisecond per row on every drawing: past `STYLED_ROWS` rows the table is shown as its
text (the same text, sorted as text), which costs a vectorised pass.

Dates are written here too, whatever the page: Streamlit writes a date column as
2026-12-31 (and a date-time with its seconds) in every language. A column of dates —
`datetime64`, or Python dates and date-times — keeps its values, so it sorts by time, not
as "31/01" before "30/12" text would.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Mapping

import numpy as np
import pandas as pd
from pandas.api.types import (is_bool_dtype, is_datetime64_any_dtype, is_float_dtype,
                              is_integer_dtype)

from portfolio import numbers
from portfolio.numbers import EMPTY

STYLED_ROWS = 200
# A column of numbers → its text in a language (vectorised, a dash where empty).
Formatter = Callable[[pd.Series, str], pd.Series]


def whole(values: pd.Series, lang: str) -> pd.Series:
    """Rounded to the unit, thousands grouped: 1 234."""
    return numbers.whole_numbers(values, lang)


def one_decimal(values: pd.Series, lang: str) -> pd.Series:
    """One decimal: 98,5."""
    return numbers.one_decimal(values, lang)


def signed_points(values: pd.Series, lang: str) -> pd.Series:
    """A gap with its sign and one decimal: +3,5 / -2,0 (0,0 without a sign)."""
    series = pd.Series(np.asarray(values, dtype=float))
    text = numbers.one_decimal(series, lang)
    positive = np.floor(series.abs() * 10 + 0.5).gt(0) & series.gt(0)
    return text.where(~positive, "+" + text.astype(str))


def decimal(values: pd.Series, lang: str) -> pd.Series:
    """Whole numbers without decimals, others with what they need (up to 2)."""
    return _each_distinct(values, lambda v: numbers.decimal(v, lang))


def as_read(values: pd.Series, lang: str) -> pd.Series:
    """A value from a file with every decimal it holds (up to 6): 0.375 stays 0,375 in French."""
    def written(value: float) -> str:
        digits = np.format_float_positional(value, precision=6, trim="-")
        return numbers.number(value, lang, len(digits.partition(".")[2]))
    return _each_distinct(values, written)


def day(values: pd.Series, lang: str) -> pd.Series:
    """A date: 31/12/2026 in French, 2026-12-31 in English."""
    return numbers.dates(values, lang)


def moment(values: pd.Series, lang: str) -> pd.Series:
    """A date and time to the minute: 31/12/2026 13:55 / 2026-12-31 13:55."""
    return numbers.dates(values, lang, with_time=True)


def localised(table: pd.DataFrame, lang: str, formats: Mapping[str, Formatter] | None = None,
              other: Formatter = decimal) -> "pd.DataFrame | pd.io.formats.style.Styler":
    """`table` with its number columns written in `lang`: those named in `formats` by their
    formatter, other whole-number columns with thousands separators, other decimals by
    `other` (a Styler would show six decimals with a point)."""
    table = _with_dates(table)
    chosen: dict[str, Formatter] = {}
    for column in table.columns:
        if is_bool_dtype(table[column]):
            continue
        if column in (formats or {}):
            chosen[column] = formats[column]  # type: ignore[index]
        elif is_datetime64_any_dtype(table[column]):
            chosen[column] = moment if _has_times(table[column]) else day
        elif is_integer_dtype(table[column]):
            chosen[column] = whole
        elif is_float_dtype(table[column]):
            chosen[column] = other
    texts = {column: write(table[column].reset_index(drop=True), lang).to_numpy()
             for column, write in chosen.items()}
    if len(table) > STYLED_ROWS:
        shown = table.copy()
        for column, text in texts.items():
            shown[column] = text
        return shown
    # The Styler asks for each cell's text by value: each column's values → their text.
    return table.style.format({column: _lookup(_keys(table[column]), text)
                               for column, text in texts.items()}, na_rep=EMPTY)


def _with_dates(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with its columns of Python dates or date-times as `datetime64` columns (a
    column of text or numbers is left as it is)."""
    dated = {}
    for column in table.columns:
        values = table[column]
        if values.dtype != object:
            continue
        present = values.dropna()
        if len(present) and all(isinstance(v, (dt.date, dt.datetime)) for v in present):
            dated[column] = pd.to_datetime(values)
    return table.assign(**dated) if dated else table


def _has_times(values: pd.Series) -> bool:
    """Whether any value of a date column is not at midnight (then the time is shown)."""
    present = values.dropna()
    return bool(len(present)) and bool((present != present.dt.normalize()).any())


def _keys(values: pd.Series) -> np.ndarray:
    """The values the Styler hands its formatter: Timestamps for dates (a numpy datetime64
    is not found by a Timestamp in a dict), the numbers themselves otherwise."""
    if is_datetime64_any_dtype(values):
        return np.array(list(values), dtype=object)
    return values.to_numpy()


def _lookup(values: np.ndarray, texts: np.ndarray) -> Callable[[object], str]:
    written = dict(zip(values, texts))
    return lambda value: written.get(value, str(value))


def _each_distinct(values: pd.Series, write: Callable[[float], str]) -> pd.Series:
    """`write` applied once per distinct value (a column holds few), a dash where empty."""
    series = pd.Series(np.asarray(values, dtype=float))
    distinct = series.dropna().unique()
    text = dict(zip(distinct, (write(float(v)) for v in distinct)))
    return series.map(text).fillna(EMPTY).astype(object)
