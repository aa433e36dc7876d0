"""Numbers, money, percentages, scores and dates written the way each language writes them.

The one place that knows how a language writes a figure: tables, captions, metrics, chart
labels and hovers, downloads and the live-scoring inputs all take their style from here, so
that "12,5 %" and "1 234 €" read the same on every surface in French.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from numbers import Real

from typing import TYPE_CHECKING

import numpy as np

from portfolio import currency
from portfolio.contract import BY_NAME, Kind

if TYPE_CHECKING:  # the import path writes problems' counts and loads no pandas
    import pandas as pd

# French separates thousands with a narrow no-break space and puts a no-break space
# before the unit (1 234 567 €, 12,5 %), so a figure never breaks across two lines
# on a projected slide.
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
EMPTY = "—"


@dataclass(frozen=True)
class Style:
    """How one language writes figures."""

    thousands: str
    decimal: str
    percent: str  # what follows a number in percent
    date: str  # strftime pattern of a date, then of a date and time
    date_time: str
    csv: tuple[str, str]  # the separator and decimal mark Excel opens in columns
    date_input: str  # a Streamlit date input's format


STYLES: dict[str, Style] = {
    "en": Style(",", ".", "%", "%Y-%m-%d", "%Y-%m-%d %H:%M", (",", "."), "YYYY-MM-DD"),
    # French Excel splits a CSV on ";" and reads "12,5" as a number.
    "fr": Style(NARROW_NBSP, ",", NBSP + "%", "%d/%m/%Y", "%d/%m/%Y %H:%M", (";", ","),
                "DD/MM/YYYY"),
}


def style(lang: str) -> Style:
    return STYLES.get(lang, STYLES["en"])


def _localised(text: str, lang: str) -> str:
    """A number Python wrote as `1,234.5`, in `lang`'s separators."""
    s = style(lang)
    return text.translate(str.maketrans({",": s.thousands, ".": s.decimal}))


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, Real) and math.isnan(float(value)))


def number(value: float | None, lang: str, decimals: int = 0) -> str:
    """`1,234,567.5` in English, `1 234 567,5` in French; a dash when there is no value."""
    if _is_blank(value):
        return EMPTY
    return _localised(f"{float(value):,.{decimals}f}", lang)  # type: ignore[arg-type]


def money(value: float | None, lang: str, decimals: int = 0, compact: bool = False) -> str:
    """An amount in the dataset's currency (`portfolio.currency`): in euros `€1,234,567` /
    `1 234 567 €`, compact `€1.2M`, `€350k` / `1,2 M€`, `350 k€`; in dollars `$1.2M` /
    `1,2 M$`; a currency without a sign of its own by its code: `CHF 1.2M` / `1,2 M CHF`."""
    if _is_blank(value):
        return EMPTY
    amount = float(value)  # type: ignore[arg-type]
    unit = ""
    if compact and abs(amount) >= 1_000_000:
        amount, unit, decimals = amount / 1_000_000, "M", 1
    elif compact and abs(amount) >= 10_000:
        amount, unit, decimals = amount / 1_000, "k", 0
    sign = "-" if amount < 0 else ""
    figure = number(abs(amount), lang, decimals)
    money_sign = currency.current()
    if lang == "fr":  # after the figure, the unit first: 1,2 M€
        spaced = NBSP if money_sign.is_code and unit else ""
        return f"{sign}{figure}{NBSP}{unit}{spaced}{money_sign.sign}"
    before = money_sign.sign + (NBSP if money_sign.is_code else "")
    return f"{sign}{before}{figure}{unit}"


def currency_sign() -> str:
    """The sign of the currency amounts are written in now ("€", "$", "CHF"), for headers."""
    return currency.current().sign


def percent(ratio: float | None, lang: str, decimals: int = 0) -> str:
    """A 0–1 ratio as a percentage: `12.5%` / `12,5 %`."""
    if _is_blank(ratio):
        return EMPTY
    return number(100 * float(ratio), lang, decimals) + style(lang).percent  # type: ignore[arg-type]


def score(value: float | None, lang: str) -> str:
    """A 0–100 axis score with one decimal, so a score just under a cut never shows as the cut."""
    return number(value, lang, 1)


def decimal(value: float | None, lang: str) -> str:
    """Points, weights, cuts: whole numbers without decimals, others with what they need (up to 2)."""
    if _is_blank(value):
        return EMPTY
    amount = round(float(value), 2)  # type: ignore[arg-type]
    if amount == int(amount):
        return number(amount, lang, 0)
    return number(amount, lang, 2).rstrip("0")


def timestamp(value: datetime, lang: str) -> str:
    """A date and time to the minute: `27/11/2026 13:55` in French, `2026-11-27 13:55` in English."""
    return value.strftime(style(lang).date_time)


