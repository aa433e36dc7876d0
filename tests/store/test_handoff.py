"""Commands run beside the process that holds the database: handed to it, run by its own
store, their output and exit code returned; two imports at once end as two datasets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portfolio.cli import main
from portfolio.store import handoff
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets

ROOT = Path(__file__).resolve().parents[2]
CSV = "client_id,client_name,salesperson,revenue,potential\n" + "".join(
    f"c{i},Client {i},Claire Martin,{100 + i},{1000 + i}\n" for i in range(50))


@pytest.fixture
def held(tmp_path):
    """A database held by this process, as the app server holds it, taking commands."""
    store = Store(tmp_path / "portfolio.duckdb")
    assert handoff.serve(store, main) is not None
    yield store
    handoff.stop_serving(store)
    store.close()


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m portfolio ARGS` in another process, as a scheduled job runs it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "portfolio", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_an_import_and_a_listing_run_beside_the_holder_are_run_by_it(held, tmp_path):
    (tmp_path / "clients.csv").write_text(CSV, encoding="utf-8")
    db = str(Path(held.path))
    done = command("import", "clients.csv", "--dataset", "Monthly", "--period", "2026-11",
                   "--db", db, cwd=tmp_path)  # a relative path: the holder's folder differs
    assert done.returncode == 0, done.stderr
    assert "Monthly" in done.stdout
    assert [(d.name, d.rows) for d in list_datasets(held)] == [("Monthly", 50)]
    listed = command("datasets", "--db", db, cwd=tmp_path)
    assert listed.returncode == 0 and "Monthly" in listed.stdout
    refused = command("export", "--dataset", "Nothing", "--out", "x.csv", "--db", db,
                      cwd=tmp_path)
    assert refused.returncode == 2 and "no dataset named 'Nothing'" in refused.stderr


def test_two_imports_started_together_end_as_two_complete_datasets(held, tmp_path):
    (tmp_path / "clients.csv").write_text(CSV, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    jobs = [subprocess.Popen([sys.executable, "-m", "portfolio", "import", "clients.csv",
                              "--dataset", name, "--db", held.path], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in ("North", "South")]
    for job in jobs:
        _, err = job.communicate(timeout=120)
        assert job.returncode == 0, err
    assert sorted((d.name, d.rows) for d in list_datasets(held)) == [("North", 50), ("South", 50)]


def test_without_a_listening_holder_the_command_says_the_file_is_held(tmp_path):
    held = Store(tmp_path / "portfolio.duckdb")  # held, but taking no command
    try:
        done = command("datasets", "--db", held.path, cwd=tmp_path)
    finally:
        held.close()
    assert done.returncode == 2 and "another program" in done.stderr


def test_paths_are_made_absolute_and_other_arguments_left_alone(tmp_path):
    (tmp_path / "in.csv").write_text("x", encoding="utf-8")
    assert handoff.absolute_paths(
        ["import", "in.csv", "--dataset", "Team", "--out", "out.xlsx", "--as", "a@b.fr"],
        tmp_path) == ["import", str(tmp_path / "in.csv"), "--dataset", "Team", "--out",
                      str(tmp_path / "out.xlsx"), "--as", "a@b.fr"]


def test_the_socket_is_its_owners_only(held):
    assert oct(handoff.socket_path(held.path).stat().st_mode & 0o777) == "0o600"
