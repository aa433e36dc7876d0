"""Numbers, money, percentages and scores written the way each interface language writes them."""

from __future__ import annotations

import math
from datetime import datetime
from numbers import Real

from portfolio.contract import BY_NAME, Kind

# French separates thousands with a narrow no-break space and puts a no-break space
# before the unit (1 234 567 €, 12,5 %), so a figure never breaks across two lines
# on a projected slide.
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
EMPTY = "—"


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, Real) and math.isnan(float(value)))


def number(value: float | None, lang: str, decimals: int = 0) -> str:
    """`1,234,567.5` in English, `1 234 567,5` in French; a dash when there is no value."""
    if _is_blank(value):
        return EMPTY
    text = f"{float(value):,.{decimals}f}"  # type: ignore[arg-type]
    if lang == "fr":
        text = text.replace(",", NARROW_NBSP).replace(".", ",")
    return text


def money(value: float | None, lang: str, decimals: int = 0, compact: bool = False) -> str:
    """Euros: `€1,234,567` / `1 234 567 €`; compact: `€1.2M`, `€350k` / `1,2 M€`, `350 k€`."""
    if _is_blank(value):
        return EMPTY
    amount = float(value)  # type: ignore[arg-type]
    unit = ""
    if compact and abs(amount) >= 1_000_000:
        amount, unit, decimals = amount / 1_000_000, "M", 1
    elif compact and abs(amount) >= 10_000:
        amount, unit, decimals = amount / 1_000, "k", 0
    sign = "-" if amount < 0 else ""
    digits = number(abs(amount), lang, decimals)
    if lang == "fr":
        return f"{sign}{digits}{NBSP}{unit}€"
    return f"{sign}€{digits}{unit}"


def percent(ratio: float | None, lang: str, decimals: int = 0) -> str:
    """A 0–1 ratio as a percentage: `12.5%` / `12,5 %`."""
    if _is_blank(ratio):
        return EMPTY
    digits = number(100 * float(ratio), lang, decimals)  # type: ignore[arg-type]
    return f"{digits}{NBSP}%" if lang == "fr" else f"{digits}%"


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
    return value.strftime("%d/%m/%Y %H:%M" if lang == "fr" else "%Y-%m-%d %H:%M")


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
