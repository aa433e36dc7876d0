"""A currency code a user gave (the import's option, a stored dataset's): checked against
those the figures can write (`portfolio.currency`), or refused in the user's words.

Apart from `portfolio.currency`, which the writing of every number reads: that module
needs nothing of the problems vocabulary, which itself writes numbers.
"""

from __future__ import annotations

from portfolio.currency import CURRENCIES, DEFAULT_CURRENCY
from portfolio.problems import Refusal, detail


class UnknownCurrency(Refusal, ValueError):
    def __init__(self, code: str):
        self.code = code
        super().__init__(detail("problems_import.unknown_currency", currency=repr(code),
                                choices=", ".join(CURRENCIES)))


def checked_currency(code: str | None) -> str:
    """The ISO code, upper-cased, if it is one the figures know; else UnknownCurrency."""
    code = (code or DEFAULT_CURRENCY).strip().upper()
    if code not in CURRENCIES:
        raise UnknownCurrency(code)
    return code
