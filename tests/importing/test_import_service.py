"""import_file: progress, names, new periods, and header mappings remembered per set of headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.importing import import_file, prepare_file
from portfolio.problems import InputError
from portfolio.reading import ReadOptions
from portfolio.store.datasets import get_dataset
from portfolio.store.mappings import headers_key, recall_mapping, save_mapping
from tests.corpus.files import csv_file

CRM_HEADER = "Num;Nom du compte;Vendeur;CA;Potentiel;Marge"


def crm_file(folder: Path, name: str = "crm.csv", rows: tuple[str, ...] = ("7;Alpha;Léa;100;200;12,5",)) -> Path:
    return csv_file(folder, name, [CRM_HEADER, *rows])


CRM_MAP = {"Num": "client_id", "Nom du compte": "client_name"}


def test_progress_goes_through_every_stage_in_order(memory_store, files):
    seen: list[tuple[str, float]] = []
    import_file(memory_store, crm_file(files), options=ReadOptions(column_map=CRM_MAP),
                progress=lambda stage, fraction: seen.append((stage, fraction)))
    stages = [s for s, _ in seen]
    assert stages[0] == "reading" and stages[-1] == "done"
    assert [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s] == [
        "reading", "validating", "storing", "done"]
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_a_refused_file_stops_before_storing(memory_store, files):
    seen: list[str] = []
    with pytest.raises(InputError):
        import_file(memory_store, crm_file(files), progress=lambda stage, _: seen.append(stage))
    assert "storing" not in seen


def test_the_dataset_is_named_after_the_file_and_never_replaces_another(memory_store, files):
    path = crm_file(files, "Portefeuille  Sud.csv")
    options = ReadOptions(column_map=CRM_MAP)
    first = import_file(memory_store, path, options=options)
    second = import_file(memory_store, path, options=options)
    third = import_file(memory_store, path, options=options, source="Portefeuille Sud.xlsx")
    assert [first.dataset_name, second.dataset_name, third.dataset_name] == [
        "Portefeuille Sud", "Portefeuille Sud (2)", "Portefeuille Sud (3)"]
    assert len({first.dataset_id, second.dataset_id, third.dataset_id}) == 3


def test_a_new_period_of_an_existing_dataset(memory_store, files):
    options = ReadOptions(column_map=CRM_MAP)
    first = import_file(memory_store, crm_file(files), options=options, dataset_name="Sud",
                        period="2026-Q1")
    later = crm_file(files, "q2.csv", ("7;Alpha;Léa;150;200;13", "8;Beta;Noé;10;20;1"))
    outcome = import_file(memory_store, later, options=options, dataset_id=first.dataset_id,
                          period="2026-Q2")
    assert (outcome.new_dataset, outcome.periods, outcome.rows) == (False, ("2026-Q2",), 2)
    with memory_store.reading() as cur:
        assert cur.execute(f"SELECT period, client_id, revenue, margin FROM "
                           f"{get_dataset(memory_store, first.dataset_id).table} ORDER BY ALL").fetchall() == [
            ("2026-Q1", "7", 100.0, 12.5), ("2026-Q2", "7", 150.0, 13.0),
            ("2026-Q2", "8", 10.0, 1.0)]


def test_a_mapping_chosen_once_is_applied_to_the_next_file_with_the_same_headers(memory_store, files):
    import_file(memory_store, crm_file(files), options=ReadOptions(column_map=CRM_MAP))
    # Same headers in another order: recognised as the same export.
    reordered = csv_file(files, "next.csv", ["Potentiel;CA;Vendeur;Nom du compte;Num;Marge",
                                             "300;30;Léa;Gamma;9;1"])
    prepared = prepare_file(memory_store, reordered)
    assert prepared.remembered and prepared.result.report.ok
    assert dict(prepared.options.column_map) == CRM_MAP
    outcome = import_file(memory_store, reordered)
    with memory_store.reading() as cur:
        assert cur.execute(f"SELECT client_id, client_name FROM {get_dataset(memory_store, outcome.dataset_id).table}"
                           ).fetchall() == [("9", "Gamma")]


def test_a_file_with_other_headers_gets_no_remembered_mapping(memory_store, files):
    import_file(memory_store, crm_file(files), options=ReadOptions(column_map=CRM_MAP))
    other = csv_file(files, "other.csv", ["Num;Nom du compte;Vendeur;CA;Potentiel",
                                          "9;Gamma;Léa;30;300"])
    prepared = prepare_file(memory_store, other)
    assert not prepared.remembered
    assert {p.code for p in prepared.result.report.errors} == {"missing_column"}


def test_an_explicit_mapping_wins_over_the_remembered_one(memory_store, files):
    save_mapping(memory_store, CRM_HEADER.split(";"), {"Num": "client_id", "Nom du compte": "client_name"})
    prepared = prepare_file(memory_store, crm_file(files),
                            ReadOptions(column_map={"Num": "client_id", "Nom du compte": "client_name",
                                                    "Marge": None}))
    assert not prepared.remembered
    assert prepared.result.mapping["Marge"] is None


def test_mapping_memory_keys_on_the_set_of_headers(memory_store):
    assert headers_key(["a", "b "]) == headers_key([" b", "a"])
    assert headers_key(["a", "b"]) != headers_key(["a", "B"])
    assert recall_mapping(memory_store, ["a"]) == {}
    # Only choices about the file's own headers, and only contract columns, are kept.
    save_mapping(memory_store, ["a", "b"], {"a": "client_id", "b": None, "zz": "revenue",
                                            "b2": "nonsense"})
    assert recall_mapping(memory_store, ["b", "a"]) == {"a": "client_id", "b": None}


def test_a_failed_import_remembers_nothing(memory_store, files):
    bad = crm_file(files, rows=("7;Alpha;Léa;abc;200;1",))
    with pytest.raises(InputError):
        import_file(memory_store, bad, options=ReadOptions(column_map=CRM_MAP))
    assert recall_mapping(memory_store, CRM_HEADER.split(";")) == {}
