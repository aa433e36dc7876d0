"""The room's answers, criterion by criterion: how many chose each level."""

from __future__ import annotations

from typing import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from portfolio.figures.common import LABEL_FONT_SIZE, base_layout
from portfolio.text_safety import plotly_text
from portfolio.workshop.room import CriterionSpread

BAR_COLOR = "#0072b2"
MEDIAN_COLOR = "#d55e00"
ROW_HEIGHT = 34  # per level: a criterion of four levels keeps its bars legible projected


def room_spread_figure(spreads: Sequence[CriterionSpread], titles: Sequence[str],
                       level_labels: Sequence[Sequence[str]], lang: str) -> go.Figure:
    """One bar chart per criterion (`titles`), a bar per level (`level_labels`, grid order),
    the room's median level in its own colour. Grid texts are escaped: Plotly renders tags."""
    heights = [max(len(labels), 1) for labels in level_labels]
    figure = make_subplots(rows=len(spreads), cols=1, row_heights=heights, vertical_spacing=0.08,
                           subplot_titles=[plotly_text(title) for title in titles])
    for row, (found, labels) in enumerate(zip(spreads, level_labels), start=1):
        colors = [MEDIAN_COLOR if position == found.median_level else BAR_COLOR
                  for position in range(len(labels))]
        figure.add_bar(row=row, col=1, orientation="h", x=list(found.counts),
                       y=[plotly_text(label) for label in labels], marker_color=colors,
                       text=[str(count) for count in found.counts], textposition="outside",
                       textfont={"size": LABEL_FONT_SIZE}, cliponaxis=False,
                       hovertemplate="%{y}: %{x}<extra></extra>", showlegend=False)
        figure.update_yaxes(row=row, col=1, autorange="reversed", automargin=True)
        figure.update_xaxes(row=row, col=1, rangemode="tozero", dtick=1, showticklabels=False)
    figure.update_layout(**base_layout(lang))
    figure.update_layout(height=80 + ROW_HEIGHT * sum(heights) + 40 * len(spreads),
                         margin={"l": 20, "r": 40, "t": 40, "b": 10}, bargap=0.25)
    return figure
