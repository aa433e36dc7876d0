"""Read a table file (CSV or .xlsx) by the client-file reading rules into a DuckDB table.

The reading package's pieces do the work: content sniffing, encoding detection and
Windows-1252 transcoding, separator detection, DuckDB's CSV scanner with rejected
rows, Excel cells, the frame query (trimmed text and numbers with decimal comma) and
row numbering as the user sees it. Only the header is matched here, against the
roles of the file at hand rather than the client-file contract.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from portfolio.contract import header_key
from portfolio.problems import Problem, detail
from portfolio.reading import cells, layout, query
from portfolio.reading.csv_source import CsvTable
from portfolio.reading.encoding import prepare_text
from portfolio.reading.header import ColumnPlan
from portfolio.reading.reader import detect_decimal
from portfolio.reading.issues import file_problem, row_problems
from portfolio.reading.sniff import HEAD_BYTES, sniff_format
from portfolio.reading.staging import STAGED, Staging, number_rows, numbered_sql
from portfolio.building.roles import Role, hits, match_roles
from portfolio.sql import quote_identifier


@dataclass
class TableFile:
    """A file read into table `name` of the building database.

    Columns of that table: `source_row`, then for each role `<role>` (text, DOUBLE or
    DATE by the role's kind; NULL when the file lacks it) and `<role>_text` (the cell
    as written), and
    `x<j>` / `x<j>_num` for every other column (text, and the number it reads as).
    """

    name: str
    path: Path
    headers: list[str]
    roles: dict[str, int]  # role -> 0-based column position
    others: dict[int, str] = field(default_factory=dict)  # position -> header
    decimal: str = "."

    def header_of(self, role: str) -> str:
        return self.headers[self.roles[role]]


def read_table(con: duckdb.DuckDBPyConnection, staging: Staging, name: str, path: Path,
               roles: Sequence[Role], column_map: Mapping[str, str] | None = None
               ) -> tuple[TableFile | None, list[Problem]]:
    """Read `path` into table `name` of `con` (the staging database); the problems found.

    A missing required role is a problem naming the aliases looked for; so is a file
    that cannot be read as a table.
    """
    with open(path, "rb") as handle:
        kind, problem = sniff_format(handle.read(HEAD_BYTES))
    if problem is not None:
        return None, [problem]
    if kind == "xlsx":
        from portfolio.reading.xlsx_source import read_xlsx  # openpyxl only for workbooks

        source, problems = read_xlsx(path, None, None)
        if source is None:
            return None, problems
        headers = ["" if h is None else str(h).strip() for h in source.headers]
        default_decimal = ","
    else:
        text, problem = prepare_text(path, None, staging.folder)
        if text is None:
            return None, [problem]
        sample = layout.read_sample(text.path)
        separator = layout.detect_separator(sample, layout.HEADER_SCAN_ROWS)
        records = layout.sample_records(sample, separator, layout.HEADER_SCAN_ROWS)
        header_index = _header_index(records, roles)
        if header_index is None:
            return None, [file_problem("empty_file", detail("problems_file.no_values"))]
        headers = [c.strip() for c in records[header_index]]
        source = CsvTable(text, separator, header_index + 1, len(headers))
        default_decimal = "." if separator == "," else ","
    found = match_roles(headers, roles, column_map)
    problems = _unknown_mapped(headers, column_map, path)
    problems += [_missing(role, path) for role in roles if role.required and role.name not in found]
    if problems:
        return None, problems
    table = TableFile(name, path, headers, found,
                      {j: h for j, h in enumerate(headers) if j not in found.values()})
    by_role = {r.name: r for r in roles}
    plans = [ColumnPlan(j, h, f"c{j}", None) for j, h in enumerate(headers)]
    with duckdb.connect(":memory:") as reading:
        reading.execute("SET enable_progress_bar = false")
        source.attach(reading)
        number_plans = [plans[j] for r, j in found.items() if by_role[r].kind == "number"]
        table.decimal = detect_decimal(reading, source, number_plans, default_decimal)
        relation, params = source.relation()
        sql = query.frame_sql(relation, source.parts(), plans, table.decimal, source.extra())
        count, read_problems = source.stage(reading, sql, params, con)
    if count is None:
        return None, read_problems
    first, skipped = source.numbering()
    numbered = numbered_sql("", first, number_rows(con, first, skipped))
    con.execute(f"CREATE OR REPLACE TABLE {quote_identifier(name)} AS "
                f"SELECT {_typed_columns(table, by_role, kind == 'xlsx')} FROM ({numbered}) "
                f"WHERE NOT blank")
    read_problems += _ragged(con, numbered, path)
    con.execute(f"DROP TABLE {STAGED}; DROP TABLE IF EXISTS skips")
    return table, read_problems


def _header_index(records: Sequence[Sequence[str]], roles: Sequence[Role]) -> int | None:
    """The first record naming two roles, else the first record with a value."""
    for index, row in enumerate(records):
        if hits(row, roles) >= 2:
            return index
    return next((i for i, row in enumerate(records) if any(c.strip() for c in row)), None)


def _typed_columns(table: TableFile, roles: Mapping[str, Role], excel: bool) -> str:
    items = ["source_row"]
    for name, j in table.roles.items():
        kind = roles[name].kind
        role = quote_identifier(name)
        if kind == "number":
            items.append(f"num{j} AS {role}")
        elif kind == "date":
            date = cells.sane_date(cells.text_date(f"v{j}"))
            if excel:  # a date cell formatted as a number is an Excel serial day
                date = (f"CASE WHEN regexp_full_match(v{j}, '[0-9]+') "
                        f"THEN {cells.serial_date(f'TRY_CAST(v{j} AS DOUBLE)')} ELSE {date} END")
            items.append(f"CAST({date} AS DATE) AS {role}")
        else:
            items.append(f"v{j} AS {role}")
        items.append(f"v{j} AS {quote_identifier(name + '_text')}")
    # A role the file lacks is a column of NULLs: every query can name every role.
    for name, role in roles.items():
        if name not in table.roles:
            kind = {"number": "DOUBLE", "date": "DATE"}.get(role.kind, "VARCHAR")
            items += [f"CAST(NULL AS {kind}) AS {quote_identifier(name)}",
                      f"CAST(NULL AS VARCHAR) AS {quote_identifier(name + '_text')}"]
    for j in table.others:
        items += [f"v{j} AS x{j}", f"num{j} AS x{j}_num"]
    return ", ".join(items)


def _ragged(con: duckdb.DuckDBPyConnection, numbered: str, path: Path) -> list[Problem]:
    rows = [r[0] for r in con.execute(
        f"SELECT source_row FROM ({numbered}) WHERE ragged ORDER BY source_row").fetchall()]
    if not rows:
        return []
    return row_problems(rows, None, "ragged_row", detail("building.ragged_row", file=path.name))


def _unknown_mapped(headers: Sequence[str], column_map: Mapping[str, str] | None,
                    path: Path) -> list[Problem]:
    folded = {h.strip() for h in headers}
    keys = {header_key(h) for h in headers}
    return [file_problem("bad_option", detail(
        "building.map_no_such_column", file=path.name, column=repr(header),
        columns=", ".join(repr(h) for h in headers if h)), column=header)
        for header in (column_map or {})
        if header.strip() not in folded and header_key(header) not in keys]


def _missing(role: Role, path: Path) -> Problem:
    accepted = ", ".join(repr(a) for a in (role.name, *role.aliases))
    return file_problem("missing_column", detail(
        "building.missing_column", file=path.name, column=repr(role.name), accepted=accepted),
        column=role.name)
