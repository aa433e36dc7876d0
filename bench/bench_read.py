"""Benchmark: read a 1M-row French CSV with read_client_file, against plain pandas.read_csv.

    python bench/bench_read.py [--rows 1000000] [--fresh]

Writes bench/out/clients_fr.csv (Windows-1252, ";" separator, decimal comma, no-break
spaces as thousands separators, French dates; about 100 MB), then runs each variant
in its own process and prints wall time, CPU time (all threads) and peak resident
memory of the whole process (VmHWM, interpreter and libraries included):

- pandas: pandas.read_csv(sep=";", decimal=",", encoding="cp1252"), untyped text for
  most columns (it does not strip thousands spaces or currency signs);
- reader: read_client_file (typed and validated frame);
- reader+insert: the same, then the frame inserted into a DuckDB database file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CHUNK = 8 * 1024 * 1024

NAMES = ["Société Générale d'Œuvres", "L’Atelier du Bâtiment", "Boulangerie Hervé",
         "Crèmerie Noël", "Garage Müller & Fils", "Cœur de Forêt SARL", "Établissements Dupré",
         "Café de l’Océan"]
REPS = ["Hélène Dupré", "François Lefèvre", "Zoé Bérénice", "Jérôme Gaëtan", "Chloé Noël",
        "Ève Péré"]
REGIONS = ["Île-de-France", "Rhône-Alpes", "Bretagne", "Provence", "Grand Est"]


def _sql_list(items: list[str]) -> str:
    return "[" + ", ".join("'" + i.replace("'", "''") + "'" for i in items) + "]"


def generate(path: Path, rows: int) -> None:
    """Write the French test file: DuckDB builds it as UTF-8, then it is transcoded."""
    import duckdb

    utf8 = path.with_suffix(".utf8.tmp")
    grouped = "translate(format('{{:,.{p}f}}', {x}), ',.', '\u00a0,')"
    con = duckdb.connect()
    con.execute("SELECT setseed(0.42)")
    con.execute(f"""
        COPY (SELECT
          lpad(CAST(i AS VARCHAR), 7, '0') AS "Code client",
          list_extract({_sql_list(NAMES)}, 1 + i % {len(NAMES)}) || ' ' || CAST(i % 9973 AS VARCHAR)
              AS "Raison sociale",
          list_extract({_sql_list(REPS)}, 1 + (i // 7) % {len(REPS)}) AS "Commercial",
          list_extract({_sql_list(REGIONS)}, 1 + i % {len(REGIONS)}) AS "Région",
          {grouped.format(p=2, x='round(random() * 90000, 2)')} || ' €' AS "CA 12 mois",
          {grouped.format(p=0, x='round(50000 + random() * 200000)')} AS "Potentiel",
          replace(format('{{:.1f}}', random() * 60), '.', ',') AS "PdM (%)",
          {grouped.format(p=2, x='round(random() * 20000, 2)')} AS "Marge brute",
          CAST(i % 9 AS VARCHAR) AS "Nb familles",
          list_extract(['A', 'B', 'C', 'D'], 1 + i % 4) AS "Solvabilité",
          CAST(i % 13 AS VARCHAR) AS "Visites 12 mois",
          strftime(DATE '2024-01-01' + CAST(i % 800 AS INTEGER), '%d/%m/%Y') AS "Dernière visite"
        FROM range({int(rows)}) t(i))
        TO '{utf8}' (HEADER, DELIMITER ';', QUOTE '"')""")
    con.close()
    with open(utf8, "rb") as src, open(path, "wb") as dst:
        tail = b""
        while chunk := src.read(CHUNK):
            data = tail + chunk
            cut = data.rfind(b"\n") + 1  # whole lines only, so no character is split
            dst.write(data[:cut].decode("utf-8").replace("\n", "\r\n").encode("cp1252"))
            tail = data[cut:]
        dst.write(tail.decode("utf-8").encode("cp1252"))
    utf8.unlink()


def run_variant(variant: str, path: Path) -> dict[str, float]:
    """Run in this process (a fresh one): time the variant, report peak memory."""
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    from portfolio.reading import read_client_file

    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    start = time.perf_counter()
    if variant == "pandas":
        frame = pd.read_csv(path, sep=";", decimal=",", encoding="cp1252")
        rows, errors = len(frame), 0
    else:
        result = read_client_file(path)
        frame, rows, errors = result.frame, len(result.frame), len(result.report.errors)
        if variant == "reader+insert":
            import duckdb

            database = OUT / "bench.duckdb"
            database.unlink(missing_ok=True)
            with duckdb.connect(str(database)) as con:
                con.register("incoming", frame)
                con.execute("CREATE TABLE clients AS SELECT * FROM incoming")
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    status = Path("/proc/self/status").read_text()
    peak_kb = int(status.split("VmHWM:")[1].split()[0])
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime - cpu_before,
            "peak_mb": peak_kb / 1024, "rows": rows, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--fresh", action="store_true", help="regenerate the file")
    parser.add_argument("--variant", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run_variant(args.variant, Path(args.file))))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"clients_fr_{args.rows}.csv"
    if args.fresh or not path.exists():
        start = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path.name} in {time.perf_counter() - start:.1f} s")
    size_mb = os.path.getsize(path) / 1e6
    print(f"file: {args.rows} rows, {size_mb:.1f} MB, {os.cpu_count()} CPUs")
    for variant in ("pandas", "reader", "reader+insert"):
        output = subprocess.run(
            [sys.executable, __file__, "--variant", variant, "--file", str(path)],
            check=True, capture_output=True, text=True).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        print(f"{variant:14s} {figures['seconds']:6.2f} s (cpu {figures['cpu']:5.2f} s)   peak {figures['peak_mb']:6.0f} MB "
              f"({figures['peak_mb'] * 1.048576 / size_mb:.1f}x file)   rows {figures['rows']}"
              f"   errors {figures['errors']}")


if __name__ == "__main__":
    main()
