"""`python -m portfolio import --shared` and the description an import keeps: a client
file that lists a client under several reps, and a file written by `build-clients`."""

from __future__ import annotations

from tests.cli.test_build_clients_command import LINES, run, write
from tests.importing.snapshot import rows_of, snapshot

SHARED = ["client_id;client_name;salesperson;revenue;potential;marge;region",
          "C1;Alpha;Ann;600;1000;60;Nord",
          "C1;Alpha;Bob;400;1000;40;Nord",
          "C2;Beta;Bob;100;500;10;Sud"]


def clients(db, name: str) -> list[tuple]:
    return rows_of(db, "SELECT client_id, salesperson, revenue, potential, margin, region "
                       f"FROM clients_{dataset_id(db, name)} ORDER BY client_id")


def dataset_id(db, name: str) -> int:
    [(found,)] = rows_of(db, "SELECT dataset_id FROM datasets WHERE name = ?", [name])
    return found


def description(db, name: str) -> str | None:
    [(found,)] = rows_of(db, "SELECT description FROM datasets WHERE name = ?", [name])
    return found


def test_without_a_choice_a_shared_account_is_refused_with_the_choices_named(seeded_db, tmp_path):
    path = write(tmp_path / "shared.csv", SHARED)
    before = snapshot(seeded_db)
    done = run("import", path, "--db", seeded_db)
    assert done.returncode == 2
    assert "a shared account" in done.stderr and "`import --shared main`" in done.stderr
    assert snapshot(seeded_db) == before


def test_main_gives_the_client_to_its_main_rep_and_counts_its_potential_once(seeded_db, tmp_path):
    path = write(tmp_path / "shared.csv", SHARED)
    done = run("import", path, "--shared", "main", "--dataset", "main", "--db", seeded_db)
    assert done.returncode == 0, done.stderr
    # By hand: 600 + 400 under Ann (the larger share), margins added, potential 1,000 once.
    assert clients(seeded_db, "main") == [("C1", "Ann", 1000.0, 1000.0, 100.0, "Nord"),
                                          ("C2", "Bob", 100.0, 500.0, 10.0, "Sud")]
    assert rows_of(seeded_db, f"SELECT team FROM clients_{dataset_id(seeded_db, 'main')} "
                              "ORDER BY client_id") == [("Bob",), (None,)]
    assert description(seeded_db, "main").startswith(
        "Shared accounts: 1 clients listed under several reps, each owned by its main rep")


def test_split_gives_each_rep_a_row_and_the_potential_by_share(seeded_db, tmp_path):
    path = write(tmp_path / "shared.csv", SHARED)
    done = run("import", path, "--shared", "split", "--dataset", "split", "--db", seeded_db)
    assert done.returncode == 0, done.stderr
    # Ann 600 of 1,000: 60 % of the potential of 1,000; Bob 40 %.
    assert clients(seeded_db, "split") == [("C1~1", "Ann", 600.0, 600.0, 60.0, "Nord"),
                                           ("C1~2", "Bob", 400.0, 400.0, 40.0, "Nord"),
                                           ("C2", "Bob", 100.0, 500.0, 10.0, "Sud")]
    assert rows_of(seeded_db, f"SELECT sum(potential) FROM clients_{dataset_id(seeded_db, 'split')}"
                   ) == [(1500.0,)]


def test_a_client_twice_under_one_rep_is_not_a_shared_account(seeded_db, tmp_path):
    path = write(tmp_path / "twice.csv", [*SHARED, "C1;Alpha;Ann;600;1000;60;Nord"])
    before = snapshot(seeded_db)
    done = run("import", path, "--shared", "main", "--db", seeded_db)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert snapshot(seeded_db) == before


def test_a_file_built_by_build_clients_keeps_its_choices_as_the_description(seeded_db, tmp_path):
    lines = write(tmp_path / "lignes.csv", LINES)
    out = tmp_path / "clients.csv"
    assert run("build-clients", lines, "--won", "gagné", "--out", out).returncode == 0
    done = run("import", out, "--dataset", "built", "--db", seeded_db)
    assert done.returncode == 0, done.stderr
    said = description(seeded_db, "built").splitlines()
    assert said[0] == "Built from sales lines (lignes.csv) with these choices:"
    assert "stage filter: column 'étape' in 'gagné' (2 lines kept)" in said
    assert any(line.startswith("window: 12m ending on 2026-01-06 (the latest line)") for line in said)
    # A description given wins over the file's choices.
    done = run("import", out, "--dataset", "told", "--description", "From the CRM, June",
               "--db", seeded_db)
    assert done.returncode == 0, done.stderr
    assert description(seeded_db, "told") == "From the CRM, June"
