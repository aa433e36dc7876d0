"""Which salespeople's clients a viewer may see; every client query takes one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from portfolio.sql import Fragment, quote_identifier


@dataclass(frozen=True)
class Visibility:
    """The set of salespeople whose clients may be shown; `None` means the whole team.

    Passing this to every query (rather than filtering in pages) is what lets a rep
    be restricted to their own portfolio without touching any page, and it is part
    of every cache key so that one viewer's rows never reach another.
    """

    salespeople: frozenset[str] | None = None

    @classmethod
    def everyone(cls) -> "Visibility":
        return cls(None)

    @classmethod
    def only(cls, salespeople: Iterable[str]) -> "Visibility":
        return cls(frozenset(salespeople))

    @property
    def is_everyone(self) -> bool:
        return self.salespeople is None

    @property
    def key(self) -> tuple[str, ...]:
        """A stable, hashable identity for cache keys (a frozenset's order is not stable).

        Tagged, so that no set of names can ever look like the whole team.
        """
        return ("everyone",) if self.salespeople is None else ("only", *sorted(self.salespeople))

    def condition(self, column: str = "salesperson", table: str | None = None) -> Fragment:
        """A boolean SQL condition with bound parameters."""
        ref = (f"{table}." if table else "") + quote_identifier(column)
        if self.salespeople is None:
            return Fragment("TRUE")
        return Fragment(f"list_contains(?::VARCHAR[], {ref})", sorted(self.salespeople))
