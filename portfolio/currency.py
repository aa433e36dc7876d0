"""The currency a dataset's amounts are in, and how each language writes it.

A dataset has one currency (EUR unless the import said otherwise): revenue, potential,
headroom and every figure made of them are in it. Which one is being written is an
ambient setting of the thread, like the figure's language is a parameter: a page sets
it from the dataset it shows (each script run is a thread of its own), a command from
the dataset it reads, so that the many places that write an amount need not pass it.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_CURRENCY = "EUR"


@dataclass(frozen=True)
class Currency:
    """A currency as figures show it: its ISO code and the sign written with amounts."""

    code: str
    sign: str  # "€", "$"… or the code itself where there is no sign of its own

    @property
    def is_code(self) -> bool:
        return self.sign == self.code


CURRENCIES: dict[str, Currency] = {c.code: c for c in (
    Currency("EUR", "€"), Currency("USD", "$"), Currency("GBP", "£"), Currency("CHF", "CHF"),
    Currency("CAD", "CA$"), Currency("AUD", "A$"), Currency("JPY", "¥"), Currency("SEK", "SEK"),
    Currency("NOK", "NOK"), Currency("DKK", "DKK"), Currency("PLN", "PLN"), Currency("MAD", "MAD"),
)}


# Signs a file's amounts may carry ("1 234 $", "£1,234", "USD 1,234"), longest first.
_SIGNS = re.compile(r"CA\$|A\$|US\$|\$|€|£|¥|\b(?:EUR|USD|GBP|CHF|CAD|AUD|JPY)\b")
_SIGN_CODES = {"CA$": "CAD", "A$": "AUD", "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP",
               "¥": "JPY"}


def detected_currency(cells: list[str]) -> str | None:
    """The currency the amounts' cells are written in, when they say so, and one only."""
    found = {_SIGN_CODES.get(m, m) for cell in cells for m in _SIGNS.findall(cell or "")}
    return found.pop() if len(found) == 1 else None


_current: contextvars.ContextVar[str] = contextvars.ContextVar("amounts_currency",
                                                               default=DEFAULT_CURRENCY)


def current() -> Currency:
    """The currency amounts are written in now."""
    return CURRENCIES.get(_current.get(), CURRENCIES[DEFAULT_CURRENCY])


def set_amounts_currency(code: str | None) -> None:
    """Write amounts in `code` from now on in this thread (a page run sets it first)."""
    _current.set(_known(code))


@contextmanager
def amounts_in(code: str | None) -> Iterator[None]:
    """Write amounts in `code` inside the block."""
    token = _current.set(_known(code))
    try:
        yield
    finally:
        _current.reset(token)


def _known(code: str | None) -> str:
    """`code` when amounts can be written in it, else the default (None: not known yet)."""
    return code if code in CURRENCIES else DEFAULT_CURRENCY
