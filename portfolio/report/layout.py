"""A sheet laid out as one A4 page of a PDF (fpdf2): header, totals, the matrix, the structure
against the norm, the gaps, development priorities, priority clients and visits; then the
rep's kept objective and the outcome of the last one, below on the page when they fit,
else on a second page (one page per rep unless a kept objective needs another).

Text comes from the catalogue (`report.*`, and the pages' own labels where the same words
are meant), figures are written by `portfolio.numbers`, so the page reads as the screen does.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from fpdf import FPDF

from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.numbers import (EMPTY, decimal, money, number, percent, score, share_points, style,
                               timestamp)
from portfolio.objectives import ObjectiveOutcome, SavedObjective
from portfolio.report.content import Sheet

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0
CONTENT_W = PAGE_W - 2 * MARGIN
MATRIX_MM = 92.0
NORMS_CHART_MM = (CONTENT_W, 52.0)
ROW_MM = 4.6
GREY, INK, RULE = (90, 90, 90), (20, 20, 20), (200, 200, 200)
# A Unicode font, so that French figures keep their narrow no-break spaces and names their
# accents; PORTFOLIO_REPORT_FONT names another regular .ttf (its "-Bold" twin beside it).
FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/TTF/DejaVuSans.ttf")
# What the PDF's built-in font cannot write, when no Unicode font is found.
LATIN1_FALLBACK = str.maketrans({"\u202f": " ", "\u2212": "-", "\u2192": "->", "\u2026": "...",
                                 "\u2014": "-", "\u2013": "-", "\u2019": "'", "\u25b2": "+",
                                 "\u25bc": "-", "\u2713": "ok", "\u00b7": "-"})


class ReportPdf(FPDF):
    """An A4 portrait document with the report's font; `text()` makes any text printable."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.family = "Helvetica"
        regular = _unicode_font()
        if regular is not None:
            bold = regular.with_name(regular.stem + "-Bold" + regular.suffix)
            self.add_font("Report", "", str(regular))
            self.add_font("Report", "B", str(bold if bold.is_file() else regular))
            self.family = "Report"
        self.unicode = self.family == "Report"

    def text(self, value: object) -> str:  # type: ignore[override]
        text = str(value)
        if self.unicode:
            return text
        return text.translate(LATIN1_FALLBACK).encode("latin-1", "replace").decode("latin-1")

    def style_text(self, size: float, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*color)

    def shrunk(self, value: object, width: float, size: float, smallest: float, bold: bool = False,
               color: tuple[int, int, int] = INK) -> str:
        """The text in the largest font size from `size` down to `smallest` that fits `width`
        mm (cut with an ellipsis below that): a label is read whole where it can be."""
        text = self.text(value)
        while True:
            self.style_text(size, bold, color)
            if self.get_string_width(text) <= width - 1 or size <= smallest:
                return self.fitted(text, width)
            size -= 0.5

    def fitted(self, value: object, width: float) -> str:
        """The text cut with an ellipsis to fit `width` mm in the current font."""
        text = self.text(value)
        if self.get_string_width(text) <= width - 1:
            return text
        ellipsis = "…" if self.unicode else "..."
        while text and self.get_string_width(text + ellipsis) > width - 1:
            text = text[:-1]
        return text.rstrip() + ellipsis


