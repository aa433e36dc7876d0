"""Which clients a viewer may see, as one SQL condition; every client query takes one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from portfolio.sql import Fragment, quote_identifier


@dataclass(frozen=True)
class Visibility:
    """The clients that may be shown: the whole team, the clients of some salespeople,
    the clients whose column holds one of some values (a director's scope), or none.

    Passing this to every query (rather than filtering in pages) is what lets a rep
    or a director be restricted without touching any page, and its `key` is part of
    every cache key so that one viewer's rows never reach another.
    """

    salespeople: frozenset[str] | None = None
    column: str | None = None  # a director's scope column, checked against the dataset
    values: frozenset[str] = frozenset()  # that column's values, as written in the access file
    nobody: bool = False

    @classmethod
    def everyone(cls) -> "Visibility":
        return cls(None)

    @classmethod
    def only(cls, salespeople: Iterable[str]) -> "Visibility":
        return cls(frozenset(salespeople))

    @classmethod
    def where(cls, column: str, values: Iterable[str]) -> "Visibility":
        """The clients whose `column` holds one of `values`, compared trimmed and case-folded.

        `column` must be a real column of the table queried: the caller checks it.
        """
        return cls(None, column=column, values=frozenset(values))

    @classmethod
    def no_client(cls) -> "Visibility":
        return cls(None, nobody=True)

    def narrowed_to(self, salespeople: Iterable[str]) -> "Visibility":
        """These clients, and of them only those of `salespeople`: a director or an admin
        previewing a rep's screen never sees past their own scope."""
        if self.nobody:
            return self
        names = frozenset(salespeople)
        if self.salespeople is not None:
            names &= self.salespeople
        return Visibility(names, column=self.column, values=self.values)

    @property
    def is_everyone(self) -> bool:
        return self.salespeople is None and self.column is None and not self.nobody

    @property
    def key(self) -> tuple[str, ...]:
        """A stable, hashable identity for cache keys (a frozenset's order is not stable).

        Tagged, and holding exactly the values bound to the SQL, so that two visibilities
        with different conditions never share a key and no set of names can ever look
        like the whole team.
        """
        if self.nobody:
            return ("nobody",)
        parts: tuple[str, ...] = ()
        if self.column is not None:
            parts += ("where", self.column, *sorted(self.values), "/")
        if self.salespeople is not None:
            parts += ("only", *sorted(self.salespeople))
        return parts or ("everyone",)

    def condition(self, column: str = "salesperson", table: str | None = None) -> Fragment:
        """A boolean SQL condition with bound parameters.

        `column` names the salesperson column, for a visibility by salespeople; a scope
        by another column uses its own column. `table` qualifies either.
        """
        prefix = f"{table}." if table else ""
        if self.nobody:
            return Fragment("FALSE")
        sql, params = [], []
        if self.column is not None:
            # Both sides folded by the same SQL functions, so that they always agree.
            ref = prefix + quote_identifier(self.column)
            sql.append(f"list_contains(list_transform(?::VARCHAR[], lambda v: lower(trim(v))), "
                       f"lower(trim(CAST({ref} AS VARCHAR))))")
            params.append(sorted(self.values))
        if self.salespeople is not None:
            sql.append(f"list_contains(?::VARCHAR[], {prefix}{quote_identifier(column)})")
            params.append(sorted(self.salespeople))
        return Fragment(" AND ".join(sql) or "TRUE", *params)
