"""Shared styling of the product's figures: projector-sized fonts, colours, number separators."""

from __future__ import annotations

from typing import Any

from portfolio.grid.model import Grid
from portfolio.numbers import plotly_separators
from portfolio.text_safety import plotly_text

# Sized for a projected slide read from the back of a meeting room.
FONT_SIZE = 18
TITLE_FONT_SIZE = 20
LABEL_FONT_SIZE = 17
FONT_FAMILY = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"
TEXT_COLOR = "#262730"
GRID_LINE_COLOR = "#e6e6e6"
CUT_LINE_COLOR = "#4d4d4d"
# Segments without a colour in the grid get one of these (Okabe–Ito, readable by
# colour-blind viewers), in the grid's segment order.
FALLBACK_COLORS = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00",
                   "#cc79a7", "#999999", "#000000")
# Plotly's `separators`: decimal mark then thousands separator. French uses a comma
# and a narrow no-break space, as the interface's own number formatting does.


def segment_colors(grid: Grid) -> dict[str, str]:
    """The colour of each segment id: the grid's, or a fixed fallback by position."""
    return {segment.id: segment.color or FALLBACK_COLORS[index % len(FALLBACK_COLORS)]
            for index, segment in enumerate(grid.segments)}


def segment_names(grid: Grid, lang: str) -> dict[str, str]:
    """Each segment id's label as Plotly text (a grid's labels are a user's: see `plotly_text`)."""
    return {segment_id: plotly_text(label) for segment_id, label in grid.segment_labels(lang).items()}


def axis_name(grid: Grid, axis: str, lang: str) -> str:
    """An axis label of the grid as Plotly text."""
    return plotly_text(grid.axes[axis].label.get(lang))


def plot_names(values: Any) -> list[str]:
    """Names from a file (reps, clients, periods) as Plotly text, in their order."""
    return [plotly_text(value) for value in values]


def translucent(color: str, alpha: float) -> str:
    """`#rrggbb` as an `rgba(...)` string with the given opacity."""
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def base_layout(lang: str) -> dict[str, Any]:
    """Layout settings every figure shares (pass to `fig.update_layout(**...)`)."""
    return {
        "template": "plotly_white",
        "font": {"family": FONT_FAMILY, "size": FONT_SIZE, "color": TEXT_COLOR},
        "separators": plotly_separators(lang),
        "hoverlabel": {"font": {"size": FONT_SIZE}},
        "margin": {"l": 80, "r": 30, "t": 30, "b": 70},
    }
