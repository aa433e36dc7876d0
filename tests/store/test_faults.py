"""Faults are told apart by what DuckDB and the system say, and the first error of a
failed transaction is the one reported, whatever its ROLLBACK or DETACH say after it."""

from __future__ import annotations

import errno

import duckdb
import pytest

from portfolio.faults import (DiskFull, MissingFolder, OutOfMemory, ReadOnlyFolder, StoreBusy,
                              TempFull, TempUnwritable, first_error, store_fault, temporary_fault)
from portfolio.store.database import Store

DB = "/data/portfolio.duckdb"
# Messages as DuckDB 2.0 wrote them in these situations (measured on a 4 MB tmpfs).
WRITE_FULL = f'IO Error: Could not write file "{DB}": No space left on device'
CHECKPOINT_FULL = ('FATAL Error: Failed to create checkpoint because of error: Could not write '
                   f'file "{DB}": No space left on device')
ABORTED = ("TransactionContext Error: Current transaction is aborted (please ROLLBACK)")
NO_TRANSACTION = "TransactionContext Error: cannot rollback - no transaction is active"
INVALIDATED = ("FATAL Error: Failed: database has been invalidated because of a previous fatal "
               "error. The database must be restarted prior to being used again.")


@pytest.mark.parametrize(("error", "kind"), [
    (duckdb.IOException(WRITE_FULL), DiskFull),
    (duckdb.FatalException(CHECKPOINT_FULL), DiskFull),
    (duckdb.IOException(f'IO Error: Cannot open file "{DB}": Read-only file system'),
     ReadOnlyFolder),
    (duckdb.IOException(f'IO Error: Cannot open file "{DB}": Permission denied'), ReadOnlyFolder),
    (duckdb.IOException(f'IO Error: Cannot open file "{DB}": No such file or directory'),
     MissingFolder),
    (duckdb.IOException(f'IO Error: Could not set lock on file "{DB}": Conflicting lock is held '
                        'in /usr/bin/python3.11 (PID 4242)'), StoreBusy),
    (duckdb.OutOfMemoryException("Out of Memory Error: failed to offload data block of size "
                                 "256.0 KiB (1.2 GiB/1.2 GiB used). This limit was set by the "
                                 "'max_temp_directory_size' setting."), DiskFull),
    (duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate data of size 8.3 MiB "
                                 "(1.8 MiB/10.0 MiB used)"), OutOfMemory),
    (OSError(errno.ENOSPC, "No space left on device"), DiskFull),
    (OSError(errno.EROFS, "Read-only file system", "/data"), ReadOnlyFolder),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory", "/data/x"), MissingFolder),
])
def test_store_faults_by_what_they_say(error, kind):
    fault = store_fault(error, DB)
    assert type(fault) is kind
    assert DB in str(fault) and DB in fault.text("fr")
    assert str(fault) != fault.text("fr")


@pytest.mark.parametrize("error", [
    # A parse error quoting a cell that happens to read like the system: not a fault.
    duckdb.InvalidInputException('Conversion Error: Could not convert string "No space left on '
                                 'device" to DOUBLE'),
    duckdb.BinderException('Binder Error: Referenced column "Permission denied" not found'),
    ValueError("No space left on device"),
])
def test_errors_that_are_not_faults(error):
    assert store_fault(error, DB) is None
    assert temporary_fault(error, "/tmp") is None


def test_the_temporary_folder_s_faults(tmp_path):
    full = temporary_fault(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    assert type(full) is TempFull and full.place == str(tmp_path)
    staging = tmp_path / "portfolio-read-abc123" / "rows.duckdb"
    gone = temporary_fault(duckdb.IOException(f'IO Error: Cannot open file "{staging}": '
                                              f'No such file or directory'), tmp_path)
    assert type(gone) is TempUnwritable
    # The user's file (or an upload's copy) gone is not a fault of the temporary folder.
    upload = tmp_path / "portfolio-uploads" / "upload-x.csv"
    assert temporary_fault(FileNotFoundError(errno.ENOENT, "No such file or directory",
                                             str(upload)), tmp_path) is None


def test_first_error_follows_follow_on_errors_only():
    first = duckdb.IOException(WRITE_FULL)
    follow_on = duckdb.TransactionException(ABORTED)
    follow_on.__context__ = first
    assert first_error(follow_on) is first
    unrelated = ValueError("a bug")
    unrelated.__context__ = first
    assert first_error(unrelated) is unrelated


class FakeCursor:
    """Answers each statement from `script` (an exception to raise), else does nothing."""

    def __init__(self, script: dict[str, BaseException]):
        self.script = script
        self.executed: list[str] = []

    def execute(self, sql: str, *args):
        self.executed.append(sql)
        if sql in self.script:
            raise self.script[sql]
        return self

    def close(self) -> None:
        pass


class FakeConnection:
    def __init__(self, script: dict[str, BaseException]):
        self.last = FakeCursor(script)

    def cursor(self) -> FakeCursor:
        return self.last

    def close(self) -> None:
        pass


@pytest.fixture
def store():
    store = Store(":memory:")
    yield store
    store.close()


def test_a_failed_commit_is_reported_not_the_rollback_after_it(store):
    cause = duckdb.IOException(WRITE_FULL)
    store._con = FakeConnection({"COMMIT": cause,
                                 "ROLLBACK": duckdb.TransactionException(NO_TRANSACTION)})
    with pytest.raises(DiskFull) as raised:
        with store.transaction() as cur:
            cur.execute("INSERT INTO t VALUES (1)")
    assert raised.value.__cause__ is cause
    assert "no transaction is active" not in str(raised.value)
    assert store._con.last.executed[-1] == "ROLLBACK"


def test_a_failed_write_is_reported_not_the_detach_after_it(store):
    """What `ReadRows.attached` does: DETACH in a `finally` once the insert failed."""
    cause = duckdb.IOException(WRITE_FULL)
    store._con = FakeConnection({"INSERT": cause, "DETACH staged": duckdb.TransactionException(ABORTED)})
    with pytest.raises(DiskFull) as raised:
        with store.transaction() as cur:
            try:
                cur.execute("INSERT")
            finally:
                cur.execute("DETACH staged")
    assert raised.value.__cause__ is cause


def test_a_bug_is_raised_as_itself_when_the_rollback_fails(store):
    store._con = FakeConnection({"ROLLBACK": duckdb.TransactionException(NO_TRANSACTION)})
    with pytest.raises(KeyError, match="a bug"):
        with store.transaction():
            raise KeyError("a bug")


def test_after_a_fatal_error_the_store_opens_its_database_again(store):
    cause = duckdb.FatalException(CHECKPOINT_FULL)
    store._con = FakeConnection({"COMMIT": cause, "ROLLBACK": duckdb.FatalException(INVALIDATED)})
    with pytest.raises(DiskFull) as raised:
        with store.transaction():
            pass
    assert raised.value.__cause__ is cause
    with store.transaction() as cur:  # a real connection again (":memory:" anew)
        cur.execute("CREATE TABLE after_the_fault (x INTEGER)")
    with store.reading() as cur:
        assert cur.execute("SELECT count(*) FROM after_the_fault").fetchall() == [(0,)]
