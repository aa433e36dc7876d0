"""The attractiveness × QRC matrix as a Plotly figure: segment cells, cut lines and the clients."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from portfolio.numbers import money_hover
from portfolio.figures.common import (CUT_LINE_COLOR, GRID_LINE_COLOR, LABEL_FONT_SIZE, TITLE_FONT_SIZE, axis_name, base_layout, segment_colors, translucent)
from portfolio.text_safety import plotly_text
from portfolio.grid.model import Grid, Segment
from portfolio.i18n import t

ChartKind = Literal["scatter", "scattergl", "density"]

# SVG stays smooth up to a few thousand points; WebGL up to tens of thousands; past
# that, individual bubbles are unreadable anyway and the browser struggles, so the
# figure shows where clients are dense and the page invites the user to filter.
WEBGL_FROM = 3_000
DENSITY_FROM = 50_000
# Squares of 5 × 5 score points: scores take discrete values (weights × points), so
# finer squares leave empty stripes between them that read as gaps in the portfolio.
DENSITY_BINS = 20
# Light (few clients) to dark (many), in a hue none of the usual segment colours uses.
DENSITY_COLORSCALE = [[0.0, "#e3e9f2"], [1.0, "#0b2a55"]]

SCORE_MIN, SCORE_MAX = 0.0, 100.0
AXIS_RANGE = (-3.0, 103.0)  # a little air so bubbles at 0 or 100 are not cut in half
MAX_BUBBLE_PX = {"scatter": 46, "scattergl": 26}
MIN_BUBBLE_PX = 4
CELL_ALPHA = 0.09
# What each point carries for hover and click; the page reads the client id from
# `customdata[0]` of a clicked point.
CUSTOM_COLUMNS = ("client_id", "client_name", "salesperson", "revenue")
CLIENT_ID_INDEX = 0


def chart_kind(n_points: int) -> ChartKind:
    """Which drawing suits this many clients."""
    if n_points >= DENSITY_FROM:
        return "density"
    return "scattergl" if n_points >= WEBGL_FROM else "scatter"


def band_edges(grid: Grid, axis: str) -> list[float]:
    """Score edges of an axis's bands: 0, the cuts, 100."""
    return [SCORE_MIN, *grid.cuts[axis], SCORE_MAX]


def matrix_figure(points: pd.DataFrame, grid: Grid, lang: str, *, height: int = 660) -> go.Figure:
    """The matrix of `points` (rows of `matrix_clients`): QRC on x, attractiveness on y.

    Clients without a score on an axis cannot be placed and are left out (the page
    says how many). The segment layout (cells, cut lines, labels) is drawn whatever
    the number of clients, including none.
    """
    drawable = points.dropna(subset=["attractiveness", "qrc"])
    kind = chart_kind(len(drawable))
    fig = go.Figure()
    _draw_segments(fig, grid, lang, filled=kind != "density")
    if kind == "density":
        fig.add_trace(_density_trace(drawable, grid, lang))
    else:
        for trace in _client_traces(drawable, grid, lang, kind):
            fig.add_trace(trace)
    _score_axes(fig, grid, lang, height)
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "xanchor": "left", "x": 0,
                "itemsizing": "constant"},
        clickmode="event+select",
    )
    return fig


def single_client_figure(grid: Grid, attractiveness: float | None, qrc: float | None,
                         label: str, lang: str, *, height: int = 460) -> go.Figure:
    """The matrix's cells with one client, drawn large: a client scored live in a workshop.

    With a score missing on an axis the client cannot be placed: only the cells are drawn.
    """
    fig = go.Figure()
    _draw_segments(fig, grid, lang, filled=True)
    if attractiveness is not None and qrc is not None:
        fig.add_trace(go.Scatter(
            x=[qrc], y=[attractiveness], mode="markers+text", text=[f"<b>{plotly_text(label)}</b>"],
            # Towards the middle, so that a client at an edge keeps its label in view.
            textposition="top right" if qrc <= (SCORE_MIN + SCORE_MAX) / 2 else "top left",
            textfont={"size": LABEL_FONT_SIZE},
            marker={"size": 24, "symbol": "star", "color": CUT_LINE_COLOR,
                    "line": {"width": 1.5, "color": "white"}},
            hovertemplate=(f"{axis_name(grid, 'attractiveness', lang)}: %{{y:.1f}}<br>"
                           f"{axis_name(grid, 'qrc', lang)}: %{{x:.1f}}<extra></extra>"),
            showlegend=False, name=plotly_text(label)))
    _score_axes(fig, grid, lang, height)
    return fig