def dates(values: pd.Series | np.ndarray, lang: str, with_time: bool = False) -> pd.Series:
    """Dates (or date-times to the minute) as the language writes them: `31/12/2026` in French,
    `2026-12-31` in English; a dash where there is none. Vectorised, for table columns."""
    import pandas as pd

    moments = pd.to_datetime(pd.Series(values).reset_index(drop=True), errors="coerce")
    s = style(lang)
    text = moments.dt.strftime(s.date_time if with_time else s.date)
    return text.where(moments.notna(), EMPTY).astype(object)


def column_value(column: str, value: object, lang: str) -> str:
    """A client's cell shown by what its contract column holds (ratios as %, amounts in €)."""
    if _is_blank(value) or (isinstance(value, str) and not value.strip()):
        return EMPTY
    spec = BY_NAME.get(column)
    if isinstance(value, Real) and not isinstance(value, bool):
        if spec is not None and spec.kind is Kind.RATIO:
            share = float(value)
            return percent(share, lang, 0 if round(100 * share, 1).is_integer() else 1)
        if spec is not None and spec.kind is Kind.NUMBER:
            return money(float(value), lang)
        return decimal(float(value), lang)
    return str(value)


# Columns of numbers, written without a loop per row.
_THOUSANDS = r"\B(?=(\d{3})+(?!\d))"


def whole_numbers(values: pd.Series | np.ndarray, lang: str) -> pd.Series:
    """Rounded to the unit with thousands separators (1,234 / 1 234); a dash where empty."""
    import pandas as pd

    series = pd.Series(np.asarray(values, dtype=float))
    rounded = np.floor(np.abs(series) + 0.5) * np.sign(series)
    text = rounded.astype("Int64").astype("string")
    text = text.str.replace(_THOUSANDS, style(lang).thousands, regex=True)
    return text.fillna(EMPTY).astype(object)


def _money_affixes(lang: str) -> tuple[str, str]:
    """What comes before and after a whole amount in the currency written now."""
    money_sign = currency.current()
    if lang == "fr":
        return "", NBSP + money_sign.sign
    return money_sign.sign + (NBSP if money_sign.is_code else ""), ""


def amounts(values: pd.Series | np.ndarray, lang: str) -> pd.Series:
    """Amounts to the unit: €1,234 / 1 234 €; a dash where empty."""
    before, after = _money_affixes(lang)
    digits = whole_numbers(values, lang)
    blank = digits == EMPTY
    # The sign goes before the currency: -€1,234, -1 234 €.
    text = (before + digits + after).str.replace(before + "-", "-" + before, regex=False) \
        if before else digits + after
    return text.where(~blank, EMPTY)


def one_decimal(values: pd.Series | np.ndarray, lang: str) -> pd.Series:
    """One decimal (1,234.5 / 1 234,5); a dash where empty."""
    import pandas as pd

    series = pd.Series(np.asarray(values, dtype=float))
    tenths = np.floor(np.abs(series) * 10 + 0.5)
    whole = whole_numbers(tenths // 10, lang)
    decimals = (tenths % 10).astype("Int64").astype("string")
    sign = pd.Series(np.where((series < 0) & (tenths > 0), "-", ""))
    text = sign + whole.astype("string") + style(lang).decimal + decimals
    return text.where(series.notna(), EMPTY).astype(object)


def visit_counts(values: pd.Series | np.ndarray, lang: str) -> pd.Series:
    """Visits a year: whole numbers as such (3), fractional norms with one decimal (2.5)."""
    import pandas as pd

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


def money_hover(expression: str, lang: str) -> str:
    """A Plotly hover-template amount (`%{x:,.0f}`) placed as the language places the sign."""
    before, after = _money_affixes(lang)
    return f"{before}{expression}{after}"


def money_ticks(lang: str) -> dict[str, str]:
    """Plotly axis ticks in the currency: `€2M` in English, `2M €` in French."""
    before, after = _money_affixes(lang)
    return {"tickprefix": before, "ticksuffix": after}


def plotly_separators(lang: str) -> str:
    """Plotly's `separators` layout setting: the decimal mark, then the thousands one."""
    s = style(lang)
    return s.decimal + s.thousands


def signed_number(value: float | None, lang: str, decimals: int = 1) -> str:
    """A gap in points with its sign, +3.5 / −2.0 in English, +3,5 / −2,0 in French."""
    if _is_blank(value):
        return EMPTY
    amount = round(float(value), decimals)  # type: ignore[arg-type]
    return ("+" if amount > 0 else "") + number(amount, lang, decimals)


def share_points(change: float, lang: str) -> str:
    """A difference of shares (0–1) in points, one decimal: `+3.2 pts`, `−1.0 pts`, `0.0 pts`."""
    points = 100 * float(change)
    sign = "+" if points > 0.05 else ("\u2212" if points < -0.05 else "")
    return f"{sign}{number(abs(points), lang, 1)}\u00a0pts"
