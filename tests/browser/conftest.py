"""Browser-test setup: Debian's Chromium for pytest-playwright, and the app served on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START_SECONDS = 90
DRAW_TIMEOUT_MS = 60_000


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True, scope="session")
def chromium_available() -> None:
    """Browser tests need /usr/bin/chromium: skipped on a developer machine without it, failed in CI."""
    if CHROMIUM.exists():
        return
    reason = (f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` "
              f"(Playwright's own browser download is not used)")
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "headless": True,
            "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    # An English browser on a screen the size of a meeting-room projector.
    return {**browser_context_args, "locale": "en-GB",
            "viewport": {"width": 1920, "height": 1080}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


@contextmanager
def served_app(folder: Path, *, port: int | None = None, env_extra: dict[str, str] | None = None,
               options: Sequence[str] = ()) -> Iterator[str]:
    """Serve the app from a fresh database in `folder` (the demo loads on first start);
    the server is stopped, by its process, when the block ends.

    `port` when the address must be known beforehand (a sign-in's redirect URI), `env_extra`
    (e.g. PORTFOLIO_CONFIG) and Streamlit `options` (e.g. a secrets file) for the variants.
    """
    with served_app_process(folder, port=port, env_extra=env_extra, options=options) as (url, _):
        yield url


@contextmanager
def served_app_process(folder: Path, *, port: int | None = None,
                       env_extra: dict[str, str] | None = None,
                       options: Sequence[str] = ()) -> Iterator[tuple[str, subprocess.Popen]]:
    """`served_app`, with the server's process (for a test that watches its CPU)."""
    port = port or free_port()
    env = {**os.environ, "PORTFOLIO_DB": str(folder / "portfolio.duckdb")}
    env.pop("PORTFOLIO_CONFIG", None)
    env.update(env_extra or {})
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port),
               "--browser.gatherUsageStats", "false", *options]
    with running(command, folder / "streamlit.log", lambda: _healthy(url), what="the app",
                 seconds=SERVER_START_SECONDS, cwd=ROOT, env=env) as server:
        yield url, server


@contextmanager
def running(command: Sequence[str], log_path: Path, ready: Callable[[], bool], *, what: str,
            seconds: float, **popen_options) -> Iterator[subprocess.Popen]:
    """A server `command` as a process of its own, its output in `log_path`, once `ready()`
    says it answers (the test fails with the log after `seconds`); stopped, by its process,
    when the block ends."""
    with log_path.open("w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **popen_options)
    try:
        deadline = time.monotonic() + seconds
        while not ready():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{what} did not start (exit code {server.poll()}):\n"
                            f"{log_path.read_text()}", pytrace=False)
            time.sleep(0.3)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    """The app served for the whole session (journeys may leave data behind for later ones)."""
    with served_app(tmp_path_factory.mktemp("server")) as url:
        yield url


def wait_until_drawn(page) -> None:
    """The script run is over and nothing is left loading (see the testing notes)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=DRAW_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached",
                           timeout=DRAW_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stSkeleton"]', state="detached", timeout=DRAW_TIMEOUT_MS)
