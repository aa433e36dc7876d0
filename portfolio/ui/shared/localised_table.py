"""Tables of numbers shown the user's way (1 234,5 in French) and still sorted as numbers.

`st.column_config.NumberColumn` formats with a decimal point whatever the language; a
pandas Styler gives the screen each cell's text from `portfolio.numbers` while the values
stay numbers, so clicking a column header still sorts 9 before 10. A Styler costs about a
millisecond per row on every drawing: past `STYLED_ROWS` rows the table is shown as its
text (the same text, sorted as text), which costs a vectorised pass.
"""

from __future__ import annotations

from typing import Callable, Mapping

import numpy as np
import pandas as pd
from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype

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


def localised(table: pd.DataFrame, lang: str, formats: Mapping[str, Formatter] | None = None,
              other: Formatter = decimal) -> "pd.DataFrame | pd.io.formats.style.Styler":
    """`table` with its number columns written in `lang`: those named in `formats` by their
    formatter, other whole-number columns with thousands separators, other decimals by
    `other` (a Styler would show six decimals with a point)."""
    chosen: dict[str, Formatter] = {}
    for column in table.columns:
        if is_bool_dtype(table[column]):
            continue
        if column in (formats or {}):
            chosen[column] = formats[column]  # type: ignore[index]
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
    return table.style.format({column: _lookup(table[column].to_numpy(), text)
                               for column, text in texts.items()}, na_rep=EMPTY)


def _lookup(values: np.ndarray, texts: np.ndarray) -> Callable[[object], str]:
    written = dict(zip(values, texts))
    return lambda value: written.get(value, str(value))


def _each_distinct(values: pd.Series, write: Callable[[float], str]) -> pd.Series:
    """`write` applied once per distinct value (a column holds few), a dash where empty."""
    series = pd.Series(np.asarray(values, dtype=float))
    distinct = series.dropna().unique()
    text = dict(zip(distinct, (write(float(v)) for v in distinct)))
    return series.map(text).fillna(EMPTY).astype(object)
