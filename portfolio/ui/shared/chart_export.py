"""The one Plotly configuration of the app's charts, and what their PNG says it shows.

The modebar's "Download plot as PNG" saves the figure as drawn: an image pasted into the
minutes must say what it is, of which clients and when. Plotly cannot add a title to the
export alone (`toImageButtonOptions` takes a file name and a size, no layout), so every
chart carries a compact line at its foot — its title, the dataset and period, the rep
shown, the filters in force, the date — in small grey type in a strip added to the bottom
margin (the figure keeps its height: a projected chart still fits the screen), and the
file is named after the same things.

What the line says is gathered as the page runs: the frame sets the dataset, period and
language (and forgets the last page's filters and rep), the filter bar the filters chosen,
the rep choosers the rep shown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

import streamlit as st

from portfolio.filter_words import filter_words
from portfolio.grid.model import Grid
from portfolio.i18n import catalogue, t
from portfolio.numbers import style
from portfolio.queries.scope import ClientFilter
from portfolio.text_safety import plotly_text
from portfolio.ui.shared.plotly_words import plotly_locale

_EXPORT = "pp.chart_export"
CAPTION_PX = 22  # the strip at the foot of a chart that holds its line
CAPTION_FONT_PX = 12
CAPTION_COLOR = "#6b6b6b"
BASE_CONFIG: dict[str, Any] = {"displaylogo": False,
                               "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
PNG_SCALE = 2  # a sharp image for the minutes


@dataclass(frozen=True)
class ExportContext:
    """What a chart of this page run is of."""

    lang: str = "en"
    page_title: str = ""
    dataset: str | None = None
    period: str | None = None
    grid: Grid | None = None
    filters: ClientFilter = ClientFilter()
    subject: str | None = None  # the rep shown, on pages of one rep


def start_page(lang: str, page_title: str, dataset: str | None, period: str | None,
               grid: Grid | None) -> None:
    """At the top of every page run: this page's dataset and period, no filter or rep yet."""
    st.session_state[_EXPORT] = ExportContext(lang, page_title, dataset, period, grid)


def set_filters(filters: ClientFilter) -> None:
    """The filters the page's filter bar applies."""
    st.session_state[_EXPORT] = replace(_current(), filters=filters)


def set_subject(rep: str | None) -> None:
    """The rep the page shows (its charts are of that rep's clients)."""
    st.session_state[_EXPORT] = replace(_current(), subject=rep)


def _current() -> ExportContext:
    current = st.session_state.get(_EXPORT)
    return current if isinstance(current, ExportContext) else ExportContext()


def chart_title(key: str, lang: str, fallback: str) -> str:
    """A chart's title from its widget key (`w.rep.norms` → `chart_export.titles.rep_norms`),
    the page's title for a chart without one of its own."""
    name = "chart_export.titles." + re.sub(r"\W+", "_", key.removeprefix("w."))
    return t(name, lang) if name in catalogue(lang) else fallback


def caption_parts(key: str, today: dt.date | None = None) -> list[str]:
    """The line's parts, as plain text: title, rep, dataset and period, filters, date."""
    context = _current()
    lang = context.lang
    parts = [chart_title(key, lang, context.page_title)]
    if context.subject:
        parts.append(context.subject)
    if context.dataset:
        parts.append(t("chart_export.dataset", lang, dataset=context.dataset,
                       period=context.period or t("report.latest_period", lang)))
    parts.append(filter_words(context.filters, context.grid, lang)
                 or t("chart_export.no_filter", lang))
    parts.append((today or dt.date.today()).strftime(style(lang).date))
    return parts


def exported(figure, key: str, today: dt.date | None = None) -> dict[str, Any]:  # noqa: ANN001
    """Put the line at the foot of `figure` (a go.Figure, changed in place) and return the
    Plotly configuration that names its PNG after it, its toolbar's tips in the page's
    language (`plotly_words`)."""
    parts = caption_parts(key, today)
    bottom = figure.layout.margin.b
    figure.update_layout(
        margin={"b": (80 if bottom is None else bottom) + CAPTION_PX},
        # The layout's title, placed at the foot: Plotly places a title by the whole figure
        # ("container"), which an annotation cannot be.
        title={"text": plotly_text(" · ".join(parts)), "x": 0.01, "xanchor": "left",
               "xref": "container", "y": 0.004, "yanchor": "bottom", "yref": "container",
               "font": {"size": CAPTION_FONT_PX, "color": CAPTION_COLOR}, "automargin": False})
    return {**BASE_CONFIG, **plotly_locale(_current().lang),
            "toImageButtonOptions": {"format": "png", "scale": PNG_SCALE,
                                     "filename": file_name(parts)}}


def file_name(parts: list[str]) -> str:
    """The parts as a name any disk accepts: letters, digits, - and _."""
    name = "_".join(re.sub(r"[^\w-]+", "-", part).strip("-") for part in parts if part)
    return name[:150].strip("_-") or "chart"
