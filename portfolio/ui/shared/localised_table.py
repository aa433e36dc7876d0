"""Tables of numbers shown the user's way (1 234,5 in French) and still sorted as numbers.

`st.column_config.NumberColumn` formats with a decimal point whatever the language; a
pandas Styler gives the screen each cell's text from `portfolio.numbers` while the values
stay numbers, so clicking a column header still sorts 9 before 10.
"""

from __future__ import annotations

from functools import partial
from numbers import Real
from typing import Callable, Mapping

import numpy as np
import pandas as pd
from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype

from portfolio.numbers import EMPTY, decimal, number, signed_number

Formatter = Callable[[float, str], str]


def whole(value: float, lang: str) -> str:
    return number(value, lang, 0)


def one_decimal(value: float, lang: str) -> str:
    return number(value, lang, 1)


def signed_points(value: float, lang: str) -> str:
    return signed_number(value, lang, 1)


def as_read(value: float, lang: str) -> str:
    """A value from a file with every decimal it holds (up to 6): 0.375 stays 0,375 in French."""
    digits = np.format_float_positional(value, precision=6, trim="-")
    _, _, fraction = digits.partition(".")
    return number(value, lang, len(fraction))


def localised(table: pd.DataFrame, lang: str,
              formats: Mapping[str, Formatter] | None = None,
              other: Formatter = decimal) -> "pd.io.formats.style.Styler":
    """`table` with its number columns written in `lang`: those named in `formats` by their
    formatter, other whole-number columns with thousands separators, other decimals by
    `other` (pandas would show six decimals with a point)."""
    chosen = dict(formats or {})
    for column in table.columns:
        if column in chosen or is_bool_dtype(table[column]):
            continue
        if is_integer_dtype(table[column]):
            chosen[column] = whole
        elif is_float_dtype(table[column]):
            chosen[column] = other
    return table.style.format({column: partial(_shown, write=write, lang=lang)
                               for column, write in chosen.items() if column in table.columns})


def _shown(value: object, write: Formatter, lang: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return EMPTY
    if isinstance(value, Real) and not isinstance(value, bool):
        return write(float(value), lang)
    return str(value)
