"""A real PostgreSQL server for the test session: Debian's, started in a folder of its own
on a free port of 127.0.0.1, stopped (by its process id) when the session ends.

`initdb` and `postgres` refuse to run as root: as root they run as the `postgres` user.
Without the server, tests that need it skip on a laptop and fail under CI=true (like
the browser tests), so a CI run can never pass without PostgreSQL really running.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

_counter = itertools.count(1)


def binaries() -> Path | None:
    """The folder of `initdb` and `pg_ctl`: on the PATH, else Debian's newest."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    return Path(folders[-1]) if folders else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    folder: Path
    port: int
    bin: Path

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """An empty database of its own for one test; returns its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def pid(self) -> int:
        return int((self.folder / "data" / "postmaster.pid").read_text().split()[0])

    def stop(self) -> None:
        try:
            os.kill(self.pid(), signal.SIGINT)  # "fast" shutdown
        except (OSError, ValueError):
            return
        for _ in range(100):
            if not (self.folder / "data" / "postmaster.pid").exists():
                return
            time.sleep(0.1)


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def start(folder: Path) -> Server:
    """initdb and start a server in `folder`; raises RuntimeError saying why it could not."""
    bin_folder = binaries()
    if bin_folder is None:
        raise RuntimeError("PostgreSQL is not installed (initdb not found): "
                           "apt-get install postgresql, or run .ci/run")
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    data = folder / "data"
    subprocess.run(_as_server_user([str(bin_folder / "initdb"), "-D", str(data), "-A", "trust",
                                    "-U", "postgres", "--no-sync", "-E", "UTF8"]),
                   check=True, capture_output=True, text=True)
    # fsync off: a test server's data is thrown away; the sockets stay in its own folder.
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    subprocess.run(_as_server_user([str(bin_folder / "pg_ctl"), "-D", str(data), "-o", options,
                                    "-l", str(folder / "server.log"), "-w", "start"]),
                   check=True, capture_output=True, text=True)
    return Server(folder, port, bin_folder)
