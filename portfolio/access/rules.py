"""What each role may do and see: refusals with their reason, and a person's visibility on a dataset."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from portfolio.access.model import Access, Action, Person, Role, Scope, lookup
from portfolio.access.visibility import Visibility
from portfolio.i18n import DEFAULT_LANGUAGE
from portfolio.problems import Detail, detail
from portfolio.store.datasets import Dataset

# The spec's "may change" column. Exports are filtered by what the person sees, so every
# role may export what it sees; "nothing stored" keeps reps and trainers off the writes.
# A grid file is configuration, not stored data: a trainer saves the grid tuned with a room
# (a new file; the shared default is never replaced from the app), a rep only downloads it.
# An objective is the one thing a rep keeps, and only their own: `portfolio.objectives`
# narrows this role check to the rep's own name (a director's, to the reps of its scope).
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.DIRECTOR: frozenset({Action.IMPORT, Action.ADD_PERIOD, Action.EXPORT, Action.READ_AUDIT,
                              Action.SAVE_GRID, Action.SAVE_OBJECTIVE}),
    Role.REP: frozenset({Action.EXPORT, Action.SAVE_OBJECTIVE}),
    Role.TRAINER: frozenset({Action.EXPORT, Action.SAVE_GRID}),
}


@dataclass(frozen=True)
class Refusal:
    """Why a person gets nothing (or no client) of something; `listed` says whether the
    dataset may still be named to them (a director whose scope column it lacks), or not
    (a trainer and an imported dataset, an inactive person)."""

    detail: Detail
    listed: bool = False

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.detail.text(lang)


class PermissionRefused(Exception):
    """An action the acting person may not take; `str()` is the English reason."""

    def __init__(self, refusal: Refusal):
        self.refusal = refusal
        super().__init__(refusal.text())

    @property
    def detail(self) -> Detail:
        return self.refusal.detail

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.refusal.text(lang)


def admit(access: Access, email: str | None) -> Person:
    """The active person with this e-mail; PermissionRefused for an unknown or inactive one."""
    person = lookup(access, email)
    if person is None:
        raise PermissionRefused(Refusal(detail("access.no_access", email=(email or "").strip())))
    if not person.active:
        raise PermissionRefused(Refusal(detail("access.inactive", email=person.email)))
    return person


def refusal_of(person: Person, action: Action, dataset: Dataset | None = None) -> Refusal | None:
    """Why `person` may not take `action` (on `dataset`), or None when they may."""
    if not person.active:
        return Refusal(detail("access.inactive", email=person.email))
    if action not in ALLOWED[person.role]:
        return Refusal(detail(f"access.refused_{action.value}", role=person.role.value))
    if dataset is not None and person.role is Role.TRAINER and not dataset.is_demo:
        return Refusal(detail("access.not_demo"))
    return None


def require(person: Person, action: Action, dataset: Dataset | None = None) -> None:
    """Raise PermissionRefused unless `person` may take `action` (on `dataset`)."""
    refusal = refusal_of(person, action, dataset)
    if refusal is not None:
        raise PermissionRefused(refusal)


def visibility_for(person: Person, dataset: Dataset, columns: Collection[str]) -> Visibility | Refusal:
    """The clients of `dataset` (whose clients table has `columns`) that `person` may see,
    or why they see none of them."""
    if not person.active:
        return Refusal(detail("access.inactive", email=person.email))
    if person.role is Role.ADMIN:
        return Visibility.everyone()
    if person.role is Role.TRAINER:
        return Visibility.everyone() if dataset.is_demo else Refusal(detail("access.not_demo"))
    if person.role is Role.REP:
        return Visibility.only(person.salespeople)
    scope = person.scope
    if scope is None:  # the loader refuses a director without scope; a hand-built one sees nothing
        return Visibility.no_client()
    visibility = scope_visibility(scope, columns)
    if visibility is None:
        return Refusal(detail("access.scope_column_missing", column=scope.column,
                              values=", ".join(scope.values), name=dataset.name), listed=True)
    return visibility


def scope_visibility(scope: Scope, columns: Collection[str]) -> Visibility | None:
    """A director's scope on a table with `columns`; None when the table lacks its column."""
    if scope.is_all:
        return Visibility.everyone()
    # DuckDB names are case-insensitive: `Region` in the file is the dataset's `region`.
    column = next((name for name in columns if name.casefold() == scope.column.casefold()), None)
    return Visibility.where(column, scope.values) if column is not None else None


def peers_of(person: Person, scope: Visibility) -> Visibility:
    """The clients a person's anonymous comparisons are drawn from (`scope`: what they see).

    A rep's peers are every rep of the dataset, which they only ever see as aggregates of
    at least three other reps (see `portfolio.structure.peers_shown_to`); anyone else
    compares within their own scope, so a director's benchmark never leaves it.
    """
    return Visibility.everyone() if person.role is Role.REP else scope
