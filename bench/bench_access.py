"""Benchmark: the visibility condition on 1,000,000 clients, per kind of viewer.

A segment mix (count and revenue per region) under each visibility, on a file-less DuckDB
table: the whole team, one rep, a director's two regions (values and cells trimmed and
case-folded in SQL), and the access file read for 500 people.
Run: .venv/bin/python bench/bench_access.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from portfolio.access import Visibility  # noqa: E402
from portfolio.access.loader import parse_access  # noqa: E402

CLIENTS, REPS, REGIONS, RUNS, PEOPLE = 1_000_000, 300, 13, 9, 500


def median_ms(run) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    con = duckdb.connect()
    con.execute(f"""CREATE TABLE clients AS SELECT i AS client_id,
        'Rep ' || (i % {REPS}) AS salesperson,
        CASE WHEN i % 7 = 0 THEN ' NORMANDIE ' ELSE 'Region ' || (i % {REGIONS}) END AS region,
        (i % 1000) * 10.0 AS revenue FROM range({CLIENTS}) t(i)""")
    viewers = {
        "everyone": Visibility.everyone(),
        "one rep": Visibility.only(["Rep 7"]),
        "director, 2 regions": Visibility.where("region", ["Normandie", "Region 3"]),
    }
    print(f"{CLIENTS:,} clients, median of {RUNS} runs")
    for label, visibility in viewers.items():
        condition = visibility.condition()
        sql = (f"SELECT region, count(*), sum(revenue) FROM clients WHERE {condition.sql} "
               f"GROUP BY region")
        seen = con.execute(f"SELECT count(*) FROM clients WHERE {condition.sql}",
                           condition.params).fetchone()[0]
        ms = median_ms(lambda: con.execute(sql, condition.params).fetchall())
        print(f"  {label:<22} {seen:>9,} clients seen  {ms:7.1f} ms")
    text = "version: 1\npeople:\n" + "".join(
        f"  - {{email: rep{i}@example.com, role: rep, salespeople: [Rep {i}]}}\n" for i in range(PEOPLE))
    ms = median_ms(lambda: parse_access(text, "access.yaml"))
    print(f"  access file of {PEOPLE} people read and checked: {ms:.1f} ms ({len(text) / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
