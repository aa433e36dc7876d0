"""Broken access files, one per rejection: each error with its exact line and key path."""

from __future__ import annotations

import textwrap

import pytest

from portfolio.access import ALL_CLIENTS, Person, Role, Scope, lookup
from portfolio.access.loader import load_access, parse_access
from portfolio.problems import ConfigError
from tests.config.kit import edit_lines
from tests.config.kit import issues_of as kit_issues_of

# A valid access file; the number after each line is its line number.
ACCESS = textwrap.dedent("""\
    version: 1                                                        #  1
    people:                                                           #  2
      - email: Claire.Martin@Example.com                              #  3
        role: rep                                                     #  4
        salespeople: [Claire Martin]                                  #  5
      - email: d.lefebvre@example.com                                 #  6
        role: director                                                #  7
        scope: {column: region, values: [Hauts-de-France, Normandie]} #  8
      - email: direction@example.com                                  #  9
        role: director                                                # 10
        scope: all                                                    # 11
      - email: formation@example.com                                  # 12
        role: trainer                                                 # 13
      - email: it@example.com                                         # 14
        role: admin                                                   # 15
      - email: ancien@example.com                                     # 16
        role: rep                                                     # 17
        salespeople: [Paul Girard]                                    # 18
        active: false                                                 # 19
    """)


def edited(edits: dict[int, str | None]) -> str:
    return edit_lines(ACCESS, edits)


def issues_of(text: str) -> list[str]:
    return kit_issues_of(parse_access, text, "access.yaml")


def test_the_base_file_reads_every_role():
    access = parse_access(ACCESS, "access.yaml")
    assert access.people == (
        Person("claire.martin@example.com", Role.REP, ("Claire Martin",)),
        Person("d.lefebvre@example.com", Role.DIRECTOR,
               scope=Scope("region", ("Hauts-de-France", "Normandie"))),
        Person("direction@example.com", Role.DIRECTOR, scope=ALL_CLIENTS),
        Person("formation@example.com", Role.TRAINER),
        Person("it@example.com", Role.ADMIN),
        Person("ancien@example.com", Role.REP, ("Paul Girard",), active=False),
    )


def test_the_shipped_example_is_valid(tmp_path):
    from portfolio.settings import PROJECT_ROOT
    access = load_access(PROJECT_ROOT / "config" / "access.example.yaml")
    assert len(access.people) == 7
    assert [p.email for p in access.people if not p.active] == ["ancien.commercial@example.com"]


def test_lookup_trims_and_folds_the_email():
    access = parse_access(ACCESS, "access.yaml")
    assert lookup(access, "  CLAIRE.martin@example.COM ").salespeople == ("Claire Martin",)
    assert lookup(access, "IT@EXAMPLE.COM").role is Role.ADMIN
    assert lookup(access, "claire.martin@example.org") is None
    assert lookup(access, "") is None and lookup(access, None) is None
    # The inactive person is found, marked inactive (admit and require refuse them).
    assert lookup(access, "ancien@example.com").active is False


def test_an_empty_people_list_is_valid_and_lets_nobody_in():
    access = parse_access("version: 1\npeople: []\n", "access.yaml")
    assert access.people == () and lookup(access, "it@example.com") is None