def _unicode_font() -> Path | None:
    named = os.environ.get("PORTFOLIO_REPORT_FONT")
    for candidate in ([named] if named else []) + list(FONT_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def draw_sheet(pdf: ReportPdf, sheet: Sheet, grid: Grid, lang: str, matrix_png: bytes,
               norms_png: bytes, viewer_reps: Sequence[str] | None = None) -> None:
    """Add the pages of one sheet (one, unless a saved objective needs another)."""
    pdf.add_page()
    _header(pdf, sheet, lang, viewer_reps)
    _totals(pdf, sheet.totals, lang, top=27)
    top = 45.0
    pdf.image(io.BytesIO(matrix_png), x=MARGIN, y=top, w=MATRIX_MM, h=MATRIX_MM)
    right = MARGIN + MATRIX_MM + 4
    y = _structure_table(pdf, sheet, grid, lang, x=right, y=top, width=PAGE_W - MARGIN - right)
    _gaps_text(pdf, sheet, grid, lang, x=right, y=y + 2, width=PAGE_W - MARGIN - right,
               bottom=top + MATRIX_MM)
    y = top + MATRIX_MM + 2
    pdf.image(io.BytesIO(norms_png), x=MARGIN, y=y, w=NORMS_CHART_MM[0], h=NORMS_CHART_MM[1],
              keep_aspect_ratio=True)
    y += NORMS_CHART_MM[1] + 2
    if sheet.rep is not None:
        y = _priorities(pdf, sheet, grid, lang, y)
    y = _clients(pdf, sheet, lang, y + 1)
    y = _visits(pdf, sheet, grid, lang, y + 1)
    if sheet.objective is not None or sheet.outcome is not None:
        _kept_objectives(pdf, sheet, grid, lang, y + 1)


def add_footers(pdf: ReportPdf, lang: str) -> None:
    """"page n of N" at the foot of every page, once they are all drawn."""
    pages = pdf.pages_count
    for index in range(1, pages + 1):
        pdf.page = index
        pdf.style_text(7, color=GREY)
        pdf.set_xy(MARGIN, PAGE_H - 8)
        pdf.cell(CONTENT_W, 4, pdf.text(t("report.footer", lang, page=index, pages=pages)), align="R")


def title_of(sheet: Sheet, lang: str, viewer_reps: Sequence[str] | None) -> str:
    """The page's title: a rep's portfolio, the team's, or (seen by some reps only) theirs:
    a rep's figures are never printed under the team's name."""
    if sheet.rep is not None:
        return t("report.title_rep", lang, rep=sheet.rep)
    if viewer_reps is not None:
        return t("report.title_own", lang, reps=", ".join(sorted(viewer_reps)))
    return t("report.title_team", lang)


def _header(pdf: ReportPdf, sheet: Sheet, lang: str, viewer_reps: Sequence[str] | None) -> None:
    header = sheet.header
    pdf.set_xy(MARGIN, MARGIN)
    pdf.style_text(16, bold=True)
    pdf.cell(CONTENT_W, 8, pdf.fitted(title_of(sheet, lang, viewer_reps), CONTENT_W))
    pdf.set_xy(MARGIN, MARGIN + 8)
    pdf.style_text(8.5, color=GREY)
    subtitle = t("report.subtitle", lang, dataset=header.dataset,
                 period=header.period or t("report.latest_period", lang), grid=header.grid,
                 version=header.grid_version, date=header.made_on.strftime(style(lang).date))
    if header.filters is None:
        pdf.cell(CONTENT_W, 5, pdf.fitted(subtitle, CONTENT_W))
        return
    # The page's filters under the subtitle, in the space above the totals.
    pdf.cell(CONTENT_W, 4, pdf.fitted(subtitle, CONTENT_W))
    pdf.set_xy(MARGIN, MARGIN + 11.5)
    pdf.cell(CONTENT_W, 3.5, pdf.shrunk(header.filters, CONTENT_W, 8, 6, bold=True, color=GREY))


def _totals(pdf: ReportPdf, totals: pd.Series, lang: str, top: float) -> None:
    """Clients, revenue, potential, share of wallet, headroom: the Rep page's headline."""
    boxes = [("structure.metric_clients", number(totals["clients"], lang)),
             ("structure.metric_revenue", money(totals["revenue"], lang, compact=True)),
             ("structure.metric_potential", money(totals["potential"], lang, compact=True)),
             ("structure.metric_sow", percent(totals["share_of_wallet"], lang)),
             ("structure.metric_headroom", money(totals["headroom"], lang, compact=True))]
    width = CONTENT_W / len(boxes)
    pdf.set_draw_color(*RULE)
    for index, (label, value) in enumerate(boxes):
        x = MARGIN + index * width
        pdf.rect(x + 0.5, top, width - 1, 14)
        pdf.set_xy(x + 2, top + 1.5)
        pdf.cell(width - 4, 4, pdf.shrunk(t(label, lang), width - 4, 7, 5.5, color=GREY))
        pdf.set_xy(x + 2, top + 6)
        pdf.style_text(12, bold=True)
        pdf.cell(width - 4, 6, pdf.fitted(value, width - 4))


def _table(pdf: ReportPdf, x: float, y: float, widths: Sequence[float], header: Sequence[str],
           rows: Sequence[Sequence[str]], aligns: str, size: float = 7.5) -> float:
    """A plain table (header row in bold, a rule under it); returns the y below it."""
    pdf.set_xy(x, y)
    for width, text, align in zip(widths, header, aligns):
        pdf.cell(width, ROW_MM, pdf.shrunk(text, width, size, 5.5, bold=True, color=GREY), align=align)
    y += ROW_MM
    pdf.set_draw_color(*RULE)
    pdf.line(x, y, x + sum(widths), y)
    pdf.style_text(size)
    for row in rows:
        pdf.set_xy(x, y)
        for width, text, align in zip(widths, row, aligns):
            pdf.cell(width, ROW_MM, pdf.fitted(text, width), align=align)
        y += ROW_MM
    return y


def _section_title(pdf: ReportPdf, text: str, x: float, y: float, width: float) -> float:
    pdf.set_xy(x, y)
    pdf.cell(width, 5.5, pdf.shrunk(text, width, 10, 8, bold=True))
    return y + 6


def _points(gap: object, lang: str) -> str:
    """A gap of shares in points of percentage, signed: `+12 pts`, `−3 pts`."""
    if gap is None or pd.isna(gap):
        return EMPTY
    points = 100 * float(gap)
    sign = "+" if points >= 0.5 else ("\u2212" if points <= -0.5 else "")
    return f"{sign}{number(abs(points), lang)}\u00a0pts"


def _structure_table(pdf: ReportPdf, sheet: Sheet, grid: Grid, lang: str, x: float, y: float,
                     width: float) -> float:
    labels = grid.segment_labels(lang)
    y = _section_title(pdf, t("report.structure_title", lang), x, y, width)
    widths = [width * share for share in (0.34, 0.13, 0.14, 0.12, 0.13, 0.14)]
    header = [t(f"report.col_{key}", lang) for key in
              ("segment", "clients", "client_share", "target", "gap", "revenue_share")]
    rows = [[labels.get(row.segment, row.segment), number(row.clients, lang),
             percent(row.client_share, lang), percent(row.target_share, lang),
             _points(row.gap, lang), percent(row.revenue_share, lang)]
            for row in sheet.gaps.itertuples(index=False)]
    return _table(pdf, x, y, widths, header, rows, "LRRRRR")


def _gaps_text(pdf: ReportPdf, sheet: Sheet, grid: Grid, lang: str, x: float, y: float,
               width: float, bottom: float) -> None:
    """Which segments are outside tolerance (the rep), or which reps are (the team)."""
    labels = grid.segment_labels(lang)

    def segments(rows: pd.DataFrame) -> str:
        return "; ".join(f"{labels.get(r.segment, r.segment)} {_points(r.gap, lang)}"
                         for r in rows.itertuples(index=False))

    pdf.style_text(8)
    pdf.set_xy(x, y)
    if sheet.rep is not None:
        text = (t("report.all_within", lang) if sheet.outside.empty
                else t("report.outside", lang, segments=segments(sheet.outside)))
        pdf.multi_cell(width, 4, pdf.text(text))
        return
    y = _section_title(pdf, t("report.reps_outside_title", lang), x, y, width)
    pdf.style_text(7.5)
    if sheet.outside.empty:
        pdf.set_xy(x, y)
        pdf.multi_cell(width, 4, pdf.text(t("report.no_rep_outside", lang)))
        return
    reps = list(dict.fromkeys(sheet.outside["salesperson"]))  # the largest gap first
    room = max(int((bottom - y) // 4) - 1, 1)
    for rep in reps[:room]:
        pdf.set_xy(x, y)
        line = t("report.rep_outside", lang, rep=rep,
                 segments=segments(sheet.outside[sheet.outside["salesperson"] == rep]))
        pdf.cell(width, 4, pdf.fitted(line, width))
        y += 4
    if len(reps) > room:
        pdf.set_xy(x, y)
        pdf.cell(width, 4, pdf.text(t("report.more_reps_outside", lang, count=number(len(reps) - room, lang))))


def _priorities(pdf: ReportPdf, sheet: Sheet, grid: Grid, lang: str, y: float) -> float:
    """The QRC criteria to work on first, as the Rep page ranks them."""
    criteria = {c.id: c.label.get(lang) for c in grid.axes["qrc"].criteria}
    y = _section_title(pdf, t("report.priorities_title", lang), MARGIN, y, CONTENT_W)
    if sheet.priorities.empty:
        lines = [t("report.no_priority", lang)] if sheet.strengths.empty else [t(
            "report.ahead", lang, criteria="; ".join(
                t("report.ahead_item", lang, criterion=criteria.get(r.criterion, r.criterion),
                  rep=percent(r.rep_share, lang, 1), team=percent(r.team_share, lang, 1))
                for r in sheet.strengths.itertuples(index=False)))]
    else:
        lines = [t("report.priority", lang, rank=int(r.priority),
                   criterion=criteria.get(r.criterion, r.criterion),
                   rep=percent(r.rep_share, lang, 1), team=percent(r.team_share, lang, 1),
                   points=decimal(round(r.priority_points, 1), lang))
                 for r in sheet.priorities.head(3).itertuples(index=False)]
    pdf.style_text(8)
    for line in lines:
        pdf.set_xy(MARGIN, y)
        pdf.cell(CONTENT_W, 4, pdf.fitted(line, CONTENT_W))
        y += 4
    return y


def _clients(pdf: ReportPdf, sheet: Sheet, lang: str, y: float) -> float:
    """The first priority clients, as the Rep page lists them (largest headroom first)."""
    title = t("report.clients_title", lang, clients=number(sheet.client_count, lang))
    y = _section_title(pdf, title, MARGIN, y, CONTENT_W)
    if sheet.clients.empty:
        pdf.style_text(8)
        pdf.set_xy(MARGIN, y)
        pdf.cell(CONTENT_W, 4, pdf.text(t("report.clients_none", lang)))
        return y + 4
    team = sheet.rep is None
    keys = ["client", "code"] + (["rep"] if team else []) + [
        "attractiveness", "qrc", "revenue", "headroom", "sow"]
    shares = ([0.30, 0.11] + ([0.17] if team else []) + [0.08, 0.07, 0.11, 0.14, 0.12])
    total = sum(shares)
    widths = [CONTENT_W * s / total for s in shares]
    rows = [[c.client_name, c.client_id] + ([c.salesperson] if team else []) + [
             score(c.attractiveness, lang), score(c.qrc, lang), money(c.revenue, lang),
             money(c.headroom, lang), percent(c.share_of_wallet, lang, 1)]
            for c in sheet.clients.itertuples(index=False)]
    return _table(pdf, MARGIN, y, widths, [t(f"report.col_{k}", lang) for k in keys], rows,
                  "LL" + ("L" if team else "") + "RRRRR")


def _visits(pdf: ReportPdf, sheet: Sheet, grid: Grid, lang: str, y: float) -> float:
    """The first ranked priority visits of the visit plan (the Visit plan page's list)."""
    y = _section_title(pdf, t("report.visits_title", lang), MARGIN, y, CONTENT_W)
    if sheet.visits.empty:
        pdf.style_text(8)
        pdf.set_xy(MARGIN, y)
        pdf.cell(CONTENT_W, 4, pdf.text(t("report.visits_none", lang)))
        return y + 4
    labels = grid.segment_labels(lang)
    team = sheet.rep is None
    keys = ["rank", "client"] + (["rep"] if team else []) + ["segment", "urgency", "headroom", "visits"]
    shares = [0.06, 0.28] + ([0.16] if team else []) + [0.18, 0.12, 0.13, 0.17]
    total = sum(shares)
    widths = [CONTENT_W * s / total for s in shares]
    rows = [[number(v.rank, lang), v.client_name] + ([v.salesperson] if team else []) + [
             labels.get(v.segment, v.segment), t(f"plan.urgency.{v.urgency}", lang),
             money(v.headroom, lang),
             f"{number(v.visits_12m, lang)} → {number(v.visits_recommended, lang)}"]
            for v in sheet.visits.itertuples(index=False)]
    return _table(pdf, MARGIN, y, widths, [t(f"report.col_{k}", lang) for k in keys], rows,
                  "RL" + ("L" if team else "") + "LLRR")


def _kept_objectives(pdf: ReportPdf, sheet: Sheet, grid: Grid, lang: str, y: float) -> None:
    """The objective kept for the period and what became of the one kept for the period
    before, in the Rep page's words and figures; on a page of their own when this one is full."""
    blocks = ([_objective_block(sheet.objective, grid, lang)] if sheet.objective is not None else []) + (
        [_outcome_block(sheet.outcome, grid, lang)] if sheet.outcome is not None else [])
    needed = sum(_block_height(pdf, block) for block in blocks)
    if y + needed > PAGE_H - 12:
        pdf.add_page()
        _header(pdf, sheet, lang, None)
        y = 27.0
    for block in blocks:
        y = _draw_block(pdf, block, y) + 1


# A block of the objective's part of a page: a title, lines of text (wrapped), a table
# (widths as shares of the page's width, header, rows, alignments) and a closing note.
Block = tuple[str, list[str], tuple[Sequence[float], Sequence[str], Sequence[Sequence[str]], str], str]


def _objective_block(saved: SavedObjective, grid: Grid, lang: str) -> Block:
    """What the Rep page's `saved_summary` shows: the objective, who saved it, its moves per segment."""
    text = t("report.objective_saved_text", lang, growth=percent(saved.growth, lang),
             objective=money(saved.objective, lang, compact=True),
             revenue=money(saved.revenue_before, lang, compact=True),
             clients=number(saved.clients, lang), who=saved.saved_by,
             when=timestamp(saved.saved_at, lang))
    header = [t(f"objectives.col_{key}", lang) for key in ("segment", "clients", "points", "revenue")]
    rows = [[_segment_name(grid, lang, a.segment), number(a.clients, lang),
             share_points(a.sow_points / 100, lang), money(a.revenue_expected, lang, compact=True)]
            for a in saved.segments]
    return (t("objectives.saved_title", lang, period=saved.period), [text],
            ((0.40, 0.20, 0.20, 0.20), header, rows, "LRRR"), "")


def _outcome_block(outcome: ObjectiveOutcome, grid: Grid, lang: str) -> Block:
    """What the Rep page's `outcome_section` shows: its four figures, its sentence, the table
    per segment asked of with the total of the clients named, and its note."""
    asked, after, named = outcome.asked.period, outcome.period_after, outcome.named
    gained = money(outcome.revenue_gain, lang, compact=True)
    figures = [("metric_objective", money(outcome.asked.objective, lang, compact=True)),
               ("metric_gained", f"{gained} ({t('objectives.metric_achieved', lang, achieved=percent(outcome.achieved, lang))})"),
               ("metric_reached", t("objectives.metric_reached_value", lang,
                                    reached=number(named.reached, lang), clients=number(named.clients, lang))),
               ("metric_moved", number(named.changed_segment, lang))]
    headline = " · ".join(t("report.metric_pair", lang, label=t(f"objectives.{key}", lang), value=value)
                          for key, value in figures)
    text = t("objectives.outcome_text", lang, asked=asked, after=after,
             growth=percent(outcome.asked.growth, lang),
             objective=money(outcome.asked.objective, lang, compact=True),
             clients=number(named.clients, lang), points=share_points(named.sow_points_asked / 100, lang),
             before=money(outcome.revenue_before, lang, compact=True),
             after_revenue=money(outcome.revenue_after, lang, compact=True),
             gain=("+" if outcome.revenue_gain > 0 else "") + gained,
             reached=number(named.reached, lang), gained=share_points(named.sow_points_gained / 100, lang),
             left=number(named.left, lang))
    keys = ("segment", "named", "reached", "changed", "left", "points_asked", "points_gained",
            "expected", "gained")
    rows = [[_segment_name(grid, lang, r.segment) if r is not named else t("objectives.total", lang),
             number(r.clients, lang), number(r.reached, lang), number(r.changed_segment, lang),
             number(r.left, lang), share_points(r.sow_points_asked / 100, lang),
             share_points(r.sow_points_gained / 100, lang), money(r.revenue_expected, lang, compact=True),
             money(r.revenue_gained, lang, compact=True)] for r in [*outcome.segments, named]]
    return (t("objectives.outcome_title", lang, asked=asked, after=after), [headline, text],
            ((0.20, 0.10, 0.09, 0.10, 0.07, 0.11, 0.11, 0.11, 0.11),
             [t(f"objectives.col_{key}", lang) for key in keys], rows, "LRRRRRRRR"),
            t("objectives.outcome_caption", lang, moved=number(outcome.portfolio_changed_segment, lang)))


def _segment_name(grid: Grid, lang: str, segment: str | None) -> str:
    return grid.segment_labels(lang).get(segment, segment) if segment is not None else t(
        "objectives.no_segment", lang)


def _text_lines(pdf: ReportPdf, text: str, size: float = 8) -> int:
    pdf.style_text(size)
    return len(pdf.multi_cell(CONTENT_W, 4, pdf.text(text), dry_run=True, output="LINES"))


def _block_height(pdf: ReportPdf, block: Block) -> float:
    _, lines, (_, _, rows, _), note = block
    return (6 + 4 * sum(_text_lines(pdf, line) for line in lines) + 1 + ROW_MM * (len(rows) + 1)
            + (1 + 3.5 * _text_lines(pdf, note, 7) if note else 0) + 1)


def _draw_block(pdf: ReportPdf, block: Block, y: float) -> float:
    title, lines, (shares, header, rows, aligns), note = block
    y = _section_title(pdf, title, MARGIN, y, CONTENT_W)
    for line in lines:
        pdf.style_text(8)
        pdf.set_xy(MARGIN, y)
        pdf.multi_cell(CONTENT_W, 4, pdf.text(line), align="L")
        y = pdf.get_y()
    y = _table(pdf, MARGIN, y + 1, [CONTENT_W * share for share in shares], header, rows, aligns)
    if note:
        pdf.style_text(7, color=GREY)
        pdf.set_xy(MARGIN, y + 1)
        pdf.multi_cell(CONTENT_W, 3.5, pdf.text(note), align="L")
        y = pdf.get_y()
    return y
