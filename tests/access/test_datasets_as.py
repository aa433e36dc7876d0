"""`python -m portfolio datasets --as EMAIL`: only what that person may see, refusals on standard error."""

from __future__ import annotations

import textwrap

import pytest

from portfolio.cli import main
from portfolio.cli.as_option import visibility_on
from portfolio.cli.common import UserError
from portfolio.store.datasets import find_dataset
from portfolio.store.audit import audit_entries
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from tests.access.kit import DIRECTOR_BY_AREA, REP, TRAINER, seeded

ACCESS = textwrap.dedent("""\
    version: 1
    people:
      - {email: claire.martin@example.com, role: rep, salespeople: [Claire Martin]}
      - {email: julien.moreau@example.com, role: rep, salespeople: [Julien Moreau]}
      - {email: d.lefebvre@example.com, role: director, scope: {column: region, values: [Normandie]}}
      - {email: zone@example.com, role: director, scope: {column: area, values: [Nord]}}
      - {email: formation@example.com, role: trainer}
      - {email: it@example.com, role: admin}
      - {email: ancien@example.com, role: rep, salespeople: [Paul Girard], active: false}
    """)


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A database with the imported dataset "Team" (6 clients) and a demo one (2), and the access file."""
    config = tmp_path / "config"
    config.mkdir()
    (config / "access.yaml").write_text(ACCESS, encoding="utf-8")
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    path = tmp_path / "portfolio.duckdb"
    store = Store(path)
    seeded(store)
    store.close()
    return path


def datasets(db, *args: str) -> list[str]:
    return ["datasets", "--db", str(db), *args]


def listed(out: str) -> list[tuple[str, str]]:
    """(name, rows) of each line of the table."""
    lines = out.splitlines()
    assert lines[0].split() == ["name", "source", "imported", "at", "rows", "currency", "periods"]
    return [(line[:14].strip(), line.split()[-3]) for line in lines[1:] if not line.startswith("note:")]


def test_a_rep_sees_the_count_of_its_own_clients_only(db, capsys):
    assert main(datasets(db, "--as", " Julien.Moreau@EXAMPLE.com")) == 0
    # Julien Moreau has c3 and c4 in Team, no client in the demo.
    assert listed(capsys.readouterr().out) == [("Team", "2"), ("Demo portfolio", "0")]


def test_a_trainer_is_shown_the_demo_only(db, capsys):
    assert main(datasets(db, "--as", "formation@example.com")) == 0
    assert listed(capsys.readouterr().out) == [("Demo portfolio", "2")]
    assert main(datasets(db, "--as", "formation@example.com", "--rename", "Team", "Mine")) == 2
    assert capsys.readouterr().err == ("error: no dataset named 'Team'; the datasets are: "
                                       "'Demo portfolio'.\n")


def test_a_director_is_told_why_a_dataset_shows_no_client(db, capsys):
    assert main(datasets(db, "--as", "zone@example.com")) == 0
    out = capsys.readouterr().out
    assert listed(out) == [("Team", "0"), ("Demo portfolio", "0")]
    assert ("note: Your scope is the clients whose area is one of Nord, but the dataset Team has no "
            "column area: it shows you no client.") in out.splitlines()


@pytest.mark.parametrize("email, reason", [
    ("stranger@example.com", "error: stranger@example.com has no access: ask an administrator to add "
                             "this e-mail to the access file.\n"),
    ("ancien@example.com", "error: ancien@example.com no longer has access (active: false in the "
                           "access file).\n"),
])
def test_an_email_without_access_is_refused_with_exit_2(db, capsys, email, reason):
    assert main(datasets(db, "--as", email)) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", reason)


def test_rename_and_delete_are_refused_per_role_and_recorded_when_allowed(db, capsys):
    assert main(datasets(db, "--as", "claire.martin@example.com", "--delete", "Team", "--yes")) == 2
    assert capsys.readouterr().err == "error: The role rep may not delete a dataset.\n"
    # Refused before being asked to confirm.
    assert main(datasets(db, "--as", "d.lefebvre@example.com", "--delete", "Team")) == 2
    assert capsys.readouterr().err == "error: The role director may not delete a dataset.\n"
    assert main(datasets(db, "--as", "d.lefebvre@example.com", "--rename", "Team", "North")) == 2
    assert capsys.readouterr().err == "error: The role director may not rename a dataset.\n"
    assert main(datasets(db, "--as", "it@example.com", "--rename", "Team", "Whole team")) == 0
    store = Store(db)
    try:
        assert [d.name for d in list_datasets(store)] == ["Whole team", "Demo portfolio"]
        assert [(e.actor, e.action, e.dataset_name, e.note) for e in audit_entries(store)] == [
            ("it@example.com", "rename", "Whole team", "Team")]
    finally:
        store.close()


def test_without_as_the_local_user_sees_everything(db, capsys):
    assert main(datasets(db)) == 0
    assert listed(capsys.readouterr().out) == [("Team", "6"), ("Demo portfolio", "2")]


def test_as_without_an_access_file_is_a_user_error(db, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(tmp_path / "elsewhere"))
    assert main(datasets(db, "--as", "it@example.com")) == 2
    assert "--as needs the access file" in capsys.readouterr().err


def test_a_command_gets_the_persons_visibility_or_the_reason_as_a_user_error(memory_store):
    seeded(memory_store)
    team = find_dataset(memory_store, "Team")
    assert visibility_on(memory_store, REP, team).key == ("only", "Claire Martin")
    with pytest.raises(UserError) as caught:
        visibility_on(memory_store, TRAINER, team)
    assert caught.value.lines == [
        "error: A trainer sees the demonstration datasets only, and this dataset was imported."]
    with pytest.raises(UserError):
        visibility_on(memory_store, DIRECTOR_BY_AREA, team)