CASES = [
    # YAML itself, as the grid loader rejects it
    ("syntax error", {4: "    role: rep: x"},
     ['4: (file): not valid YAML: a text holding ": " is read as a key and its value; put the '
      'text in quotes, e.g. label: "Potential: high"']),
    ("anchor and alias", {5: "    salespeople: &names [Claire Martin]", 18: "    salespeople: *names"},
     ["5: people[0].salespeople: anchors (&names) are not allowed: write the value out where it is used",
      "18: people[5].salespeople: aliases (*names) are not allowed: write the value out in full where "
      "it is used"]),
    ("duplicate key", {4: "    role: rep\n    role: admin"},
     ["5: people[0].role: duplicate key `role` (first at line 4): keep only one"]),
    ("python tag", {15: "    role: !!python/name:os.system"},
     ["15: people[4].role: tag !!python/name:os.system builds a Python object, which a configuration "
      "file may not do: remove it"]),
    # shape
    ("unknown top-level key", {1: "version: 1\ngroups: []"},
     ["2: groups: unknown key `groups` (expected one of: version, people)"]),
    ("unknown key of a person", {15: "    role: admin\n    team: north"},
     ["16: people[4].team: unknown key `team` (expected one of: email, role, salespeople, scope, active)"]),
    ("typo in a key", {5: "    salespeople: [Claire Martin]\n    activ: true"},
     ["6: people[0].activ: unknown key `activ`; did you mean `active`? (expected one of: email, role, "
      "salespeople, scope, active)"]),
    ("unknown role", {13: "    role: formateur"},
     ['13: people[3].role: expected one of admin, director, rep, trainer (got "formateur")']),
    ("role typo", {13: "    role: trainr"},
     ['13: people[3].role: expected one of admin, director, rep, trainer (got "trainr"); '
      'did you mean "trainer"?']),
    ("missing email", {14: "  - role: admin", 15: None},
     ["14: people[4].email: required key `email` is missing; add it"]),
    ("not an e-mail", {14: "  - email: Service informatique"},
     ['14: people[4].email: expected an e-mail address such as name@example.com (got "Service '
      'informatique")']),
    ("the same e-mail twice after folding", {14: "  - email: ' D.Lefebvre@EXAMPLE.com'"},
     ["14: people[4].email: expected each e-mail once (got d.lefebvre@example.com again, first at "
      "line 6); keep one entry"]),
    ("a rep without salespeople", {5: None},
     ["3: people[0].salespeople: required key `salespeople` is missing: a rep needs the names of its "
      "salespeople as they appear in the client data; add it"]),
    ("a rep with no salesperson", {5: "    salespeople: []"},
     ["5: people[0].salespeople: expected a non-empty list of salespeople's names (got an empty list)"]),
    ("a director without scope", {8: None},
     ["6: people[1].scope: required key `scope` is missing: a director needs `all` or {column: …, "
      "values: […]}; add it"]),
    ("a scope that is another word", {11: "    scope: everything"},
     ["11: people[2].scope: expected all, or a scope such as {column: region, values: [Normandie]} "
      "(got everything)"]),
    ("a scope whose column is a list", {8: "    scope: {column: [region], values: [Normandie]}"},
     ["8: people[1].scope.column: expected a column name (got a list)"]),
    ("a scope whose column is a number", {8: "    scope: {column: 12, values: [Normandie]}"},
     ["8: people[1].scope.column: expected a column name (got the number 12; quote it if the column "
      "is named so)"]),
    ("a scope whose values are empty", {8: "    scope: {column: region, values: []}"},
     ["8: people[1].scope.values: expected a non-empty list of values of that column (got an empty "
      "list)"]),
    ("a scope without values", {8: "    scope: {column: region}"},
     ["8: people[1].scope.values: required key `values` is missing; add it"]),
    ("a scope given to a rep", {5: "    salespeople: [Claire Martin]\n    scope: all"},
     ["6: people[0].scope: key `scope` is for the role director only (got it for the role rep); remove it"]),
    ("salespeople given to an admin", {15: "    role: admin\n    salespeople: [Paul Girard]"},
     ["16: people[4].salespeople: key `salespeople` is for the role rep only (got it for the role admin); remove it"]),
    # YAML booleans where a text is expected
    ("a boolean salesperson", {5: "    salespeople: [Claire Martin, no]"},
     ['5: people[0].salespeople[1]: expected a salesperson\'s name (got a boolean; quote it as "no")']),
    ("a boolean scope value", {8: "    scope: {column: region, values: [Normandie, on]}"},
     ['8: people[1].scope.values[1]: expected a value of that column (got a boolean; quote it as "on")']),
    ("a boolean column", {8: "    scope: {column: yes, values: [Normandie]}"},
     ['8: people[1].scope.column: expected a column name (got a boolean; quote it as "yes")']),
    ("a boolean role", {4: "    role: off"},
     ['4: people[0].role: expected one of admin, director, rep, trainer (got a boolean; quote it as '
      '"off")']),
    ("active that is not a boolean", {19: "    active: no"},
     ["19: people[5].active: expected true or false (got a boolean, no)"]),
    # meaning
    ("version other than 1", {1: "version: 2"},
     ["1: version: expected version 1, the only one this program reads (got 2)"]),
    ("people not a list", {2: "people: it@example.com", **{n: None for n in range(3, 20)}},
     ["2: people: expected a list of people, each {email, role, …} (got it@example.com)"]),
]


@pytest.mark.parametrize("edits, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_rejection_names_its_line_and_key(edits, expected):
    assert issues_of(edited(edits)) == [f"access.yaml:{message}" for message in expected]


def test_every_error_is_reported_at_once():
    text = edited({4: "    role: boss", 8: None, 12: "  - email: it@example.com"})
    issues = issues_of(text)
    # Line 8 removed: the second it@example.com (line 14 before) is now on line 13.
    assert [issue.split(": ")[:2] for issue in issues] == [
        ["access.yaml:4", "people[0].role"], ["access.yaml:6", "people[1].scope"],
        ["access.yaml:13", "people[4].email"]]


@pytest.mark.parametrize("edits", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_every_error_is_said_in_french(edits):
    with pytest.raises(ConfigError) as caught:
        parse_access(edited(edits), "access.yaml")
    issues = caught.value.issues
    assert issues and all(issue.detail is not None and issue.text("fr") != issue.message
                          for issue in issues)
