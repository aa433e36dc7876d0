"""The visit plan's figures: utilisation gauge, visits by segment, fitted response curves."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from portfolio.numbers import style
from portfolio.figures.common import LABEL_FONT_SIZE, TITLE_FONT_SIZE, base_layout, segment_colors, segment_names
from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.visits import CurveShape

OK_COLOR = "#0072b2"
OVER_COLOR = "#d55e00"
TODAY_COLOR = "#999999"
NORMS_COLOR = "#cfd8e3"
RECOMMENDED_COLOR = "#0072b2"
CURVE_POINTS = 121
WRAP_FROM = 14  # characters: longer segment labels go on two lines under the bars


def _wrapped(label: str) -> str:
    """A long label on two lines, split at the space nearest its middle (no tilted labels)."""
    if len(label) < WRAP_FROM or " " not in label:
        return label
    spaces = [i for i, char in enumerate(label) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return label[:cut] + "<br>" + label[cut + 1:]


def utilisation_gauge(utilisation: float, lang: str, *, height: int = 300) -> go.Figure:
    """Workload ÷ capacity as a dial in %, with the capacity (100 %) marked; red past it."""
    value = float(utilisation) if np.isfinite(utilisation) else 0.0
    top = max(150.0, np.ceil(value * 110 / 25) * 25)
    over = value > 1.0
    figure = go.Figure(go.Indicator(
        mode="gauge+number", value=100 * value,
        # No font size: plotly fits the number inside the arc (a fixed 56 px overlapped the
        # arc when the column is narrow, on a 1366-pixel screen).
        number={"suffix": style(lang).percent, "valueformat": ".0f",
                "font": {"color": OVER_COLOR if over else OK_COLOR}},
        title={"text": t("plan.gauge_title", lang), "font": {"size": TITLE_FONT_SIZE}},
        gauge={"axis": {"range": [0, top], "ticksuffix": style(lang).percent,
                         "tickfont": {"size": LABEL_FONT_SIZE}},
               "bar": {"color": OVER_COLOR if over else OK_COLOR, "thickness": 0.35},
               "steps": [{"range": [0, 100], "color": "#e8f1f8"},
                         {"range": [100, top], "color": "#fbe3d6"}],
               "threshold": {"line": {"color": "#262730", "width": 4}, "thickness": 0.9,
                             "value": 100}}))
    figure.update_layout(**base_layout(lang))
    # Side margins wide enough for the end tick labels ("0 %", "150 %") at projector size.
    figure.update_layout(height=height, margin={"l": 60, "r": 60, "t": 70, "b": 10})
    return figure


def segment_visits_figure(table: pd.DataFrame, grid: Grid, lang: str, *, height: int = 420) -> go.Figure:
    """Grouped bars per segment: visits today (when known), at the norms, and recommended
    (from `segment_visits`)."""
    labels = segment_names(grid, lang)
    x = [_wrapped(labels.get(s, s)) for s in table["segment"]]
    figure = go.Figure()
    for column, key, color in (("visits_today", "plan.bars_today", TODAY_COLOR),
                               ("visits_norm", "plan.bars_norms", NORMS_COLOR),
                               ("visits_recommended", "plan.bars_recommended", RECOMMENDED_COLOR)):
        values = table[column].to_numpy(dtype=float)
        if not np.isfinite(values).any():  # visits today unknown (no visit data): no bars
            continue
        figure.add_bar(x=x, y=values, name=t(key, lang), marker_color=color,
                       text=np.round(values).astype(int), textposition="outside",
                       textfont={"size": LABEL_FONT_SIZE}, cliponaxis=False)
    figure.update_layout(**base_layout(lang))
    figure.update_layout(barmode="group", height=height, bargap=0.25, xaxis_tickangle=0,
                         yaxis_title=t("plan.bars_axis", lang),
                         legend={"orientation": "h", "y": 1.12, "x": 0},
                         margin={"l": 80, "r": 20, "t": 60, "b": 60})
    return figure


def response_figure(shapes: dict[str, CurveShape], typical: pd.DataFrame, grid: Grid, lang: str,
                    *, height: int = 420) -> go.Figure:
    """Each segment's fitted curve for its typical client (from `typical_clients`): expected
    revenue in % of today's against visits a year, today's visits and the recommended marked."""
    colors = segment_colors(grid)
    labels = segment_names(grid, lang)
    figure = go.Figure()
    today_name, recommended_name = t("plan.curve_today", lang), t("plan.curve_recommended", lang)
    for row in typical.itertuples(index=False):  # one line per segment, not per client
        shape = shapes.get(row.segment)
        if shape is None:
            continue
        curve = shape.at(row.reference)
        end = max(row.visits_max, 2 * row.reference, 1.0)
        x = np.linspace(0, end, CURVE_POINTS)
        color = colors.get(row.segment, TODAY_COLOR)
        name = labels.get(row.segment, row.segment)
        figure.add_scatter(x=x, y=100 * curve(x), mode="lines", name=name, legendgroup=row.segment,
                           line={"color": color, "width": 4})
        for visits, symbol, label in ((row.reference, "circle", today_name),
                                      (row.recommended, "diamond", recommended_name)):
            figure.add_scatter(x=[visits], y=100 * curve([visits]), mode="markers",
                               name=f"{name} · {label}", legendgroup=row.segment, showlegend=False,
                               marker={"color": color, "size": 16, "symbol": symbol,
                                       "line": {"color": "white", "width": 2}},
                               hovertemplate=(f"{name}<br>{label}: %{{x:.0f}}<br>%{{y:.0f}}"
                                              f"{style(lang).percent}<extra></extra>"))
    # Two grey markers in the legend explain the symbols once for every segment.
    for symbol, label in (("circle", today_name), ("diamond", recommended_name)):
        figure.add_scatter(x=[None], y=[None], mode="markers", name=label,
                           marker={"color": TODAY_COLOR, "size": 14, "symbol": symbol})
    figure.update_layout(**base_layout(lang))
    figure.update_layout(height=height, xaxis_title=t("plan.curve_x", lang),
                         yaxis_title=t("plan.curve_y", lang), yaxis_ticksuffix=style(lang).percent,
                         legend={"orientation": "h", "y": -0.25, "x": 0},
                         margin={"l": 80, "r": 20, "t": 20, "b": 120})
    return figure
