"""Benchmark: a sales force at once — concurrent reps, signed in, on 100,000 clients and 300 reps.

Generates (once, kept in bench/out/) a database of 100,000 clients and 300 reps, scored under
the default grid; writes an access file giving 20 e-mails each one rep's salespeople; starts,
on free 127.0.0.1 ports, a mock OpenID Connect provider (oidc-provider-mock) and the app in
sign-in mode, with a secrets file, a config folder and a copy of the database of its own (the
project's .streamlit/secrets.toml, config/ and data/ are never touched). Then one Chromium
opens one browser context per rep, all at once (bounded by --concurrency), each signing in
and opening the Matrix, Rep and Visit plan pages in turn (a sign-in whose exchange between
the server and the provider fails is tried again, up to 3 times, and reported). A page's
time runs from the navigation to the page drawn: the script run over, nothing loading, the
page's own content present (every chart's drawing, and the Rep and Visit plan pages' key
blocks). The server's
memory is sampled (resident size of its process and any children) the whole time.
Prints the median and 95th percentile (nearest rank) per page and overall, the errors, and
the server's peak memory, and where the machine's CPU went meanwhile (server, browser,
everything else); exits 1 if any session failed.
Run: .venv/bin/python bench/bench_load.py
     (quicker: .venv/bin/python bench/bench_load.py --sessions 3 --clients 5000 --reps 30)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.async_api import Page, async_playwright  # noqa: E402

from portfolio.i18n import t  # noqa: E402

OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEED = 7
CHART = '[data-testid="stPlotlyChart"]'
SIDEBAR = '[data-testid="stSidebar"]'
SIGN_IN_ATTEMPTS = 3
# Each page's own content, beside its charts: what a rep looks for first.
PAGES = {"Matrix": (), "Rep": (".st-key-rep_dominant",), "Visit plan": (".st-key-plan_segments",)}
START_SECONDS = 180  # a loaded machine starts a server slowly
MEMORY_POLL_SECONDS = 0.25
REP_ROLE = t("identity.role_rep", "en")
SERVER_ERROR = t("common.unexpected_error", "en", incident="").split(";")[0]


# --- The database, generated once per size ---------------------------------------------------

def cached_database(clients: int, reps: int) -> tuple[Path, list[str]]:
    """The scored database for this size and the names of its reps, generated on first use."""
    path = OUT / f"load_{clients}x{reps}_seed{SEED}.duckdb"
    names = path.with_suffix(".reps.json")
    if path.exists() and names.exists():
        print(f"database: {path.relative_to(ROOT)} (kept from an earlier run)")
        return path, json.loads(names.read_text(encoding="utf-8"))
    from portfolio.demo import generate_demo
    from portfolio.grid.loader import load_grid
    from portfolio.store.database import Store
    from portfolio.store.datasets import create_dataset
    from portfolio.store.scores import ensure_scores

    OUT.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    start = time.perf_counter()
    frame = generate_demo(n_clients=clients, n_reps=reps, seed=SEED)
    store = Store(partial)
    try:
        dataset_id = create_dataset(store, frame, name="Load portfolio", source="bench")
        # Scores are kept in a table once per dataset and grid: a one-time cost, not the load's.
        ensure_scores(store, dataset_id, load_grid(ROOT / "config" / "grids" / "default.yaml"))
    finally:
        store.close()
    partial.rename(path)
    names.write_text(json.dumps(sorted(frame["salesperson"].unique())), encoding="utf-8")
    print(f"database: {clients:,} clients, {reps} reps generated, stored and scored in "
          f"{time.perf_counter() - start:.1f} s ({path.relative_to(ROOT)})")
    return path, json.loads(names.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Rep:
    email: str
    salesperson: str


def chosen_reps(names: list[str], sessions: int) -> list[Rep]:
    """`sessions` different reps spread over the alphabet, each with an e-mail of its own."""
    if sessions > len(names):
        raise SystemExit(f"--sessions {sessions}: the database has only {len(names)} reps")
    step = len(names) / sessions
    return [Rep(f"rep{i + 1:03d}@example.com", names[int(i * step)]) for i in range(sessions)]


def access_file(reps: list[Rep]) -> str:
    return "version: 1\npeople:\n" + "".join(
        f"  - {{email: {rep.email}, role: rep, salespeople: [{json.dumps(rep.salesperson)}]}}\n"
        for rep in reps)


# --- Servers, started and stopped by their process --------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str, body: str | None = None) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200 and (body is None or response.read().decode().strip() == body)
    except OSError:
        return False


def start(stack: ExitStack, command: list[str], log: Path, ready, what: str,  # noqa: ANN001
          **popen_options) -> subprocess.Popen:
    """`command` as a process of its own, once `ready()`; stopped by its PID when `stack` closes."""
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, **popen_options)
    stack.callback(stop, process)
    deadline = time.monotonic() + START_SECONDS
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{what} did not start (exit code {process.poll()}):\n{log.read_text()}")
        time.sleep(0.3)
    return process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


def start_provider(stack: ExitStack, folder: Path, reps: list[Rep]) -> tuple[str, int]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    claims = [arg for rep in reps for arg in (
        "--user-claims", json.dumps({"sub": rep.email, "email": rep.email, "name": rep.salesperson}))]
    process = start(stack, [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1",
                  "--port", str(port), *claims], folder / "provider.log",
          lambda: answers(f"{url}/.well-known/openid-configuration"), "the identity provider")
    return url, process.pid


def start_app(stack: ExitStack, folder: Path, database: Path | str, reps: list[Rep],
              provider: str, access: str | None = None) -> tuple[str, subprocess.Popen]:
    """The app in sign-in mode, on a copy of the database (or on the shared database whose
    URL `database` is), with secrets and config of its own (`access`: the access file's
    text, by default each of `reps` their own salespeople)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{url}/oauth2callback"\n'
        'cookie_secret = "a-secret-for-this-benchmark-only"\n'
        'client_id = "portfolio-pilot"\n'
        'client_secret = "client-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n', encoding="utf-8")
    config = folder / "config"
    shutil.copytree(ROOT / "config", config, ignore=shutil.ignore_patterns("access.yaml"))
    (config / "access.yaml").write_text(access or access_file(reps), encoding="utf-8")
    if str(database).startswith("postgresql://"):
        db = str(database)
    else:
        db = str(folder / "portfolio.duckdb")
        shutil.copyfile(database, db)  # the server writes (remembered choices): never to the kept copy
    env = {**os.environ, "PORTFOLIO_DB": db, "PORTFOLIO_CONFIG": str(config)}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port),
               "--browser.gatherUsageStats", "false", "--secrets.files", str(secrets)]
    server = start(stack, command, folder / "streamlit.log",
                   lambda: answers(f"{url}/_stcore/health", "ok"), "the app", cwd=ROOT, env=env)
    return url, server


