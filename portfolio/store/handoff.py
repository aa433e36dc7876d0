"""Commands handed to the app server that holds the database.

DuckDB admits one process per database file: while the app server has it open, a
command run beside it (the monthly import from a scheduled job, a director's export)
cannot open it. So the server listens on a local socket, and a command that finds the
file held sends its arguments there instead: the server runs the same command, through
its own store (its write lock serialising it with the app's writes, its transactions
keeping every reader on the old or the new data), and sends back the exit code and
what the command printed.

The socket is a Unix domain socket in the temporary folder, named from the database's
path and readable by its owner only (mode 0600): whoever may use it could open the
database file itself. Paths in the arguments are made absolute by the sender, since
the server's working folder is not the command's.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import socket
import socketserver
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from portfolio.store.database import Store

# A command's request is its arguments: a few hundred bytes. Anything far larger is not one.
MAX_REQUEST_BYTES = 64 * 1024
# What a command prints is short (a summary, its problems); more is cut, not buffered.
MAX_OUTPUT_CHARS = 1_000_000
# An import of a million rows takes seconds; past this the sender gives up waiting.
REPLY_TIMEOUT_SECONDS = 3600

_stores: dict[str, Store] = {}
_servers: dict[str, "_Server"] = {}
_registry_lock = threading.Lock()
# Commands print with print(): their output is caught by swapping the process's
# standard streams, so only one handed-off command runs at a time.
_run_lock = threading.Lock()


def socket_path(db_path: str | Path) -> Path:
    """Where the server holding `db_path` listens (short enough for any system's limit)."""
    digest = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"portfolio-{digest}.sock"


def shared_store(db_path: str | Path) -> Store | None:
    """The store this process already holds for `db_path`, if any: a command run inside the
    server uses it rather than opening the file a second time."""
    with _registry_lock:
        return _stores.get(str(Path(db_path).resolve()))


@dataclass(frozen=True)
class Reply:
    code: int
    stdout: str
    stderr: str


def serve(store: Store, run: Callable[[Sequence[str]], int]) -> Path | None:
    """Listen for commands on `store`'s database, each run by `run(argv)` (the command line's
    `main`); once per database and process. Returns the socket's path, None for a store in
    memory or when the system has no Unix sockets."""
    if store.path == ":memory:" or not hasattr(socket, "AF_UNIX"):
        return None
    key = str(Path(store.path).resolve())
    with _registry_lock:
        _stores[key] = store
        if key in _servers:
            return _servers[key].path
        path = socket_path(key)
        _remove_stale(path)
        server = _Server(path, run)
        _servers[key] = server
    threading.Thread(target=server.serve_forever, name="portfolio-commands", daemon=True).start()
    return path


def stop_serving(store: Store) -> None:
    """Stop listening for `store`'s database (the store is being closed)."""
    key = str(Path(store.path).resolve())
    with _registry_lock:
        _stores.pop(key, None)
        server = _servers.pop(key, None)
    if server is not None:
        server.shutdown()
        server.server_close()
        with contextlib.suppress(OSError):
            server.path.unlink()


def send(db_path: str | Path, argv: Sequence[str], cwd: str | Path | None = None) -> Reply | None:
    """Run the command `argv` in the server holding `db_path`; None when no server listens."""
    path = socket_path(db_path)
    request = json.dumps({"argv": absolute_paths(argv, Path(cwd or os.getcwd()))}).encode("utf-8")
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(REPLY_TIMEOUT_SECONDS)
            conn.connect(str(path))
            conn.sendall(request + b"\n")
            conn.shutdown(socket.SHUT_WR)
            data = b"".join(iter(lambda: conn.recv(65536), b""))
    except (FileNotFoundError, ConnectionRefusedError):
        return None
    answer = json.loads(data.decode("utf-8"))
    return Reply(int(answer["code"]), str(answer["stdout"]), str(answer["stderr"]))


def absolute_paths(argv: Sequence[str], cwd: Path) -> list[str]:
    """`argv` with every argument that names a file, or a file to write in an existing
    folder, made absolute from `cwd` (options, dataset names and e-mails are left as
    they are)."""
    out = []
    for arg in argv:
        candidate = cwd / arg
        names_a_file = (not arg.startswith("-") and not Path(arg).is_absolute()
                        and (candidate.exists() or (Path(arg).suffix and candidate.parent.is_dir()
                                                    and "@" not in arg)))
        out.append(str(candidate.resolve()) if names_a_file else arg)
    return out


def _remove_stale(path: Path) -> None:
    """A socket left by a killed server answers nobody: remove it so that this one can listen."""
    if not path.exists():
        return
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            path.unlink(missing_ok=True)
            return
    raise RuntimeError(f"another server already takes the commands for this database ({path})")


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, run: Callable[[Sequence[str]], int]) -> None:
        self.path = path
        self.run = run
        old_mask = os.umask(0o177)  # created 0600: its owner only
        try:
            super().__init__(str(path), _Handler)
        finally:
            os.umask(old_mask)


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        line = self.rfile.readline(MAX_REQUEST_BYTES + 1)
        try:
            argv = json.loads(line.decode("utf-8"))["argv"]
            if len(line) > MAX_REQUEST_BYTES or not all(isinstance(a, str) for a in argv):
                raise ValueError("not a command")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            self._reply(2, "", "error: the server received no valid command\n")
            return
        out, err = io.StringIO(), io.StringIO()
        with _run_lock, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = self.server.run(argv)  # type: ignore[attr-defined]
            except SystemExit as stop:  # argparse's usage errors
                code = stop.code if isinstance(stop.code, int) else 2
            except Exception:  # noqa: BLE001 - the traceback is for the server's log only
                logging.getLogger(__name__).exception("a command handed to the server failed")
                print("error: the command failed in the app server; its log has the details",
                      file=err)
                code = 1
        self._reply(code, out.getvalue(), err.getvalue())

    def _reply(self, code: int, stdout: str, stderr: str) -> None:
        answer = {"code": code, "stdout": stdout[:MAX_OUTPUT_CHARS], "stderr": stderr[:MAX_OUTPUT_CHARS]}
        self.wfile.write(json.dumps(answer).encode("utf-8"))
