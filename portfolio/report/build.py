"""A report from sheets: their charts drawn in one browser session, laid out as PDF pages,
and each page as a PNG image when asked.

The matrix and the structure chart are the pages' own figures (`matrix_figure`,
`norms_figure`), sized for paper.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from portfolio.figures.matrix import matrix_figure
from portfolio.figures.structure import norms_figure
from portfolio.grid.model import Grid
from portfolio.report.charts import Chart, charts_png
from portfolio.report.content import Sheet
from portfolio.report.layout import MATRIX_MM, NORMS_CHART_MM, ReportPdf, add_footers, draw_sheet

# CSS pixels of each chart (its fonts and marks are sized for these), drawn with as many
# device pixels as printing it at CHART_DPI needs: more only cost drawing, encoding and
# decoding time (twice the pixels took a third of the report's time) for no visible gain.
MATRIX_PX = (760, 760)
NORMS_PX = (1100, 420)
CHART_DPI = 200
PAGE_PNG_DPI = 150


def print_scale(css_width: int, printed_mm: float, dpi: int = CHART_DPI) -> float:
    """The scale of a chart `css_width` CSS pixels wide printed `printed_mm` wide at `dpi`
    (never below 1: the chart is not drawn smaller than its own size)."""
    return max(1.0, round(dpi * printed_mm / 25.4 / css_width, 2))


MATRIX_SCALE = print_scale(MATRIX_PX[0], MATRIX_MM)
NORMS_SCALE = print_scale(NORMS_PX[0], NORMS_CHART_MM[0])


def sheet_charts(sheets: Sequence[Sheet], grid: Grid, lang: str) -> list[tuple[bytes, bytes]]:
    """(matrix, structure) PNG images of each sheet."""
    images = charts_png(_charts(sheets, grid, lang))
    return list(zip(images[0::2], images[1::2]))


def _charts(sheets: Sequence[Sheet], grid: Grid, lang: str) -> Iterator[Chart]:
    """Each sheet's matrix then structure chart, each figure built when it is asked for."""
    for sheet in sheets:
        matrix = matrix_figure(sheet.points, grid, lang, height=MATRIX_PX[1])
        matrix.update_layout(width=MATRIX_PX[0])
        yield Chart(matrix, *MATRIX_PX, MATRIX_SCALE)
        norms = norms_figure(sheet.gaps, grid, lang)
        norms.update_layout(height=NORMS_PX[1], width=NORMS_PX[0])
        yield Chart(norms, *NORMS_PX, NORMS_SCALE)


def report_pdf(sheets: Sequence[Sheet], grid: Grid, lang: str,
               viewer_reps: Sequence[str] | None = None) -> bytes:
    """One PDF holding a page per sheet, in order. `viewer_reps`: the reps whose clients
    alone the viewer sees (None: a team), which names a team sheet."""
    return _pdf(sheets, sheet_charts(sheets, grid, lang), grid, lang, viewer_reps)


def sheet_pdfs(sheets: Sequence[Sheet], grid: Grid, lang: str,
               viewer_reps: Sequence[str] | None = None) -> list[bytes]:
    """One PDF per sheet (a file per rep), every chart drawn in the same browser session."""
    charts = sheet_charts(sheets, grid, lang)
    return [_pdf([sheet], [drawn], grid, lang, viewer_reps) for sheet, drawn in zip(sheets, charts)]


def _pdf(sheets: Sequence[Sheet], charts: Sequence[tuple[bytes, bytes]], grid: Grid, lang: str,
         viewer_reps: Sequence[str] | None) -> bytes:
    pdf = ReportPdf()
    for sheet, (matrix_png, norms_png) in zip(sheets, charts):
        draw_sheet(pdf, sheet, grid, lang, matrix_png, norms_png, viewer_reps)
    add_footers(pdf, lang)
    return bytes(pdf.output())


def pages_png(pdf: bytes, dpi: int = PAGE_PNG_DPI) -> list[bytes]:
    """Each page of a PDF as a PNG image (drawn by PDFium, no browser needed)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG", optimize=False)
            images.append(buffer.getvalue())
        return images
    finally:
        document.close()
