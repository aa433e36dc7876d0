"""The bare DuckDB reference of the benchmarks: a client file scored by a grid in one query.

    python bench/duckdb_baseline.py CLIENTS.csv GRID_SPEC.json OUT.csv

What the shortest DuckDB script does: `read_csv` with the types it guesses, each
criterion's points by a CASE over its bands or categories, the axes' weighted means,
the segment by the cuts, `COPY` to CSV. No check of any kind: no encoding, separator
or decimal-mark detection, no alias, no problem reported with its row; a file it cannot
guess simply fails or is read wrong. It is the floor under any reading done in DuckDB
on this machine, printed beside `score` so that its distance to the target can be
judged. It imports nothing of Portfolio Pilot: the grid comes as pandas_baseline's
JSON spec.
"""

from __future__ import annotations

import json
import sys

import duckdb


def _number(value: float) -> str:
    return repr(float(value))


def _text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _points(criterion: dict) -> str:
    """The criterion's points, NULL when the cell has none or matches no band/category."""
    column = '"' + criterion["column"].replace('"', '""') + '"'
    if criterion["is_numeric"]:
        branches = " ".join(f"WHEN {column} >= {_number(b['start'])} THEN {_number(b['points'])}"
                            for b in reversed(criterion["bands"]))
        return f"CASE {branches} END"
    branches = " ".join(f"WHEN {_text(c['key'])} THEN {_number(c['points'])}"
                        for c in criterion["categories"])
    return f"CAST(CASE lower(trim(CAST({column} AS VARCHAR))) {branches} END AS DOUBLE)"


def scoring_sql(spec: dict, path: str, out: str) -> str:
    criteria = [c for axis in spec["axes"].values() for c in axis["criteria"]]
    points = ", ".join(f"{_points(c)} AS pts_{c['id']}" for c in criteria)
    axes = []
    for axis_id, axis in spec["axes"].items():
        total = " + ".join(f"{_number(c['weight'])} * coalesce(pts_{c['id']}, 0) / "
                           f"{_number(c['max_points'])}" for c in axis["criteria"])
        if spec["missing"] == "zero":
            weights = " + ".join(_number(c["weight"]) for c in axis["criteria"])
        else:
            weights = " + ".join(f"CASE WHEN pts_{c['id']} IS NULL THEN 0 ELSE "
                                 f"{_number(c['weight'])} END" for c in axis["criteria"])
        axes.append(f"round(100 * ({total}) / nullif({weights}, 0), 9) AS {axis_id}")
    incomplete = " OR ".join(f"pts_{c['id']} IS NULL" for c in criteria)
    bands = {a: " + ".join(f"CAST({a} >= {_number(cut)} AS INTEGER)" for cut in cuts)
             for a, cuts in spec["cuts"].items()}
    segment = " ".join(f"WHEN {bands['attractiveness']} = {s['cell']['attractiveness']} AND "
                       f"{bands['qrc']} = {s['cell']['qrc']} THEN {_text(s['id'])}"
                       for s in spec["segments"])
    kept = ", ".join(f"coalesce(pts_{c['id']}, 0.0) AS pts_{c['id']}" if spec["missing"] == "zero"
                     else f"pts_{c['id']}" for c in criteria)
    return f"""
        COPY (
            WITH clients AS (
                SELECT * REPLACE (coalesce(share_of_wallet,
                    least(revenue / CASE WHEN potential > 0 THEN potential END, 1.0))
                    AS share_of_wallet)
                FROM read_csv({_text(path)}, types = {{'client_id': 'VARCHAR'}})),
            pts AS (SELECT client_id, {points} FROM clients),
            axes AS (SELECT *, {", ".join(axes)}, {incomplete} AS incomplete FROM pts)
            SELECT client_id, attractiveness, qrc,
                   CASE WHEN attractiveness IS NOT NULL AND qrc IS NOT NULL
                        THEN CASE {segment} END END AS segment,
                   CASE WHEN incomplete THEN 'True' ELSE 'False' END AS incomplete, {kept}
            FROM axes
        ) TO {_text(out)} (HEADER)"""


def main(clients: str, spec_path: str, out: str) -> None:
    with open(spec_path, encoding="utf-8") as spec_file:
        spec = json.load(spec_file)
    duckdb.connect().execute(scoring_sql(spec, clients, out))


if __name__ == "__main__":
    main(*sys.argv[1:4])
