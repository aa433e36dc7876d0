"""The command line, `python -m portfolio`: a thin shell over the library, one module per command."""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Sequence

# The command modules import what their work needs when it runs, not here: parsing
# the command line loads no pandas, and an import (reading and storing a file in
# DuckDB) never does (bench/bench_import.py measures its peak memory).
from portfolio.cli import demo_cmd, grid_cmd, score_cmd
from portfolio.cli import datasets_cmd, export_cmd, import_cmd
from portfolio.cli import plan_cmd
from portfolio.cli import gaps_cmd
from portfolio.cli import access_cmd
from portfolio.cli import build_clients_cmd
from portfolio.cli import compare_cmd
from portfolio.cli import report_cmd
from portfolio.cli import migrate_cmd
from portfolio.cli.common import EXIT_USAGE, UserError
from portfolio.cli.db_option import HeldByAnotherProcess
from portfolio.store.handoff import send
from portfolio.faults import Fault, temporary_fault

# Each command module exposes `register(subparsers)`; adding a command is one line here.
COMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    score_cmd.register,
    grid_cmd.register,
    demo_cmd.register,
    import_cmd.register,
    datasets_cmd.register,
    export_cmd.register,
    plan_cmd.register,
    gaps_cmd.register,
    access_cmd.register,
    build_clients_cmd.register,
    compare_cmd.register,
    report_cmd.register,
    migrate_cmd.register,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m portfolio",
        description="Portfolio Pilot: score client portfolios on attractiveness × QRC.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except HeldByAnotherProcess as error:
        # The app server holds the database: it runs the command itself, if it listens.
        reply = send(error.path, argv)
        if reply is None:
            for line in error.lines:
                print(line, file=sys.stderr)
            return EXIT_USAGE
        sys.stdout.write(reply.stdout)
        sys.stderr.write(reply.stderr)
        return reply.code
    except UserError as error:
        # A user mistake (bad file, bad grid, missing path): its problems, no traceback.
        for line in error.lines:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    except Fault as error:
        # The machine stopped the work (full disk, folder, another program): what
        # happened and what to do, no traceback; the data stored is as it was.
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        # The store and the import say their faults themselves; what is left is a
        # file being read by a command (its copy in the temporary folder).
        fault = temporary_fault(error)
        if fault is None:
            raise
        print(f"error: {fault}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