# --- The server's memory, from /proc ------------------------------------------------------------

def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(root: int) -> list[int]:
    """`root` and its descendants (the kernel here has no /proc/<pid>/task/<tid>/children)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                # The parent is the 2nd field after the command, which may hold spaces: split after ')'.
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(root: int) -> float:
    """CPU time of `root` and its descendants, the children they have waited for included."""
    total = 0
    for pid in _tree(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return total / TICK


def machine_busy_seconds() -> float:
    """CPU time every program on the machine used (all cores), steal included: others' share."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = (
        int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9])
    return (user + nice + system + irq + softirq + steal) / TICK


@dataclass
class CpuUse:
    """Where the machine's CPU went while the sessions ran: is the server the bottleneck?"""
    server: float
    provider: float
    browser: float
    script: float
    machine: float

    @classmethod
    def during(cls, server_pid: int, provider_pid: int, run) -> CpuUse:  # noqa: ANN001
        def now() -> tuple[float, ...]:
            times = os.times()
            # The browser and its driver, once exited and waited for, count as our children.
            return (cpu_seconds(server_pid), cpu_seconds(provider_pid),
                    times.children_user + times.children_system, times.user + times.system,
                    machine_busy_seconds())

        before = now()
        try:
            run()
        finally:
            after = now()
        used = [b - a for a, b in zip(before, after)]
        return cls(server=used[0], provider=used[1], browser=used[2], script=used[3],
                   machine=used[4])


