"""Benchmark: a sales force on two app processes and PostgreSQL, a new version published mid-run.

The sessions of bench/bench_load.py (reps signed in at once through a mock OpenID Connect
provider, each opening the Matrix, Rep and Visit plan pages; 100,000 clients, 300 reps), half
on each of two app processes sharing one PostgreSQL database (Debian's server, started in a
temporary folder on 127.0.0.1 and stopped by its process id; the database is the DuckDB one
of bench_load.py, moved there by `portfolio.store.migration`). Each session stays on its
process, as a proxy's sticky sessions keep it.

Mid-run (once a third of the sessions have signed in), a scheduled job publishes a new
version: `python -m portfolio import` of the next quarter (1,000 clients more) into the same
dataset. One watcher per process, signed in as a rep who sees every salesperson, reloads
its page until the sidebar shows the new quarter's clients: the time from the job's end to
that is "served". Prints, per process and overall, the median and 95th percentile time to a
drawn page, the errors, each process's peak memory, and the times to serve the new version;
with --compare, the same sessions on one process with the DuckDB file (bench_load.py's
setting) are run afterwards for comparison.

Run: .venv/bin/python bench/bench_shared_load.py [--compare]
     (quicker: --sessions 4 --clients 5000 --reps 30)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_load as load  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

from tests import postgres_server  # noqa: E402

NEW_PERIOD = "2026-Q4"
MORE_CLIENTS = 1_000
WATCH_EMAIL = "watch@example.com"
SERVE_TIMEOUT_S = 300


def next_quarter_file(folder: Path, clients: int, reps: int) -> Path:
    """The same portfolio a quarter later, with MORE_CLIENTS new clients: the new version."""
    import pandas as pd

    from portfolio.demo import generate_demo

    frame = generate_demo(n_clients=clients, n_reps=reps, seed=load.SEED)
    extra = frame.head(MORE_CLIENTS).copy()
    extra["client_id"] = [f"NEW{i:06d}" for i in range(MORE_CLIENTS)]
    frame = pd.concat([frame, extra], ignore_index=True)
    frame["period"] = NEW_PERIOD
    path = folder / "next-quarter.csv"
    frame.to_csv(path, index=False)
    return path


def shared_database(server: postgres_server.Server, database: Path) -> str:
    """bench_load.py's database moved into a new PostgreSQL database; returns its URL."""
    from portfolio.store.database import Store
    from portfolio.store.migration import migrate
    from portfolio.store.shared import SharedStore

    url = server.new_database()
    copy = database.with_suffix(".migrating")
    shutil.copyfile(database, copy)
    source, target = Store(copy), SharedStore(url)
    try:
        start = time.perf_counter()
        outcome = migrate(source, target)
        assert outcome.equal, "the migrated copy differs from its source"
        print(f"database moved to PostgreSQL in {time.perf_counter() - start:.1f} s")
    finally:
        source.close()
        target.close()
        copy.unlink(missing_ok=True)
    return url


def watcher_access(reps: list[load.Rep], names: list[str]) -> str:
    """The access file of bench_load.py, with a watcher who sees every salesperson."""
    return load.access_file(reps) + (
        f"  - {{email: {WATCH_EMAIL}, role: rep, salespeople: {json.dumps(names)}}}\n")


def start_shared_app(stack: ExitStack, folder: Path, url: str, access: str, reps: list[load.Rep],
                     provider: str):  # noqa: ANN201
    """bench_load.py's app in sign-in mode, on the shared database, its access file `access`."""
    folder.mkdir()
    return load.start_app(stack, folder, url, reps, provider, access)