def _score_axes(fig: go.Figure, grid: Grid, lang: str, height: int) -> None:
    """QRC across, attractiveness up, 0–100 with a little air, the axes named by the grid."""
    axis_style = {"range": list(AXIS_RANGE), "tickvals": list(range(0, 101, 10)),
                  "gridcolor": GRID_LINE_COLOR, "zeroline": False, "showline": False,
                  "title": {"font": {"size": TITLE_FONT_SIZE}}}
    fig.update_layout(
        **base_layout(lang),
        height=height,
        xaxis={**axis_style, "title": {**axis_style["title"],
                                       "text": axis_name(grid, "qrc", lang)}},
        yaxis={**axis_style, "title": {**axis_style["title"],
                                       "text": axis_name(grid, "attractiveness", lang)}},
    )


def _cell_bounds(grid: Grid, segment: Segment) -> tuple[float, float, float, float]:
    """x0, x1, y0, y1 of a segment's cell; the outer cells reach the axis edges."""
    x_edges = [AXIS_RANGE[0], *grid.cuts["qrc"], AXIS_RANGE[1]]
    y_edges = [AXIS_RANGE[0], *grid.cuts["attractiveness"], AXIS_RANGE[1]]
    q, a = segment.cell["qrc"], segment.cell["attractiveness"]
    return x_edges[q], x_edges[q + 1], y_edges[a], y_edges[a + 1]


def _draw_segments(fig: go.Figure, grid: Grid, lang: str, filled: bool) -> None:
    """Shaded cells, labels in each cell's outer corner, and the cut lines on top."""
    colors = segment_colors(grid)
    last_q, last_a = len(grid.cuts["qrc"]), len(grid.cuts["attractiveness"])
    for segment in grid.segments:
        x0, x1, y0, y1 = _cell_bounds(grid, segment)
        color = colors[segment.id]
        fig.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, layer="below", line_width=0,
                      fillcolor=translucent(color, CELL_ALPHA if filled else 0.0),
                      name=f"cell:{segment.id}")
        # Labels sit in the corner away from the cuts' crossing, where clients crowd.
        q, a = segment.cell["qrc"], segment.cell["attractiveness"]
        xanchor = "left" if q == 0 else ("right" if q == last_q else "center")
        x = {"left": x0 + 1, "right": x1 - 1, "center": (x0 + x1) / 2}[xanchor]
        yanchor = "bottom" if a == 0 and last_a > 0 else "top"
        y = y0 + 1 if yanchor == "bottom" else y1 - 1
        text = f"<b>{plotly_text(segment.label.get(lang))}</b>"
        if segment.action is not None:
            text += f"<br><i>{plotly_text(segment.action.get(lang))}</i>"
        fig.add_annotation(x=x, y=y, xanchor=xanchor, yanchor=yanchor, text=text,
                           showarrow=False, align=xanchor if xanchor != "center" else "center",
                           font={"size": LABEL_FONT_SIZE, "color": color},
                           bgcolor="rgba(255,255,255,0.75)", borderpad=3,
                           name=f"label:{segment.id}")
    for cut in grid.cuts["qrc"]:
        fig.add_shape(type="line", x0=cut, x1=cut, y0=AXIS_RANGE[0], y1=AXIS_RANGE[1],
                      line={"color": CUT_LINE_COLOR, "width": 2, "dash": "dash"}, name="cut:qrc")
    for cut in grid.cuts["attractiveness"]:
        fig.add_shape(type="line", x0=AXIS_RANGE[0], x1=AXIS_RANGE[1], y0=cut, y1=cut,
                      line={"color": CUT_LINE_COLOR, "width": 2, "dash": "dash"},
                      name="cut:attractiveness")