class MemoryWatch:
    """Peak resident memory of a process and its children, sampled in a thread of its own."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kb, self.children = pid, 0, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def sample(self) -> int:
        pids = _tree(self.pid)
        self.children = max(self.children, len(pids) - 1)
        return sum(_status_kb(pid, "VmRSS") for pid in pids)

    def _poll(self) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, self.sample())
            self._done.wait(MEMORY_POLL_SECONDS)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:  # noqa: ANN002
        self._done.set()
        self._thread.join()
        # The kernel's own high-water mark of the server process catches a peak between samples.
        self.hwm_kb = _status_kb(self.pid, "VmHWM")


# --- The sessions ------------------------------------------------------------------------------

@dataclass
class Session:
    rep: Rep
    sign_in: float | None = None
    sign_in_retries: list[str] = field(default_factory=list)
    pages: dict[str, float] = field(default_factory=dict)
    error: str | None = None


async def wait_until_drawn(page: Page, timeout_ms: int, blocks: tuple[str, ...] = (),
                           charts: bool = False) -> None:
    """The tests' notion of drawn: the script run over, no running indicator, no skeleton; then
    the page's blocks present and, with `charts`, at least one chart and every chart's drawing."""
    await page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                                 timeout=timeout_ms)
    await page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached",
                                 timeout=timeout_ms)
    await page.wait_for_selector('[data-testid="stSkeleton"]', state="detached", timeout=timeout_ms)
    for block in blocks:
        await page.wait_for_selector(block, timeout=timeout_ms)
    if charts:
        await page.wait_for_selector(f"{CHART} .main-svg", state="attached", timeout=timeout_ms)
        count = await page.locator(CHART).count()
        for index in range(count):
            await page.locator(CHART).nth(index).locator(".main-svg").first.wait_for(
                state="attached", timeout=timeout_ms)


async def check_page(page: Page, what: str) -> None:
    """A drawn page is the rep's own, not an error notice nor the no-access page."""
    text = await page.locator('[data-testid="stApp"]').inner_text()
    if await page.locator('[data-testid="stException"]').count() or SERVER_ERROR in text:
        raise RuntimeError(f"{what}: the server showed an error")
    sidebar = page.locator(SIDEBAR)
    if not await sidebar.count() or REP_ROLE not in await sidebar.inner_text():
        raise RuntimeError(f"{what}: the sidebar does not show a signed-in sales rep")


async def sign_in(page: Page, session: Session, app: str, provider: str, timeout_ms: int) -> None:
    """Through the provider's page and back, signed in as the session's rep. When the server's
    own call to the provider fails (its login route answers an error, or the token exchange
    fails and it shows the sign-in screen again), the rep tries again, as a person would;
    each retry is reported with its reason."""
    button = page.get_by_role("button", name=t("identity.sign_in", "en"))
    signed_in = page.locator(f'{SIDEBAR}:has-text("{REP_ROLE}")')
    for _ in range(SIGN_IN_ATTEMPTS):
        await page.goto(app)
        await wait_until_drawn(page, timeout_ms)
        await button.click()
        await page.wait_for_url(lambda url: url.startswith(provider) or "/auth/login" in url)
        if not page.url.startswith(provider):
            session.sign_in_retries.append("the server's login route answered an error")
            continue
        await page.get_by_placeholder("sub").fill(session.rep.email)
        await page.get_by_role("button", name="Authorize").click()
        await page.wait_for_url(f"{app}/**")
        await wait_until_drawn(page, timeout_ms)
        await signed_in.or_(button).first.wait_for(state="visible")
        if await signed_in.count():
            return
        session.sign_in_retries.append("back on the sign-in screen (token exchange failed)")
    raise RuntimeError(f"not signed in after {SIGN_IN_ATTEMPTS} attempts: "
                       + "; ".join(session.sign_in_retries))


async def run_session(browser, session: Session, app: str, provider: str,  # noqa: ANN001
                      gate: asyncio.Semaphore, timeout_ms: int) -> None:
    async with gate:
        context = await browser.new_context(locale="en-GB", viewport={"width": 1920, "height": 1080})
        page = await context.new_page()
        page.set_default_timeout(timeout_ms)
        try:
            start = time.perf_counter()
            await sign_in(page, session, app, provider, timeout_ms)
            await check_page(page, "sign-in")
            session.sign_in = time.perf_counter() - start
            for name, blocks in PAGES.items():
                start = time.perf_counter()
                await page.goto(f"{app}/{name.replace(' ', '_')}")
                await wait_until_drawn(page, timeout_ms, blocks, charts=True)
                session.pages[name] = time.perf_counter() - start
                await check_page(page, name)
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the others
            session.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        finally:
            await context.close()


async def run_sessions(sessions: list[Session], app: str, provider: str, concurrency: int,
                       timeout_s: float, page_timeout_s: float) -> None:
    gate = asyncio.Semaphore(concurrency)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                   args=CHROMIUM_ARGS)
        try:
            tasks = [asyncio.create_task(run_session(browser, s, app, provider, gate,
                                                     int(page_timeout_s * 1000))) for s in sessions]
            done, pending = await asyncio.wait(tasks, timeout=timeout_s)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            for session in sessions:
                if session.error is None and len(session.pages) < len(PAGES):
                    session.error = f"not finished within the overall timeout of {timeout_s:.0f} s"
        finally:
            await browser.close()


