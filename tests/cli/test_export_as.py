"""`python -m portfolio export --as EMAIL`: only the clients that person may see, refusals
with exit 2, and the export recorded in the audit log."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from portfolio.cli import main
from portfolio.store.audit import audit_entries
from portfolio.store.database import Store
from tests.access.test_datasets_as import db  # noqa: F401  (the fixture: "Team" and a demo)

GRID = str(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")


def exported(database, out: Path, *args: str) -> int:
    return main(["export", "--db", str(database), "--grid", GRID, "--out", str(out), *args])


def salespeople(out: Path) -> list[str]:
    with out.open(encoding="utf-8-sig", newline="") as file:
        return sorted(row["salesperson"] for row in csv.DictReader(file))


def test_a_rep_exports_only_their_clients_and_the_export_is_logged(db, tmp_path):  # noqa: F811
    out = tmp_path / "mine.csv"
    assert exported(db, out, "--dataset", "Team", "--as", "julien.moreau@example.com",
                    "--lang", "en") == 0
    assert salespeople(out) == ["Julien Moreau", "Julien Moreau"]
    store = Store(db)
    try:
        [entry] = audit_entries(store)
    finally:
        store.close()
    assert (entry.actor, entry.action, entry.dataset_name, entry.rows, entry.note) == (
        "julien.moreau@example.com", "export", "Team", 2, "mine.csv")


def test_a_director_exports_their_region_and_without_as_everything_is_exported(db, tmp_path):  # noqa: F811
    north = tmp_path / "north.csv"
    assert exported(db, north, "--dataset", "Team", "--as", "d.lefebvre@example.com",
                    "--lang", "en") == 0
    assert salespeople(north) == ["Claire Martin", "Julien Moreau"]  # the two Normandie clients
    everyone = tmp_path / "all.csv"
    assert exported(db, everyone, "--dataset", "Team", "--lang", "en") == 0
    assert len(salespeople(everyone)) == 6


@pytest.mark.parametrize("email, dataset, message", [
    ("formation@example.com", "Team", "no dataset named 'Team'"),
    ("ancien@example.com", "Team", "no longer has access"),
    ("nobody@example.com", "Team", "has no access")])
def test_a_person_without_access_to_the_data_is_refused_with_exit_2(db, tmp_path, capsys,  # noqa: F811
                                                                    email, dataset, message):
    out = tmp_path / "x.csv"
    assert exported(db, out, "--dataset", dataset, "--as", email) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
