"""`migrate`: a DuckDB file holding two datasets of two periods each, an objective and an
audit log, copied to PostgreSQL and back: every table counted and checksummed, and every
export the same before and after."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from portfolio.access import Person, Role
from portfolio.cli import main
from portfolio.demo import generate_demo
from portfolio.demo.history import PREVIOUS_PERIOD, previous_quarter
from portfolio.store import guarded
from portfolio.store.audit import audit_entries
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from portfolio.store.preferences import recall, remember
from portfolio.store.shared import SharedStore

ADMIN = Person("admin@example.com", Role.ADMIN)


def two_datasets_of_two_periods(path: Path) -> Path:
    store = Store(path)
    for name, seed in (("North", 1), ("South", 2)):
        frame = generate_demo(n_clients=400, n_reps=4, seed=seed)
        dataset_id = guarded.create_dataset(store, ADMIN, frame, name=name, source=f"{name}.csv")
        guarded.add_period(store, ADMIN, dataset_id, previous_quarter(frame), source="before.csv",
                           period=PREVIOUS_PERIOD)
    guarded.rename_dataset(store, ADMIN, 2, "South 2026")
    remember(store, ADMIN.email, "language", "fr")
    store.close()
    return path


def exports(db: str, folder: Path) -> dict[tuple[str, str], pd.DataFrame]:
    """Every dataset and period exported by the command, read back."""
    store = Store(db) if not db.startswith("postgresql") else SharedStore(db)
    try:
        wanted = [(d.name, p) for d in list_datasets(store) for p in d.periods]
    finally:
        store.close()
    out = {}
    folder.mkdir()
    for name, period in wanted:
        file = folder / f"{name}-{period}.csv"
        assert main(["export", "--dataset", name, "--period", period, "--out", str(file),
                     "--db", db]) == 0
        out[(name, period)] = pd.read_csv(file)
    return out


def test_migrate_copies_every_dataset_period_and_entry_and_every_export_is_equal(
        tmp_path, shared_url, capsys):
    source = str(two_datasets_of_two_periods(tmp_path / "team.duckdb"))
    before = exports(source, tmp_path / "before")
    assert len(before) == 4

    assert main(["migrate", "--from", source, "--to", shared_url]) == 0
    report = capsys.readouterr()
    assert "DIFFERENT" not in report.out and "every table equal" in report.err
    for table in ("datasets", "dataset_periods", "audit_log", "person_preferences", "clients_1", "clients_2"):
        assert any(line.startswith(table) and line.endswith("equal") for line in report.out.splitlines()), table

    after = exports(shared_url, tmp_path / "after")
    assert after.keys() == before.keys()
    for key in before:
        pd.testing.assert_frame_equal(after[key], before[key], check_like=False)

    shared = SharedStore(shared_url)
    try:
        assert [e.action for e in audit_entries(shared)] == [e.action for e in audit_entries(Store(source))]
        assert recall(shared, ADMIN.email) == {"language": "fr"}
        # Ids go on from the copied ones: a new import never takes an id of the log.
        assert guarded.create_dataset(shared, ADMIN, generate_demo(n_clients=40, n_reps=4),
                                      name="West") == 3
    finally:
        shared.close()

    # And back to a file: the same tables again.
    back = tmp_path / "back.duckdb"
    assert main(["migrate", "--from", shared_url, "--to", str(back)]) == 0
    assert "DIFFERENT" not in capsys.readouterr().out


def test_migrate_refuses_a_target_that_holds_data_and_copies_nothing(tmp_path, shared_url, capsys):
    source = str(two_datasets_of_two_periods(tmp_path / "team.duckdb"))
    assert main(["migrate", "--from", source, "--to", shared_url]) == 0
    capsys.readouterr()
    assert main(["migrate", "--from", source, "--to", shared_url]) == 2
    err = capsys.readouterr().err
    assert "already holds 2 dataset(s)" in err and "Traceback" not in err
    shared = SharedStore(shared_url)
    try:
        assert [d.name for d in list_datasets(shared)] == ["North", "South 2026"]
    finally:
        shared.close()