# --- Figures -----------------------------------------------------------------------------------

def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile: the value at least 95 % of the times are at or under."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def report(sessions: list[Session], watch: MemoryWatch, idle_kb: int, wall: float,
           cpu: CpuUse) -> None:
    rows = {"sign-in": [s.sign_in for s in sessions if s.sign_in is not None]}
    for name in PAGES:
        rows[name] = [s.pages[name] for s in sessions if name in s.pages]
    rows["pages overall"] = [v for name in PAGES for v in rows[name]]
    print(f"\n{'time to a drawn page':<22} {'n':>3} {'median s':>9} {'p95 s':>7} {'max s':>7}")
    for label, values in rows.items():
        if values:
            print(f"{label:<22} {len(values):>3} {statistics.median(values):>9.2f} "
                  f"{p95(values):>7.2f} {max(values):>7.2f}")
        else:
            print(f"{label:<22} {0:>3} {'-':>9} {'-':>7} {'-':>7}")
    failed = [s for s in sessions if s.error]
    print(f"\nsessions: {len(sessions) - len(failed)} of {len(sessions)} completed in {wall:.0f} s")
    retried = [s for s in sessions if s.sign_in_retries]
    if retried:
        print(f"sign-in tried again {sum(len(s.sign_in_retries) for s in retried)} times, in "
              f"{len(retried)} sessions (the time above counts every attempt):")
        for s in retried:
            print(f"  {s.rep.email}: {'; '.join(s.sign_in_retries)}")
    for s in failed:
        print(f"  FAILED {s.rep.email} ({s.rep.salesperson}): {s.error}")
    print(f"server memory: {idle_kb / 1024:.0f} MB resident once started, peak "
          f"{max(watch.peak_kb, watch.hwm_kb) / 1024:.0f} MB (sampled, process and "
          f"{watch.children} children: {watch.peak_kb / 1024:.0f} MB; the kernel's high-water "
          f"mark of the process: {watch.hwm_kb / 1024:.0f} MB)")
    others = cpu.machine - cpu.server - cpu.provider - cpu.browser - cpu.script
    print(f"CPU while the sessions ran ({os.cpu_count()} cores x {wall:.0f} s = "
          f"{os.cpu_count() * wall:.0f} core-s): server {cpu.server:.0f} s, browser "
          f"{cpu.browser:.0f} s, identity provider {cpu.provider:.0f} s, this script "
          f"{cpu.script:.0f} s, other programs on the machine {max(others, 0):.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="reps signed in at once (20)")
    parser.add_argument("--clients", type=int, default=100_000, help="clients in the database")
    parser.add_argument("--reps", type=int, default=300, help="reps in the database")
    parser.add_argument("--concurrency", type=int, default=None,
                        help="browser contexts open at once (default: every session)")
    parser.add_argument("--timeout", type=float, default=1200, help="overall timeout, seconds")
    parser.add_argument("--page-timeout", type=float, default=300,
                        help="longest wait for one page to be drawn, seconds")
    args = parser.parse_args()
    concurrency = min(args.concurrency or args.sessions, args.sessions)
    if args.sessions < 1 or concurrency < 1:
        raise SystemExit("--sessions and --concurrency must be at least 1")

    database, names = cached_database(args.clients, args.reps)
    reps = chosen_reps(names, args.sessions)
    sessions = [Session(rep) for rep in reps]
    with tempfile.TemporaryDirectory(prefix="bench_load_") as tmp, ExitStack() as stack:
        folder = Path(tmp)
        provider, provider_pid = start_provider(stack, folder, reps)
        app, server = start_app(stack, folder, database, reps, provider)
        print(f"{args.sessions} reps signing in at once ({concurrency} at most), "
              f"{args.clients:,} clients, {args.reps} reps; app {app}, provider {provider}")
        watch = MemoryWatch(server.pid)
        idle_kb = watch.sample()
        start = time.perf_counter()
        try:
            with watch:
                cpu = CpuUse.during(server.pid, provider_pid, lambda: asyncio.run(run_sessions(
                    sessions, app, provider, concurrency, args.timeout, args.page_timeout)))
        finally:
            if any(s.error for s in sessions):
                shutil.copyfile(folder / "streamlit.log", OUT / "bench_load_streamlit.log")
        report(sessions, watch, idle_kb, time.perf_counter() - start, cpu)
    if any(s.error for s in sessions):
        print(f"server log: {(OUT / 'bench_load_streamlit.log').relative_to(ROOT)}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
