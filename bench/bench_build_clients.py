"""Benchmark: build a client file from millions of sales lines (build-clients).

    python bench/bench_build_clients.py [--rows 10000000] [--clients 100000] [--fresh] [--split]

Generates (once, under bench/out/) a sales-lines CSV as a French ERP writes it: ";"
separator, decimal comma, French dates, a stage column (80 % "Gagné"), 50 products in
8 families, 300 reps, two years of dates; an accounts file with employees for the
potential estimate and a product → family file. Then runs `build_clients` in a fresh
process and reports wall time, CPU time and peak resident memory (VmHWM, interpreter
and libraries included), and that peak above the process at rest.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))  # run as a script: the package is beside bench/


def generate(rows: int, clients: int, fresh: bool) -> tuple[Path, Path, Path]:
    import duckdb

    lines = OUT / f"lines_fr_{rows}.csv"
    accounts = OUT / f"accounts_{clients}.csv"
    families = OUT / "families.csv"
    if not fresh and lines.exists() and accounts.exists() and families.exists():
        return lines, accounts, families
    OUT.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SELECT setseed(0.42)").fetchall()
    started = time.perf_counter()
    con.sql(f"""
        SELECT 'C' || lpad(CAST(CAST(floor(random() * {clients}) AS BIGINT) AS VARCHAR), 6, '0')
                   AS "Code client",
               strftime(DATE '2024-07-01' + CAST(floor(random() * 730) AS INTEGER), '%d/%m/%Y')
                   AS "Date facture",
               replace(CAST(round(random() * 2000, 2) AS VARCHAR), '.', ',') AS "Montant HT",
               'P' || CAST(CAST(floor(random() * 50) AS INTEGER) AS VARCHAR) AS "Produit",
               'Rep ' || CAST(CAST(floor(random() * 300) AS INTEGER) AS VARCHAR) AS "Commercial",
               CASE WHEN random() < 0.8 THEN 'Gagné' ELSE 'Perdu' END AS "Étape"
        FROM range({rows})""").write_csv(str(lines), sep=";", header=True)
    con.sql(f"""
        SELECT 'C' || lpad(CAST(i AS VARCHAR), 6, '0') AS "Code client",
               'Client ' || i AS "Raison sociale",
               CASE i % 4 WHEN 0 THEN 'BTP' WHEN 1 THEN 'Industrie' WHEN 2 THEN 'Santé'
                   ELSE 'Commerce' END AS "Secteur d'activité",
               CAST(5 + i % 500 AS INTEGER) AS "Effectif"
        FROM range({clients}) t(i)""").write_csv(str(accounts), sep=";", header=True)
    con.sql("""SELECT 'P' || i AS "Produit", 'Famille ' || (i % 8) AS "Famille"
               FROM range(50) t(i)""").write_csv(str(families), sep=";", header=True)
    print(f"generated {lines.name}: {lines.stat().st_size / 2**20:.0f} MiB "
          f"in {time.perf_counter() - started:.1f} s")
    return lines, accounts, families


def _peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(lines: str, accounts: str, families: str, shared: str) -> None:
    """Run one build in this process and print its figures as JSON."""
    from portfolio.building import BuildOptions, build_clients

    rest = _peak_mib()
    started, cpu = time.perf_counter(), time.process_time()
    outcome = build_clients(BuildOptions(
        lines=Path(lines), out=OUT / "built_clients.csv", accounts=Path(accounts),
        families=Path(families), won=("Gagné",), shared=shared, estimate="Effectif=1000"))
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                      "peak": _peak_mib(), "rest": rest, "rows": outcome.rows,
                      "clients": outcome.clients, "lines_won": outcome.choices.lines_won}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--fresh", action="store_true", help="generate the files again")
    parser.add_argument("--split", action="store_true", help="--shared split instead of main")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    lines, accounts, families = generate(args.rows, args.clients, args.fresh)
    shared = "split" if args.split else "main"
    done = subprocess.run([sys.executable, __file__, "--child", str(lines), str(accounts),
                           str(families), shared], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    size = lines.stat().st_size / 2**20
    print(f"{args.rows:,} lines ({size:.0f} MiB, {figures['lines_won']:,} won) -> "
          f"{figures['rows']:,} rows for {figures['clients']:,} clients, --shared {shared}")
    print(f"time {figures['seconds']:.1f} s (CPU {figures['cpu']:.1f} s, "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime:.1f} s user in the child)")
    print(f"peak {figures['peak']:.0f} MiB ({figures['peak'] / size:.2f}× the file), "
          f"{figures['peak'] - figures['rest']:.0f} MiB above the process at rest "
          f"({figures['rest']:.0f} MiB)")


if __name__ == "__main__":
    main()
