"""Columns of client numbers written the way the interface language writes them, without a loop per row."""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio.ui.shared.formatting import EMPTY, NARROW_NBSP, NBSP, percent

_THOUSANDS = r"\B(?=(\d{3})+(?!\d))"


def whole_numbers(values: pd.Series | np.ndarray, lang: str) -> pd.Series:
    """Rounded to the unit with thousands separators (1,234 / 1 234); a dash where empty."""
    series = pd.Series(np.asarray(values, dtype=float))
    rounded = np.floor(np.abs(series) + 0.5) * np.sign(series)
    text = rounded.astype("Int64").astype("string")
    text = text.str.replace(_THOUSANDS, NARROW_NBSP if lang == "fr" else ",", regex=True)
    return text.fillna(EMPTY).astype(object)


def amounts(values: pd.Series | np.ndarray, lang: str) -> pd.Series:
    """Euros to the unit: €1,234 / 1 234 €; a dash where empty."""
    digits = whole_numbers(values, lang)
    blank = digits == EMPTY
    if lang == "fr":
        text = digits + NBSP + "€"
    else:
        text = ("€" + digits).str.replace("€-", "-€", regex=False)
    return text.where(~blank, EMPTY)


def one_decimal(values: pd.Series | np.ndarray, lang: str) -> pd.Series:
    """One decimal (1,234.5 / 1 234,5); a dash where empty."""
    series = pd.Series(np.asarray(values, dtype=float))
    tenths = np.floor(np.abs(series) * 10 + 0.5)
    whole = whole_numbers(tenths // 10, lang)
    decimals = (tenths % 10).astype("Int64").astype("string")
    sign = pd.Series(np.where((series < 0) & (tenths > 0), "-", ""))
    text = sign + whole.astype("string") + ("," if lang == "fr" else ".") + decimals
    return text.where(series.notna(), EMPTY).astype(object)


def visit_counts(values: pd.Series | np.ndarray, lang: str) -> pd.Series:
    """Visits a year: whole numbers as such (3), fractional norms with one decimal (2.5)."""
    series = pd.Series(np.asarray(values, dtype=float))
    whole = np.isclose(series, np.round(series)) | series.isna()
    return whole_numbers(series, lang).where(whole, one_decimal(series, lang))


def signed_percent(ratio: float, lang: str) -> str:
    """A change as +4.5% / −2.0 % (one decimal); a dash when there is none to show."""
    if ratio is None or not np.isfinite(ratio):
        return EMPTY
    return ("+" if ratio > 0 else "") + percent(ratio, lang, 1)


def two_figures(value):  # noqa: ANN001, ANN201 - a number or an array of numbers
    """Rounded to two significant figures (4,638 → 4,600): an order of magnitude, not a false
    precision, for figures that rest on judgements. Works on numbers and arrays alike."""
    values = np.asarray(value, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        magnitude = np.floor(np.log10(np.abs(values)))
        scale = np.where(np.isfinite(magnitude), 10.0 ** (1 - magnitude), 1.0)
        rounded = np.round(values * scale) / scale
    rounded = np.where(np.isfinite(values) & (values != 0), rounded, values)
    return float(rounded) if rounded.ndim == 0 else rounded
