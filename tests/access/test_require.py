"""What each role may do, written out by hand from the access format's table."""

from __future__ import annotations

from datetime import datetime

import pytest

from portfolio.access import Action, PermissionRefused, Person, admit, refusal_of, require
from portfolio.access.loader import parse_access
from portfolio.store.datasets import Dataset
from tests.access.kit import ADMIN, DIRECTOR_ALL, DIRECTOR_NORTH, GONE, REP, TRAINER

IMPORTED = Dataset(1, "Team", "team.csv", datetime(2026, 7, 1), False, 6, ("2026-Q3",))
DEMO = Dataset(2, "Demo portfolio", "demo", datetime(2026, 7, 1), True, 2, ("2026-Q3",))

I, P, R, D, L, E, A = ("import", "add_period", "rename", "delete", "load_demo", "export",
                       "read_audit")
# admin: everything. director: imports (a new dataset or a new period) and exports within
# its scope, and the log; no deletion, no rename, no demo. rep and trainer: nothing stored,
# an export of what they see.
MAY = {
    "admin": {I, P, R, D, L, E, A},
    "director north": {I, P, E, A},
    "director all": {I, P, E, A},
    "rep": {E},
    "trainer": {E},
    "inactive rep": set(),
    "local user": {I, P, R, D, L, E, A},
}
PEOPLE = {"admin": ADMIN, "director north": DIRECTOR_NORTH, "director all": DIRECTOR_ALL, "rep": REP,
          "trainer": TRAINER, "inactive rep": GONE, "local user": Person.local_user()}


@pytest.mark.parametrize("who", MAY)
@pytest.mark.parametrize("action", [I, P, R, D, L, E, A])
def test_each_role_may_take_exactly_the_actions_of_the_table(who, action):
    person = PEOPLE[who]
    if action in MAY[who]:
        require(person, Action(action), DEMO)
        assert refusal_of(person, Action(action)) is None
    else:
        with pytest.raises(PermissionRefused):
            require(person, Action(action), DEMO)


def test_a_trainer_may_not_even_export_an_imported_dataset():
    require(TRAINER, Action.EXPORT, DEMO)
    with pytest.raises(PermissionRefused) as caught:
        require(TRAINER, Action.EXPORT, IMPORTED)
    assert str(caught.value) == "A trainer sees the demonstration datasets only, and this dataset was imported."


def test_a_refusal_says_why_in_english_and_french():
    with pytest.raises(PermissionRefused) as caught:
        require(DIRECTOR_NORTH, Action.DELETE, IMPORTED)
    assert str(caught.value) == "The role director may not delete a dataset."
    assert caught.value.text("fr") == "Le rôle director ne permet pas de supprimer un jeu de données."
    assert caught.value.detail.key == "access.refused_delete"
    with pytest.raises(PermissionRefused) as caught:
        require(GONE, Action.EXPORT)
    assert str(caught.value) == "ancien@example.com no longer has access (active: false in the access file)."


def test_admit_refuses_an_unknown_or_inactive_email():
    access = parse_access("version: 1\npeople:\n"
                          "  - {email: it@example.com, role: admin}\n"
                          "  - {email: old@example.com, role: trainer, active: false}\n", "access.yaml")
    assert admit(access, " IT@example.com").email == "it@example.com"
    with pytest.raises(PermissionRefused) as caught:
        admit(access, "stranger@example.com")
    assert str(caught.value) == ("stranger@example.com has no access: ask an administrator to add "
                                 "this e-mail to the access file.")
    with pytest.raises(PermissionRefused) as caught:
        admit(access, "Old@Example.com")
    assert caught.value.detail.key == "access.inactive"
