"""`build-clients LINES …`: a client file (one row per client) from sales lines or won deals."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from portfolio.cli.common import UserError
from portfolio.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build-clients", help="build a client file from sales lines or won deals",
        description="Read sales lines or deals (client, date, amount, product or family, rep) "
                    "and write one row per client by the data contract: revenue over the "
                    "window, growth, families bought, last purchase, orders, the rep. "
                    "See docs/sales-lines.md.")
    parser.add_argument("lines", help="sales lines or deals (.csv or .xlsx)")
    parser.add_argument("--out", required=True, help="client file to write (.csv); its "
                        "choices are written beside it (NAME.choices.json)")
    parser.add_argument("--accounts", help="accounts file: client name, industry, region, "
                        "company revenue, employees, potential, any other column")
    parser.add_argument("--window", default="12m",
                        help="revenue window ending on the as-of date: 12m, 6m, 365d, 1y "
                             "(default 12m); the window before it gives the growth")
    parser.add_argument("--as-of", help="last day of the window, 2026-06-30 or 30/06/2026 "
                                        "(default: the latest line's date)")
    parser.add_argument("--stage-column", help="the lines' stage column (default: found by name)")
    parser.add_argument("--won", action="append", default=[], metavar="VALUE",
                        help="keep only the lines whose stage is VALUE (repeatable, or "
                             "comma-separated; case ignored)")
    parser.add_argument("--families", help="product -> family mapping file (product, family)")
    parser.add_argument("--shared", choices=("main", "split"), default="main",
                        help="a client sold by several reps: owned by the main rep (team "
                             "column lists the others), or one row per rep with the revenue "
                             "and potential split by each rep's share (default main)")
    parser.add_argument("--map", action="append", default=[], metavar="HEADER=COLUMN",
                        help="read the lines' column HEADER as COLUMN (client, client_name, "
                             "date, amount, product, family, rep, order, stage, potential)")
    parser.add_argument("--potential", help="potential file (client, potential)")
    parser.add_argument("--estimate", metavar="BASE=RATE",
                        help="estimate a missing potential as RATE × the accounts' column "
                             "BASE (company_revenue, employees or any numeric column)")
    parser.add_argument("--estimate-rates", metavar="FILE",
                        help="rates per industry (industry, rate) for --estimate")
    parser.set_defaults(run=run)


def _as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    raise UserError(t("building.bad_as_of", value=repr(text)))


def _column_map(items: list[str]) -> dict[str, str]:
    from portfolio.building.roles import LINE_ROLES, role_names

    names = role_names(LINE_ROLES)
    column_map: dict[str, str] = {}
    for item in items:
        header, sep, column = item.partition("=")
        if not sep or not header.strip() or column.strip() not in names:
            raise UserError(t("building.bad_map", item=repr(item), columns=", ".join(names)))
        column_map[header.strip()] = column.strip()
    return column_map


def run(args: argparse.Namespace) -> int:
    from portfolio.building import BuildOptions, build_clients
    from portfolio.building.build import BuildError

    out = Path(args.out)
    if out.suffix.lower() != ".csv":
        raise UserError(t("building.out_not_csv", path=str(out)))
    options = BuildOptions(
        lines=Path(args.lines), out=out, accounts=_path(args.accounts), window=args.window,
        as_of=_as_of(args.as_of), stage_column=args.stage_column, won=tuple(args.won),
        families=_path(args.families), shared=args.shared, column_map=_column_map(args.map),
        potential_file=_path(args.potential), estimate=args.estimate,
        estimate_rates=_path(args.estimate_rates))
    try:
        outcome = build_clients(options)
    except BuildError as error:
        raise UserError(*(_located(file, p.describe()) for file, p in error.problems),
                        t("building.nothing_written")) from error
    except OSError as error:
        raise UserError(t("building.cannot_write", path=str(out),
                          error=error.strerror or str(error))) from error
    for file, problem in outcome.warnings:
        print(_located(file, problem.describe()), file=sys.stderr)
    for line in outcome.choices.describe():
        print(line, file=sys.stderr)
    shared = outcome.choices.shared_warning()
    if shared:
        print(shared, file=sys.stderr)
    print(t("building.written", rows=outcome.rows, clients=outcome.clients, path=str(out)))
    return 0


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _located(file: str, text: str) -> str:
    return f"{file}: {text}" if file else text
