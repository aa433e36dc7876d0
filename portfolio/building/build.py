"""build_clients: sales lines (and their side files) in, one row per client out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from portfolio.building import accounts as side
from portfolio.building import output
from portfolio.building.bound import execute
from portfolio.building.checks import line_problems
from portfolio.building.choices import Choices
from portfolio.building.facts import CLIENT_FACTS, REP_FACTS, build_facts, windowed_lines
from portfolio.building.owners import clients_sql
from portfolio.building.potential import (CLIENT_POTENTIAL, BadRule, EstimateRule,
                                          PotentialSources, build_potential, parse_rule)
from portfolio.building.roles import (ACCOUNT_ROLES, FAMILY_ROLES, LINE_ROLES, POTENTIAL_ROLES,
                                      RATE_ROLES, Role)
from portfolio.building.table_file import TableFile, read_table
from portfolio.building.window import BadWindow, Window, parse_window
from portfolio.contract import header_key
from portfolio.problems import Detail, Problem, detail
from portfolio.reading import cancel
from portfolio.reading.issues import file_problem
from portfolio.reading.staging import Staging

LINES, ACCOUNTS, FAMILIES, POTENTIALS, RATES = "lines", "accounts", "families", "potentials", "rates"
_ROLE = {r.name: r for r in LINE_ROLES}
Located = tuple[str, Problem]  # the file a problem is about (its name), and the problem


@dataclass(frozen=True)
class BuildOptions:
    """What the user chose; None and empty mean "not given" (see docs/sales-lines.md)."""

    lines: Path
    out: Path
    accounts: Path | None = None
    window: str = "12m"
    as_of: dt.date | None = None
    stage_column: str | None = None
    won: tuple[str, ...] = ()
    families: Path | None = None
    shared: str = "main"
    column_map: Mapping[str, str] = field(default_factory=dict)
    potential_file: Path | None = None
    estimate: str | None = None
    estimate_rates: Path | None = None


@dataclass
class BuildOutcome:
    """What was written, the choices made (also in the sidecar file) and the warnings."""

    rows: int
    clients: int
    choices: Choices
    warnings: list[Located]


class BuildError(Exception):
    """The inputs cannot give a client file: every problem, with the file it is about."""

    def __init__(self, problems: Sequence[Located]):
        self.problems = list(problems)
        super().__init__("; ".join(p.describe() for _, p in self.problems))


def build_clients(options: BuildOptions) -> BuildOutcome:
    """Read the lines and side files, compute each client's figures in SQL, write the
    client file and its choices; raises BuildError for anything the user must fix."""
    window, rule = _parsed(options)
    staging = Staging()
    try:
        with staging.connect() as con:
            return _Build(con, staging, options, window, rule).run()
    except duckdb.InterruptException:
        # The build's own queries (past the reading) stopped by a cancel: said as the
        # reading's is, so that the page tells the user it was cancelled.
        cancel.check()
        raise
    finally:
        staging.close()


def _option_error(key: str, **values: object) -> BuildError:
    return BuildError([("", file_problem("bad_option", detail(key, **values)))])


def _parsed(options: BuildOptions) -> tuple[Window, EstimateRule | None]:
    try:
        window = parse_window(options.window)
    except BadWindow:
        raise _option_error("building.bad_window", window=repr(options.window)) from None
    if options.estimate_rates and not options.estimate:
        raise _option_error("building.rates_without_rule")
    try:
        return window, parse_rule(options.estimate) if options.estimate else None
    except BadRule:
        raise _option_error("building.bad_rule", rule=repr(options.estimate)) from None


def _stop(problems: Sequence[Located]) -> None:
    blocking = [x for x in problems if x[1].blocking]
    if blocking:
        raise BuildError(blocking)


def _missing_role(file: str, key: str, role: str, **values: object) -> BuildError:
    accepted = ", ".join(repr(a) for a in (role, *_ROLE[role].aliases))
    return BuildError([(file, file_problem("missing_column", detail(
        key, accepted=accepted, **values), column=role))])


class _Build:
    """One build: the staging database, the options, and what each step found."""

    def __init__(self, con: duckdb.DuckDBPyConnection, staging: Staging, options: BuildOptions,
                 window: Window, rule: EstimateRule | None):
        self.con, self.staging, self.options = con, staging, options
        self.window, self.rule = window, rule
        self.warnings: list[Located] = []
        self.won = tuple(v.strip().casefold() for item in options.won
                         for v in item.split(",") if v.strip())
        self.params: dict[str, object] = {"won": list(self.won)}

    def read(self, name: str, path: Path, roles: Sequence[Role],
             column_map: Mapping[str, str] | None = None, key: str | None = None) -> TableFile:
        if not path.is_file():
            raise BuildError([(path.name, file_problem("missing_file", detail(
                "building.file_not_found", file=str(path))))])
        table, problems = read_table(self.con, self.staging, name, path, roles, column_map)
        _stop([(path.name, p) for p in problems])
        assert table is not None
        if key is not None:
            _stop(side.duplicate_keys(self.con, table, key))
        return table

    def run(self) -> BuildOutcome:
        options = self.options
        column_map = dict(options.column_map)
        if options.stage_column:
            column_map[options.stage_column] = "stage"
        lines = self.read(LINES, options.lines, LINE_ROLES, column_map)
        self.check_line_roles(lines)
        kept = _kept_sql(bool(self.won))
        _stop([(lines.path.name, p) for p in line_problems(self.con, kept, self.params, lines)])
        read, won, latest = execute(self.con, f"SELECT (SELECT count(*) FROM {LINES}), count(*), "
                                              f"max(date) FROM ({kept})", self.params).fetchall()[0]
        if not won:
            raise BuildError([(lines.path.name, file_problem("no_rows", self.no_lines(lines)))])
        as_of = options.as_of or latest
        start = self.window.start(as_of)
        previous_start = self.window.start(start)
        self.params.update(as_of=as_of, start=start, previous_start=previous_start)
        families = None
        if options.families:
            self.read(FAMILIES, options.families, FAMILY_ROLES, key="product")
            families = FAMILIES
        windowed = windowed_lines(kept, families)
        build_facts(self.con, windowed, self.params)
        after, before = execute(self.con, "SELECT count(*) FILTER (WHERE date > $as_of), "
                                          "count(*) FILTER (WHERE date <= $previous_start) "
                                          f"FROM ({kept})", self.params).fetchall()[0]
        unmapped = self.unmapped_products(windowed) if families else []
        accounts = None
        if options.accounts:
            accounts = self.read(ACCOUNTS, options.accounts, ACCOUNT_ROLES, key="client")
            self.warnings += side.unknown_clients(self.con, accounts, CLIENT_FACTS)
        self.check_revenue(lines)
        sources = self.potential_sources(lines, accounts, kept)
        build_potential(self.con, CLIENT_FACTS, sources, self.params)
        self.check_potential()
        extra = side.extra_columns(self.con, accounts) if accounts else []
        sql = clients_sql(options.shared, extra, ACCOUNTS if accounts else None)
        rows = output.write_clients(self.con, sql, options.out)
        choices = self.choices(lines, (read, won, after, before), as_of, start, previous_start,
                               families, unmapped, rows, accounts)
        output.write_choices(choices, options.out)
        return BuildOutcome(rows, choices.clients, choices, self.warnings)

    def check_line_roles(self, lines: TableFile) -> None:
        name = lines.path.name
        if self.won and "stage" not in lines.roles:
            raise _missing_role(name, "building.won_without_stage", "stage")
        if "stage" in lines.roles and not self.won:
            self.warnings.append((name, file_problem("no_stage_filter", detail(
                "building.no_stage_filter", column=repr(lines.header_of("stage"))),
                blocking=False)))
        if self.options.families and "product" not in lines.roles:
            raise _missing_role(name, "building.families_without_product", "product")

    def no_lines(self, lines: TableFile) -> Detail:
        if not self.won:
            return detail("building.no_lines", file=lines.path.name)
        stages = [r[0] for r in self.con.execute(
            f"SELECT stage FROM {LINES} WHERE stage IS NOT NULL GROUP BY stage "
            f"ORDER BY count(*) DESC, stage LIMIT 10").fetchall()]
        return detail("building.no_won_lines", column=repr(lines.header_of("stage")),
                      won=", ".join(repr(v) for v in self.won),
                      found=", ".join(repr(s) for s in stages) or "-")

    def unmapped_products(self, windowed: str) -> list[str]:
        found = [r[0] for r in execute(
            self.con, f"SELECT DISTINCT product FROM ({windowed}) WHERE family IS NULL "
                      f"AND product IS NOT NULL ORDER BY 1", self.params).fetchall()]
        if found:
            self.warnings.append((self.options.families.name, file_problem(
                "unmapped_product", detail("building.unmapped_products", count=len(found),
                                           products=", ".join(repr(p) for p in found[:10])),
                blocking=False)))
        return found

    def potential_sources(self, lines: TableFile, accounts: TableFile | None, kept: str
                          ) -> PotentialSources:
        options, rule = self.options, self.rule
        file_table = rates = base = None
        if options.potential_file:
            self.read(POTENTIALS, options.potential_file, POTENTIAL_ROLES, key="client")
            file_table = POTENTIALS
        if rule is not None:
            if accounts is None:
                raise _option_error("building.rule_without_accounts", rule=rule.label)
            base = _base_column(accounts, rule.base)
            if options.estimate_rates:
                self.read(RATES, options.estimate_rates, RATE_ROLES, key="industry")
                rates = RATES
        lines_potential = (f"SELECT client, potential FROM ({kept})"
                           if "potential" in lines.roles else None)
        return PotentialSources(
            file_table=file_table, accounts_table=ACCOUNTS if accounts else None,
            accounts_potential=accounts is not None and "potential" in accounts.roles,
            lines_potential=lines_potential, base_column=base, rates_table=rates,
            default_rate=rule.rate if rule else None)

    def check_revenue(self, lines: TableFile) -> None:
        """A revenue below zero over the window (credit notes above sales) cannot be
        imported: said here, with the clients (and reps, when split) concerned."""
        table, who = ((CLIENT_FACTS, "client") if self.options.shared == "main"
                      else (REP_FACTS, "client || ' / ' || rep"))
        count, example = self.con.execute(
            f"SELECT count(*), string_agg(who, ', ' ORDER BY who) FILTER (WHERE rank <= 10) "
            f"FROM (SELECT {who} AS who, row_number() OVER (ORDER BY {who}) AS rank "
            f"FROM {table} WHERE revenue < 0)").fetchall()[0]
        if count:
            raise BuildError([(lines.path.name, file_problem("negative_revenue", detail(
                "building.negative_revenue", count=count, clients=example)))])

    def check_potential(self) -> None:
        missing, example = self.con.execute(
            f"SELECT count(*), string_agg(client, ', ' ORDER BY client) FILTER (WHERE rank <= 10) "
            f"FROM (SELECT client, row_number() OVER (ORDER BY client) AS rank "
            f"FROM {CLIENT_POTENTIAL} WHERE potential IS NULL)").fetchall()[0]
        if missing:
            raise BuildError([(self.options.lines.name, file_problem("no_potential", detail(
                "building.no_potential", count=missing, clients=example)))])

    def choices(self, lines: TableFile, counts: tuple[int, int, int, int], as_of: dt.date,
                start: dt.date, previous_start: dt.date, families: str | None,
                unmapped: list[str], rows: int, accounts: TableFile | None) -> Choices:
        options = self.options
        clients, shared, least, most, revenue = self.con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE reps > 1), min(reps) FILTER (WHERE reps > 1), "
            f"max(reps), sum(revenue) FROM {CLIENT_FACTS}").fetchall()[0]
        stated, estimated, potential = self.con.execute(
            f"SELECT count(*) FILTER (WHERE NOT potential_estimated), "
            f"count(*) FILTER (WHERE potential_estimated), sum(potential) "
            f"FROM {CLIENT_POTENTIAL}").fetchall()[0]
        if families:
            families_from = f"file {options.families.name} (product → family)"
        elif "family" in lines.roles:
            families_from = f"column {lines.header_of('family')!r}"
        else:
            families_from = "none"
        day = dt.timedelta(days=1)
        return Choices(
            lines_file=lines.path.name,
            columns={role: lines.headers[j] for role, j in lines.roles.items()},
            lines_read=counts[0], stage_column=lines.header_of("stage") if self.won else None,
            won_values=list(options.won), lines_won=counts[1], as_of=as_of.isoformat(),
            as_of_from="option" if options.as_of else "latest line", window=self.window.label,
            window_current=((start + day).isoformat(), as_of.isoformat()),
            window_previous=((previous_start + day).isoformat(), start.isoformat()),
            lines_after_as_of=counts[2], lines_before_windows=counts[3],
            families_from=families_from, unmapped_products=unmapped, shared=options.shared,
            clients=clients, rows=rows, shared_clients=shared,
            reps_per_shared_client=(least, most) if shared else None,
            accounts_file=accounts.path.name if accounts else None,
            potential_stated=stated, potential_estimated=estimated,
            estimate_rule=self.rule.label if self.rule else None,
            estimate_rates_file=options.estimate_rates.name if options.estimate_rates else None,
            revenue_total=float(revenue or 0), potential_total=float(potential or 0))


def _kept_sql(won: bool) -> str:
    """The lines kept (the won ones when a stage filter is given), every role a column."""
    items = ["source_row", "client", "rep", "date", "amount", "client_text", "rep_text",
             "date_text", "amount_text", "client_name", "product", "family",
             '"order" AS order_id', "stage", "potential"]
    where = " WHERE list_contains($won, lower(stage))" if won else ""
    return f"SELECT {', '.join(items)} FROM {LINES}{where}"


def _base_column(accounts: TableFile, base: str) -> str:
    """The accounts column an estimate is based on: a role (company_revenue, employees)
    or any header, read as a number."""
    if base in accounts.roles and base in ("company_revenue", "employees"):
        return base
    for j, header in accounts.others.items():
        if header == base or header_key(header) == header_key(base):
            return f"x{j}_num"
    for role, j in accounts.roles.items():
        if header_key(accounts.headers[j]) == header_key(base) and role in (
                "company_revenue", "employees"):
            return role
    raise BuildError([(accounts.path.name, file_problem("missing_column", detail(
        "building.no_base_column", base=repr(base),
        columns=", ".join(repr(h) for h in accounts.headers if h)), column=base))])
