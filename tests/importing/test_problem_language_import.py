"""Every problem with where a file is imported can be said in French: the dataset
chosen, its name, its periods, its columns. The English stays the store's own message."""

from __future__ import annotations

from pathlib import Path

import pytest

import portfolio.importing.service as service
from portfolio.importing import import_file
from portfolio.problems import InputError, Problem
from portfolio.store.database import Store
from tests.corpus.files import FR_HEADER, csv_file


def clients(folder: Path, name: str, *rows: str, header: str = FR_HEADER + ";Notes") -> Path:
    return csv_file(folder, name, [header, *rows])


def numbers(folder: Path) -> Path:
    return clients(folder, "notes.csv", "C1;Alpha;Léa;100;200;3", "C2;Beta;Noé;50;80;4")


def two_periods(folder: Path) -> Path:
    return clients(folder, "periods.csv", "C1;Alpha;Léa;100;200;2026-T1",
                   "C1;Alpha;Léa;120;200;2026-T2", header=FR_HEADER + ";Période")


def refused(store: Store, path: Path, code: str, **destination) -> tuple[Problem, InputError]:
    with pytest.raises(InputError) as raised:
        import_file(store, path, **destination)
    [problem] = [p for p in raised.value.problems if p.code == code]
    return problem, raised.value


def said_in_french(problem: Problem, key: str, french: str) -> None:
    assert problem.detail is not None and problem.detail.key == key
    assert problem.text("en") == problem.reason
    assert problem.text("fr") != problem.reason
    assert french in problem.text("fr"), problem.text("fr")


def test_a_dataset_gone_before_the_import(memory_store, files):
    problem, _ = refused(memory_store, numbers(files), "no_dataset", dataset_id=99)
    said_in_french(problem, "problems_import.no_dataset",
                   "Le jeu de données numéro 99 n'existe plus")
    assert problem.reason == "There is no dataset number 99 any more: choose another dataset."


def test_a_dataset_deleted_while_the_file_is_stored(memory_store, files, monkeypatch):
    # The dataset still exists when the destination is checked, not when rows are added.
    monkeypatch.setattr(service, "get_dataset", lambda store, dataset_id: object())
    problem, error = refused(memory_store, numbers(files), "no_dataset", dataset_id=99)
    said_in_french(problem, "problems_import.dataset_not_found",
                   "Aucun jeu de données ne porte le numéro 99")
    assert problem.reason == str(error.__cause__) == "There is no dataset number 99."


def test_a_name_taken(memory_store, files):
    import_file(memory_store, numbers(files), dataset_name="Sud")
    problem, error = refused(memory_store, numbers(files), "name_taken", dataset_name="Sud")
    said_in_french(problem, "problems_import.name_taken",
                   "Un jeu de données nommé 'Sud' existe déjà : choisissez un autre nom.")
    assert problem.reason == str(error.__cause__)


@pytest.mark.parametrize("name, key, french", [
    ("   ", "problems_import.name_empty", "Un jeu de données doit avoir un nom"),
    ("x" * 130, "problems_import.name_too_long", "au plus 120 caractères ; celui-ci en compte 130"),
])
def test_a_name_empty_or_too_long(memory_store, files, name, key, french):
    problem, error = refused(memory_store, numbers(files), "bad_name", dataset_name=name)
    said_in_french(problem, key, french)
    assert problem.reason == str(error.__cause__)


def test_a_period_already_stored(memory_store, files):
    first = import_file(memory_store, numbers(files), period="2026-T1")
    problem, error = refused(memory_store, numbers(files), "period_exists",
                             dataset_id=first.dataset_id, period="2026-T1")
    said_in_french(problem, "problems_import.period_exists",
                   "Le jeu de données contient déjà la période '2026-T1'")
    assert problem.column == "period" and problem.reason == str(error.__cause__)


def test_several_periods_already_stored(memory_store, files):
    first = import_file(memory_store, two_periods(files))
    problem, error = refused(memory_store, two_periods(files), "period_exists",
                             dataset_id=first.dataset_id)
    said_in_french(problem, "problems_import.periods_exist",
                   "Le jeu de données contient déjà les périodes '2026-T1', '2026-T2'")
    assert problem.reason == str(error.__cause__)


def test_text_where_the_dataset_stores_numbers(memory_store, files):
    first = import_file(memory_store, numbers(files), period="2026-T1")
    text = clients(files, "text.csv", "C1;Alpha;Léa;100;200;urgent")
    problem, error = refused(memory_store, text, "column_type", dataset_id=first.dataset_id,
                             period="2026-T2")
    said_in_french(problem, "problems_import.column_type",
                   "La colonne 'Notes' contient des valeurs de type double dans ce jeu de "
                   "données, mais le fichier contient 'urgent'")
    assert problem.column == "Notes" and problem.reason == str(error.__cause__)


def test_a_column_stored_under_another_name(memory_store, files):
    path = clients(files, "segment.csv", "C1;Alpha;Léa;100;200;A",
                   header=FR_HEADER + ";Segment")
    outcome = import_file(memory_store, path)
    [warning] = [w for w in outcome.warnings if w.code == "column_renamed"]
    said_in_french(warning, "problems_import.column_renamed",
                   "La colonne 'Segment' est enregistrée sous le nom 'Segment (file)'")
    assert warning.reason.startswith("Column 'Segment' is stored as 'Segment (file)': its name "
                                     "is taken by a column the program computes")
    assert warning.column == "Segment" and not warning.blocking
