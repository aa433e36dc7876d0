"""Writes made by a person: refused by role in the core, and each recorded in the audit log
(who, what, which dataset, rows) in the same transaction as the change."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.access import PermissionRefused
from portfolio.store import guarded
from portfolio.store.audit import audit_entries
from portfolio.store.datasets import get_dataset, list_datasets
from tests.access.kit import (ADMIN, CLIENTS, DIRECTOR_ALL, DIRECTOR_BY_AREA, DIRECTOR_NORTH, REP,
                              TRAINER, clients_frame, seeded)

CSV_HEADER = "client_id,client_name,salesperson,region,revenue,potential\n"


def csv_file(folder: Path, *rows: str) -> Path:
    path = folder / "clients.csv"
    path.write_text(CSV_HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def entries(store) -> list[tuple]:
    """The log as (actor, role, action, dataset id, dataset name, rows, periods, note), oldest first."""
    return [(e.actor, e.role, e.action, e.dataset_id, e.dataset_name, e.rows, e.periods, e.note)
            for e in reversed(audit_entries(store))]


def test_each_write_of_an_admin_is_recorded_with_who_what_dataset_and_rows(memory_store, tmp_path):
    store = memory_store
    first = guarded.create_dataset(store, ADMIN, clients_frame(), name="Team", source="team.csv",
                                   period="2026-Q2")
    guarded.add_period(store, ADMIN, first, clients_frame(CLIENTS[:4]), source="q3.csv", period="2026-Q3")
    imported = guarded.import_file(store, ADMIN, csv_file(tmp_path, "x1,X,Ann,Nord,1,10"),
                                   dataset_name="North", period="2026-Q3")
    guarded.rename_dataset(store, ADMIN, first, "Whole team")
    guarded.delete_dataset(store, ADMIN, imported.dataset_id)
    guarded.record_export(store, ADMIN, get_dataset(store, first), 10, "team.xlsx")
    it = ("it@example.com", "admin")
    second = imported.dataset_id
    assert entries(store) == [
        (*it, "import", first, "Team", 6, ("2026-Q2",), "team.csv"),
        (*it, "add_period", first, "Team", 4, ("2026-Q3",), "q3.csv"),
        (*it, "import", second, "North", 1, ("2026-Q3",), "clients.csv"),
        (*it, "rename", first, "Whole team", None, (), "Team"),
        (*it, "delete", second, "North", 1, (), None),
        (*it, "export", first, "Whole team", 10, (), "team.xlsx"),
    ]
    assert all(entry.at is not None for entry in audit_entries(store))


def test_loading_the_demo_is_recorded(memory_store):
    demo_id = guarded.load_demo(memory_store, ADMIN)
    demo = get_dataset(memory_store, demo_id)
    assert demo.is_demo
    (entry,) = audit_entries(memory_store)
    assert (entry.action, entry.dataset_id, entry.dataset_name, entry.rows) == (
        "load_demo", demo_id, "Demo portfolio", demo.rows)


@pytest.mark.parametrize("person", [REP, TRAINER], ids=["rep", "trainer"])
def test_reps_and_trainers_store_nothing(memory_store, tmp_path, person):
    team, demo = seeded(memory_store)
    before = list_datasets(memory_store)
    attempts = [
        lambda: guarded.create_dataset(memory_store, person, clients_frame(), name="Mine"),
        lambda: guarded.add_period(memory_store, person, demo, clients_frame(), period="2026-Q4"),
        lambda: guarded.import_file(memory_store, person, csv_file(tmp_path, "x1,X,Ann,Nord,1,10")),
        lambda: guarded.import_file(memory_store, person, csv_file(tmp_path, "x1,X,Ann,Nord,1,10"),
                                    dataset_id=demo, period="2026-Q4"),
        lambda: guarded.rename_dataset(memory_store, person, demo, "Renamed"),
        lambda: guarded.delete_dataset(memory_store, person, demo),
        lambda: guarded.load_demo(memory_store, person),
        lambda: guarded.read_audit(memory_store, person),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionRefused):
            attempt()
    assert list_datasets(memory_store) == before and audit_entries(memory_store) == []


def test_a_director_imports_within_its_scope_but_deletes_nothing(memory_store, tmp_path):
    north = guarded.import_file(memory_store, DIRECTOR_NORTH,
                                csv_file(tmp_path, "n1,N,Ann,Normandie,1,10", "n2,M,Ben, hauts-de-france,2,20"),
                                dataset_name="North", period="2026-Q3")
    assert north.rows == 2
    with pytest.raises(PermissionRefused) as caught:
        guarded.delete_dataset(memory_store, DIRECTOR_NORTH, north.dataset_id)
    assert str(caught.value) == "The role director may not delete a dataset."
    with pytest.raises(PermissionRefused):
        guarded.rename_dataset(memory_store, DIRECTOR_NORTH, north.dataset_id, "Other")
    assert [(e.actor, e.action, e.rows) for e in guarded.read_audit(memory_store, DIRECTOR_NORTH)] == [
        ("d.lefebvre@example.com", "import", 2)]


def test_a_file_with_clients_outside_the_scope_is_refused_whole(memory_store, tmp_path):
    team, _demo = seeded(memory_store)
    before = list_datasets(memory_store)
    # One client of Bretagne and one without region: two outside the scope.
    outside = csv_file(tmp_path, "n1,N,Ann,Normandie,1,10", "b1,B,Ann,Bretagne,1,10", "z1,Z,Ann,,1,10")
    with pytest.raises(PermissionRefused) as caught:
        guarded.import_file(memory_store, DIRECTOR_NORTH, outside, dataset_name="North")
    assert str(caught.value) == ("The file holds 2 client(s) outside your scope (clients whose region "
                                 "is one of Hauts-de-France, Normandie): nothing was stored.")
    with pytest.raises(PermissionRefused):
        guarded.add_period(memory_store, DIRECTOR_NORTH, team, clients_frame(), period="2026-Q4")
    # Refused inside the transaction: neither the rows nor a log entry were kept.
    assert list_datasets(memory_store) == before and audit_entries(memory_store) == []


def test_a_director_whose_column_a_file_lacks_stores_nothing_and_scope_all_stores_anything(memory_store):
    with pytest.raises(PermissionRefused):
        guarded.create_dataset(memory_store, DIRECTOR_BY_AREA, clients_frame(), name="Team")
    assert list_datasets(memory_store) == []
    guarded.create_dataset(memory_store, DIRECTOR_ALL, clients_frame(), name="Team")
    assert [d.rows for d in list_datasets(memory_store)] == [6]


def test_the_log_outlives_the_dataset_it_speaks_of(memory_store):
    team, _demo = seeded(memory_store)
    guarded.delete_dataset(memory_store, ADMIN, team)
    assert get_dataset(memory_store, team) is None
    assert [(e.action, e.dataset_name, e.rows) for e in audit_entries(memory_store)] == [
        ("delete", "Team", 6)]


def test_a_grid_file_is_saved_by_a_trainer_and_refused_to_a_rep_in_the_core(memory_store, tmp_path):
    text = (Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml").read_text(
        encoding="utf-8")
    with pytest.raises(PermissionRefused, match="may not save a grid file"):
        guarded.save_grid_file(memory_store, REP, text, tmp_path, "tuned.yaml")
    assert not (tmp_path / "tuned.yaml").exists()
    saved = guarded.save_grid_file(memory_store, TRAINER, text, tmp_path, "tuned.yaml")
    assert saved.read_text(encoding="utf-8") == text
    assert [(e.actor, e.action, e.note) for e in audit_entries(memory_store)] == [
        (TRAINER.email, "save_grid", "tuned.yaml")]
