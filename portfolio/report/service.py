"""The report of a portfolio view, as the app and the command line ask for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from portfolio.access import Visibility
from portfolio.norms import Norms
from portfolio.report.build import pages_png, report_pdf, sheet_pdfs
from portfolio.report.content import Sheet, rep_sheets, team_sheet
from portfolio.view import PortfolioView


def report_sheets(view: PortfolioView, norms: Norms, lang: str, reps: Sequence[str] | None,
                  peers: Visibility | None = None, made_on: dt.date | None = None) -> list[Sheet]:
    """A sheet per rep of `reps`, or the team's one sheet when `reps` is None."""
    if reps is None:
        return [team_sheet(view, norms, lang, made_on)]
    return rep_sheets(view, norms, list(reps), lang, peers, made_on)


def viewer_reps(view: PortfolioView) -> list[str] | None:
    """The reps whose clients alone the view shows (a team sheet is then named after them)."""
    names = view.visibility.salespeople
    return None if names is None else sorted(names)


def report_bytes(view: PortfolioView, norms: Norms, lang: str, reps: Sequence[str] | None,
                 peers: Visibility | None = None, image: bool = False) -> list[bytes]:
    """The report as one PDF (a one-item list), or as one PNG per page with `image`."""
    sheets = report_sheets(view, norms, lang, reps, peers)
    pdf = report_pdf(sheets, view.grid, lang, viewer_reps(view))
    return pages_png(pdf) if image else [pdf]


def report_files(view: PortfolioView, norms: Norms, lang: str, reps: Sequence[str] | None,
                 peers: Visibility | None = None,
                 image: bool = False) -> list[tuple[str | None, list[bytes]]]:
    """A file per sheet: (its rep, None for the team; its PDF, or one PNG per page)."""
    sheets = report_sheets(view, norms, lang, reps, peers)
    pdfs = sheet_pdfs(sheets, view.grid, lang, viewer_reps(view))
    return [(sheet.rep, pages_png(pdf) if image else [pdf]) for sheet, pdf in zip(sheets, pdfs)]
