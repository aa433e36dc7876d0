"""`report --dataset NAME [--rep NAME | --all-reps] --out FILE.pdf|FOLDER`: printable pages,
one per rep or one for the team, as PDF or PNG."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from portfolio.cli.as_option import acting_person, add_as_option, refusals_reported
from portfolio.cli.common import UserError, grid_from, norms_from
from portfolio.cli.dataset_view import person_view
from portfolio.cli.db_option import add_db_option, opened_store
from portfolio.i18n import LANGUAGES, language_from_locale

FORMATS = ("pdf", "png")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="printable pages: one per rep, or one for the team (PDF or PNG)",
        description="One A4 page per rep (--rep, --all-reps) or for the team (neither): title, "
                    "dataset, period, grid and date; the structure against the norm; the matrix "
                    "of the clients; the gaps; development priorities; priority clients and "
                    "visits; the rep's kept objective for the period and the outcome of the one "
                    "kept for the period before, on a second page when the first is full "
                    "(one page per rep otherwise). --out FILE.pdf writes one PDF with every page; --out FOLDER one "
                    "file per page (PDF, or PNG with --format png). Charts are drawn by "
                    "Chromium (BROWSER_PATH, else chromium on the PATH).")
    parser.add_argument("--dataset", required=True, help="dataset name")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--rep", help="the one rep to print (default: the team's page)")
    who.add_argument("--all-reps", action="store_true", help="one page per rep, in name order")
    parser.add_argument("--out", required=True,
                        help="a .pdf (or, for one page, .png) file, or a folder for one file per page")
    parser.add_argument("--format", choices=FORMATS,
                        help="files written in a folder: pdf (default) or png")
    parser.add_argument("--period", help="period to print (default: the latest)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="language of the pages (default: from LANG, else en)")
    parser.add_argument("--grid", help="scoring grid (YAML); default config/grids/default.yaml")
    parser.add_argument("--norms", help="norms (YAML); default config/norms.yaml")
    add_db_option(parser)
    add_as_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from portfolio.access.rules import peers_of
    from portfolio.report.charts import ChartsUnavailable
    from portfolio.report.content import report_reps
    from portfolio.report.files import file_stem, pages_written, write_beside
    from portfolio.report.service import report_bytes, report_files
    from portfolio.store import guarded

    target, folder, image = _output(args)
    grid = grid_from(args.grid)
    norms = norms_from(args.norms, grid)
    lang = args.lang or language_from_locale(os.environ.get("LANG"))
    person = acting_person(args)
    with opened_store(args, create=False) as store:
        view = person_view(args, store, person, grid)
        dataset, scope = view.dataset, view.visibility
        reps = report_reps(view)  # only the reps whose clients the person may see
        chosen = _chosen_reps(args, reps, dataset.name, view.shown_period)
        peers = peers_of(person, scope)
        written = []
        try:
            if folder:  # a file per page, every chart drawn in one browser session
                stems: set[str] = set()
                for rep, files in report_files(view, norms, lang, chosen, peers, image=image):
                    stem = file_stem(rep)
                    while stem in stems:  # two names made alike for the disk ("A/B", "A_B")
                        stem += "_"
                    stems.add(stem)
                    names = [f"{stem}.{'png' if image else 'pdf'}"]
                    if len(files) > 1:  # a sheet running over a page
                        names = [f"{stem}-{index}.png" for index in range(1, len(files) + 1)]
                    for name, data in zip(names, files):
                        write_beside(target / name, data)
                        written.append(target / name)
            else:
                write_beside(target, report_bytes(view, norms, lang, chosen, peers, image=image)[0])
                written.append(target)
        except ChartsUnavailable as error:
            raise UserError(f"error: {error}") from error
        except OSError as error:  # a full disk is a Fault, said as such
            raise UserError(f"error: cannot write {target}: {error.strerror or error}") from error
        if not person.local:
            with refusals_reported():
                guarded.record_export(store, person, dataset, _clients_shown(view, chosen),
                                      file=target.name)
    count = pages_written(written)
    print(f"Wrote {count} page(s) of {dataset.name!r} to "
          f"{target if not folder else f'{len(written)} file(s) in {target}'}.", file=sys.stderr)
    return 0


def _output(args: argparse.Namespace) -> tuple[Path, bool, bool]:
    """(target, is a folder, as PNG) from --out and --format, refused before any work when
    the file or folder cannot be written."""
    target = Path(args.out)
    suffix = target.suffix.lower()
    if suffix in (".pdf", ".png") and not target.is_dir():
        if args.format is not None and args.format != suffix[1:]:
            raise UserError(f"error: --out {target.name} is a .{suffix[1:]} file but --format is "
                            f"{args.format}: give one or the other.")
        if suffix == ".png" and args.all_reps:
            raise UserError("error: a .png file holds one page: give --rep NAME, or a folder "
                            "as --out for one image per rep.")
        parent = target.parent if str(target.parent) else Path(".")
        if not parent.is_dir():
            raise UserError(f"error: cannot write {target}: the folder {parent} does not exist.")
        if not os.access(parent, os.W_OK):
            raise UserError(f"error: cannot write {target}: the folder {parent} is not writable.")
        return target, False, suffix == ".png"
    if target.exists() and not target.is_dir():
        raise UserError(f"error: --out {target} is a file that is neither .pdf nor .png: give a "
                        f".pdf file, or a folder for one file per page.")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"error: cannot create the folder {target}: {error.strerror or error}.") from error
    if not os.access(target, os.W_OK):
        raise UserError(f"error: cannot write in the folder {target}: it is not writable.")
    return target, True, args.format == "png"


def _chosen_reps(args: argparse.Namespace, reps: list[str], dataset: str,
                 period: str | None) -> list[str] | None:
    """The reps printed (None: the team's page); an unknown rep is named with those there are."""
    if args.all_reps:
        if not reps:
            raise UserError(f"error: dataset {dataset!r} has no client to print at period {period}.")
        return reps
    if args.rep is None:
        return None
    if args.rep not in reps:
        listed = ", ".join(repr(rep) for rep in reps) or "none"
        raise UserError(f"error: no rep named {args.rep!r} in dataset {dataset!r} at period "
                        f"{period}; the reps are: {listed}.")
    return [args.rep]


def _clients_shown(view, reps: list[str] | None) -> int:  # noqa: ANN001 (a PortfolioView)
    """The clients whose figures the pages print (for the audit log)."""
    from portfolio.structure import compare_reps

    totals = compare_reps(view).reps
    if reps is not None:
        totals = totals[totals["salesperson"].isin(reps)]
    return int(totals["clients"].sum())
