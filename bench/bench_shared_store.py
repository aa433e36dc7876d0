"""Benchmark: the shared store on PostgreSQL — a version of 1M clients written, loaded by another
process's DuckDB, and scored there.

    python bench/bench_shared_store.py [--clients 1000000] [--repeat 3]

Starts Debian's PostgreSQL in a temporary folder (127.0.0.1, a free port; as the `postgres`
user when run as root), stopped by its process id at the end. Then, `--repeat` times, on an
empty database each time:

- write: a seeded demo frame of `--clients` clients stored as a new dataset through a
  `SharedStore` (the local transaction, the rows sent over ADBC as a new version, the
  pointer flipped, the version loaded back);
- load: another `SharedStore` opened on the database (what a new app process, or one told
  of a new version, does): PostgreSQL → Arrow → its DuckDB;
- score: the default grid's scores computed in that DuckDB;
- refresh: the second store asked again with nothing new (the cost of every page run's check).

Prints each phase's median; the peak resident memory of this process is printed at the end.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from portfolio.demo import generate_demo  # noqa: E402
from portfolio.grid.loader import load_grid  # noqa: E402
from portfolio.store.datasets import create_dataset, list_datasets  # noqa: E402
from portfolio.store.scores import ensure_scores  # noqa: E402
from portfolio.store.shared import SharedStore  # noqa: E402
from tests import postgres_server  # noqa: E402


def timed(work):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    grid = load_grid(ROOT / "config" / "grids" / "default.yaml")
    t0 = time.perf_counter()
    frame = generate_demo(n_clients=args.clients, n_reps=max(12, args.clients // 350), seed=1)
    print(f"demo frame: {args.clients:,} clients x {len(frame.columns)} columns in "
          f"{time.perf_counter() - t0:.1f} s")
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    server = postgres_server.start(folder)
    phases: dict[str, list[float]] = {"write": [], "load": [], "score": [], "refresh": []}
    try:
        for _ in range(args.repeat):
            url = server.new_database()
            writer = SharedStore(url)
            seconds, dataset_id = timed(lambda: create_dataset(writer, frame, name="Load", period="2026-Q3"))
            phases["write"].append(seconds)
            writer.close()
            seconds, reader = timed(lambda: SharedStore(url))
            phases["load"].append(seconds)
            assert list_datasets(reader)[0].rows == args.clients
            version = list_datasets(reader)[0].version
            phases["score"].append(timed(lambda: ensure_scores(reader, dataset_id, grid, version))[0])
            reader.refresh_every = 0
            phases["refresh"].append(timed(reader.refresh)[0])
            reader.close()
            server.drop_database(url)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\n{args.clients:,} clients, {args.repeat} runs (median, min-max):")
    for name, values in phases.items():
        unit, scale = ("ms", 1000) if name == "refresh" else ("s", 1)
        print(f"  {name:<8} {statistics.median(values) * scale:8.2f} {unit}  "
              f"({min(values) * scale:.2f}-{max(values) * scale:.2f})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {peak:.0f} MB (the frame, two stores' copies)")


if __name__ == "__main__":
    main()