def _hover_data(rows: pd.DataFrame) -> np.ndarray:
    """`CUSTOM_COLUMNS` of the points: the id as stored (a click reads it back), the client's
    and the rep's names as Plotly text (the hover renders its HTML)."""
    data = rows[list(CUSTOM_COLUMNS)].to_numpy(dtype=object)
    for row in data:
        for index in (1, 2):
            row[index] = row[index] if pd.isna(row[index]) else plotly_text(row[index])
    return data


def _client_traces(points: pd.DataFrame, grid: Grid, lang: str, kind: ChartKind) -> list:
    """One bubble trace per segment (in grid order), sized by revenue on a shared scale."""
    trace_type = go.Scattergl if kind == "scattergl" else go.Scatter
    revenue = points["revenue"].fillna(0).clip(lower=0)
    largest = float(revenue.max()) if len(revenue) else 0.0
    # sizemode "area": a bubble's area is proportional to revenue, the largest one
    # MAX_BUBBLE_PX across, whatever segment it is in.
    sizeref = 2.0 * largest / MAX_BUBBLE_PX[kind] ** 2 if largest > 0 else 1.0
    colors = segment_colors(grid)
    hover = (f"<b>%{{customdata[1]}}</b><br>"
             f"{t('matrix.hover_rep', lang)}: %{{customdata[2]}}<br>"
             f"{axis_name(grid, 'attractiveness', lang)}: %{{y:.1f}}<br>"
             f"{axis_name(grid, 'qrc', lang)}: %{{x:.1f}}<br>"
             f"{t('matrix.hover_revenue', lang)}: {money_hover('%{customdata[3]:,.0f}', lang)}"
             f"<extra>%{{fullData.name}}</extra>")
    traces = []
    for segment in grid.segments:
        rows = points[points["segment"] == segment.id]
        traces.append(trace_type(
            x=rows["qrc"].to_numpy(), y=rows["attractiveness"].to_numpy(), mode="markers",
            name=plotly_text(segment.label.get(lang)), legendgroup=segment.id, uid=segment.id,
            customdata=_hover_data(rows),
            hovertemplate=hover,
            marker={"size": revenue[rows.index].to_numpy(), "sizemode": "area", "sizeref": sizeref,
                    "sizemin": MIN_BUBBLE_PX, "color": colors[segment.id], "opacity": 0.75,
                    # An outline helps separate big SVG bubbles; on thousands of small
                    # WebGL dots it only blurs them.
                    "line": {"width": 0.6 if kind == "scatter" else 0, "color": "white"}},
        ))
    return traces


def _density_trace(points: pd.DataFrame, grid: Grid, lang: str) -> go.Heatmap:
    """Clients counted per square of the score plane; empty squares stay transparent."""
    edges = np.linspace(SCORE_MIN, SCORE_MAX, DENSITY_BINS + 1)
    counts, _, _ = np.histogram2d(points["attractiveness"].to_numpy(dtype=float),
                                  points["qrc"].to_numpy(dtype=float), bins=[edges, edges])
    centres = (edges[:-1] + edges[1:]) / 2
    label = t("matrix.density_clients", lang)
    return go.Heatmap(
        x=centres, y=centres, z=np.where(counts > 0, counts, np.nan),
        colorscale=DENSITY_COLORSCALE, colorbar={"title": {"text": label}}, xgap=1, ygap=1,
        hovertemplate=(f"{axis_name(grid, 'qrc', lang)}: %{{x:.0f}}<br>"
                       f"{axis_name(grid, 'attractiveness', lang)}: %{{y:.0f}}<br>"
                       f"{label}: %{{z:,.0f}}<extra></extra>"),
        name=label, showscale=True,
    )
