"""The people of the access file, their roles, and what a person may try to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Role(str, Enum):
    ADMIN = "admin"
    DIRECTOR = "director"
    REP = "rep"
    TRAINER = "trainer"


class Action(str, Enum):
    """What a person may be refused: the writes to the store, exports, and reading the audit log."""

    IMPORT = "import"  # a file stored as a new dataset
    ADD_PERIOD = "add_period"  # a file stored as new period(s) of a dataset
    RENAME = "rename"
    DELETE = "delete"
    LOAD_DEMO = "load_demo"
    EXPORT = "export"
    READ_AUDIT = "read_audit"
    SAVE_GRID = "save_grid"  # a grid file written to the shared grids folder
    SAVE_OBJECTIVE = "save_objective"  # a rep's revenue objective kept for a period


@dataclass(frozen=True)
class Scope:
    """A director's clients: those whose `column` holds one of `values`; `column` None is all clients."""

    column: str | None
    values: tuple[str, ...] = ()

    @property
    def is_all(self) -> bool:
        return self.column is None


ALL_CLIENTS = Scope(None)


def fold_email(email: str) -> str:
    """An e-mail as compared: trimmed and case-folded."""
    return email.strip().casefold()


@dataclass(frozen=True)
class Person:
    """One entry of the access file (`email` folded), or the local user."""

    email: str
    role: Role
    salespeople: tuple[str, ...] = ()  # a rep's names as they appear in the client data
    scope: Scope | None = None  # a director's
    active: bool = True
    local: bool = False  # the one user of local mode, who may do everything

    @classmethod
    def local_user(cls) -> "Person":
        return cls(email="(local)", role=Role.ADMIN, local=True)


@dataclass(frozen=True)
class Access:
    """The access file: its people by folded e-mail, and where it came from."""

    people: tuple[Person, ...]
    source: str = "<access>"
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def by_email(self) -> dict[str, Person]:
        return {person.email: person for person in self.people}


def lookup(access: Access, email: str | None) -> Person | None:
    """The person with this e-mail (trimmed and case-folded), active or not; None for an unknown one."""
    if not email:
        return None
    return access.by_email().get(fold_email(email))