async def watch_new_version(app: str, provider: str, label: str, published: threading.Event,
                            published_at: list[float], served: dict[str, float],
                            problems: dict[str, str]) -> None:
    """Signed in as the watcher, reload until the sidebar shows `label`; note when."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=load.CHROMIUM, headless=True,
                                                   args=load.CHROMIUM_ARGS)
        try:
            page = await (await browser.new_context(locale="en-GB")).new_page()
            session = load.Session(load.Rep(WATCH_EMAIL, "watcher"))
            await load.sign_in(page, session, app, provider, 300_000)
            while not published.is_set():
                await asyncio.sleep(0.5)
            deadline = time.monotonic() + SERVE_TIMEOUT_S
            shown = ""
            while time.monotonic() < deadline:
                await page.goto(app)
                await load.wait_until_drawn(page, 300_000)
                # The dataset chooser's value is its input's, not text of the page.
                shown = await page.get_by_role("combobox", name="Dataset", exact=True).input_value()
                if label in shown:
                    served[app] = time.perf_counter() - published_at[0]
                    return
                await asyncio.sleep(1)
            problems[app] = f"the dataset chooser still said: {shown}"
        except Exception as error:  # noqa: BLE001 - reported with the figures
            problems[app] = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        finally:
            await browser.close()


async def run_on_two(sessions: list[load.Session], apps: list[str], provider: str,
                     timeout_s: float, page_timeout_s: float, on_signed_in) -> None:  # noqa: ANN001
    gate = asyncio.Semaphore(len(sessions))
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=load.CHROMIUM, headless=True,
                                                   args=load.CHROMIUM_ARGS)
        try:
            async def one(index: int, session: load.Session) -> None:
                await load.run_session(browser, session, apps[index % len(apps)], provider, gate,
                                       int(page_timeout_s * 1000))

            async def notify() -> None:
                while True:
                    on_signed_in(sum(s.sign_in is not None for s in sessions))
                    await asyncio.sleep(0.5)

            notifier = asyncio.create_task(notify())
            tasks = [asyncio.create_task(one(i, s)) for i, s in enumerate(sessions)]
            done, pending = await asyncio.wait(tasks, timeout=timeout_s)
            notifier.cancel()
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, notifier, return_exceptions=True)
        finally:
            await browser.close()


def print_times(sessions: list[load.Session], apps: list[str]) -> None:
    print(f"\n{'time to a drawn page':<26} {'n':>3} {'median s':>9} {'p95 s':>7} {'max s':>7}")
    groups = {f"process {n + 1}": [s for i, s in enumerate(sessions) if i % len(apps) == n]
              for n in range(len(apps))}
    groups["both processes"] = sessions
    for label, group in groups.items():
        values = [v for s in group for v in s.pages.values()]
        if values:
            print(f"{label:<26} {len(values):>3} {statistics.median(values):>9.2f} "
                  f"{load.p95(values):>7.2f} {max(values):>7.2f}")
    failed = [s for s in sessions if s.error]
    print(f"errors: {len(failed)} of {len(sessions)} sessions")
    for s in failed:
        print(f"  FAILED {s.rep.email} ({s.rep.salesperson}): {s.error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=1500)
    parser.add_argument("--page-timeout", type=float, default=300)
    parser.add_argument("--compare", action="store_true",
                        help="then run bench_load.py's sessions on one process and the DuckDB file")
    args = parser.parse_args()

    database, names = load.cached_database(args.clients, args.reps)
    reps = load.chosen_reps(names, args.sessions)
    sessions = [load.Session(rep) for rep in reps]
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench_shared_") as tmp, ExitStack() as stack:
        folder = Path(tmp)
        pg_folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        server = postgres_server.start(pg_folder)
        stack.callback(shutil.rmtree, pg_folder, True)
        stack.callback(server.stop)
        url = shared_database(server, database)
        new_file = next_quarter_file(folder, args.clients, args.reps)
        provider, _ = load.start_provider(stack, folder,
                                          [*reps, load.Rep(WATCH_EMAIL, "watcher")])
        access = watcher_access(reps, names)
        apps, servers = [], []
        for n in (1, 2):
            app, process = start_shared_app(stack, folder / f"app{n}", url, access, reps, provider)
            apps.append(app)
            servers.append(process)
        print(f"{args.sessions} reps at once on two processes ({apps[0]}, {apps[1]}), "
              f"{args.clients:,} clients, {args.reps} reps, PostgreSQL on port {server.port}")

        published, published_at, served, job, problems = threading.Event(), [0.0], {}, {}, {}

        def publish() -> None:
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "portfolio", "import", str(new_file),
                                   "--dataset", "Load portfolio", "--db", url],
                                  cwd=ROOT, capture_output=True, text=True, timeout=600)
            job.update(seconds=time.perf_counter() - start, code=done.returncode, err=done.stderr)
            published_at[0] = time.perf_counter()
            published.set()

        def on_signed_in(count: int) -> None:
            if count >= max(1, args.sessions // 3) and "thread" not in job:
                job["thread"] = threading.Thread(target=publish, daemon=True)
                job["thread"].start()

        label = f"{args.clients + MORE_CLIENTS:,} clients"
        watchers = [threading.Thread(target=lambda a=app: asyncio.run(watch_new_version(
            a, provider, label, published, published_at, served, problems)), daemon=True)
            for app in apps]
        for thread in watchers:
            thread.start()
        memory = [load.MemoryWatch(p.pid) for p in servers]
        start = time.perf_counter()
        with memory[0], memory[1]:
            asyncio.run(run_on_two(sessions, apps, provider, args.timeout, args.page_timeout,
                                   on_signed_in))
            if "thread" in job:
                job["thread"].join(timeout=600)
            for thread in watchers:
                thread.join(timeout=SERVE_TIMEOUT_S + 60)
        wall = time.perf_counter() - start
        print_times(sessions, apps)
        print(f"sessions ran {wall:.0f} s")
        if job.get("code") == 0:
            print(f"new version: the import job took {job['seconds']:.1f} s; served by "
                  + ", ".join(f"process {n + 1} {served[a]:.1f} s" if a in served else
                              f"process {n + 1} NOT within {SERVE_TIMEOUT_S} s"
                              for n, a in enumerate(apps)) + " after it ended")
        else:
            print(f"new version NOT published: {job.get('err', 'the job never started')}")
        for app, problem in problems.items():
            print(f"  watcher on {app}: {problem}")
        for n, watch in enumerate(memory):
            print(f"process {n + 1} memory: peak {max(watch.peak_kb, watch.hwm_kb) / 1024:.0f} MB")
        failed = any(s.error for s in sessions) or job.get("code") != 0 or len(served) < 2
        for n in (1, 2):
            log = folder / f"app{n}" / "streamlit.log"
            if failed and log.exists():
                shutil.copyfile(log, load.OUT / f"bench_shared_load_app{n}.log")
    if args.compare:
        print("\n--- the same sessions on one process and the DuckDB file (bench_load.py) ---",
              flush=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "bench_load.py"), "--sessions",
                        str(args.sessions), "--clients", str(args.clients), "--reps", str(args.reps)],
                       cwd=ROOT, check=False)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
