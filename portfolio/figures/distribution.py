"""A numeric criterion's values, with its band edges now and the edges suggested from the data."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from portfolio.figures.common import CUT_LINE_COLOR, base_layout
from portfolio.text_safety import plotly_text

BAR_COLOR = "#56b4e9"
SUGGESTED_COLOR = "#d55e00"
BINS = 40
# A long tail (potential in €) would squeeze the clients into one bar: the axis stops at
# this quantile, and the edges beyond it are still drawn at their value.
SHOWN_QUANTILE = 0.98


def edges_figure(values: Sequence[float], current: Sequence[float],
                 suggested: Sequence[float] | None, labels: tuple[str, str, str],
                 lang: str, height: int = 360) -> go.Figure:
    """A histogram of `values` with a dashed line per `current` edge and a solid one per
    `suggested` edge; `labels` are the x axis title, "now" and "suggested" (already in the
    reader's language)."""
    data = np.asarray(values, dtype=float)
    axis_title, now_label, suggested_label = (plotly_text(label) for label in labels)
    upper = float(np.quantile(data, SHOWN_QUANTILE)) if len(data) else 1.0
    inner = [float(v) for v in (*current[1:], *(suggested or ())[1:])]
    upper = max([upper, *inner]) if inner else upper
    figure = go.Figure()
    figure.add_histogram(x=data[data <= upper], nbinsx=BINS, marker_color=BAR_COLOR,
                         hovertemplate="%{x}: %{y}<extra></extra>", showlegend=False)
    for edges, color, dash, label in ((current, CUT_LINE_COLOR, "dash", now_label),
                                      (suggested or (), SUGGESTED_COLOR, "solid", suggested_label)):
        for edge in edges[1:]:
            figure.add_vline(x=float(edge), line_color=color, line_dash=dash, line_width=3)
        # One legend entry per set of edges.
        figure.add_scatter(x=[None], y=[None], mode="lines", name=label,
                           line={"color": color, "dash": dash, "width": 3})
    figure.update_layout(**base_layout(lang))
    figure.update_layout(height=height, bargap=0.05, xaxis_title=axis_title,
                         legend={"orientation": "h", "y": 1.12})
    return figure
