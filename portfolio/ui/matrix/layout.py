"""The Matrix page fitted to the window it is read in: the chart as tall as the window leaves
room for, the totals beside it, and a clicked client's card under the totals in a box of its
own that scrolls. On a 1366×768 projector the four quadrants, both axes and the totals are
all on the screen, with or without a card; a taller screen gets a taller chart.

Streamlit sizes a chart in pixels from Python, which does not know the window: the sizes are
CSS (fixed text, never user input) on the page's keyed containers, and `height="stretch"`
lets the chart take its box's height. Presenter mode has its own layout (`presenter.py`).
"""

from __future__ import annotations

import streamlit as st

from portfolio.ui.shared.presenter import presenting

CHART_BOX = "matrix_chart_box"
SIDE_BOX = "matrix_side"
CARD_BOX = "matrix_card_box"
# Above the chart: the top bar's room, the title, the filter bar and the line of figures;
# below it, the hint to click a bubble. What is left of the window's height is the chart's,
# never less than a readable matrix. The side column starts a line higher (no caption) and
# reaches the window's foot; the totals' cells and the card's headings are tightened there
# to leave the card room.
_ABOVE_AND_BELOW_CHART = "20.5rem"
_ABOVE_SIDE = "15.5rem"
_SMALLEST_CHART = "24rem"
_SMALLEST_CARD = "8rem"
_FITTED_CSS = f"""<style>
[data-testid="stMainBlockContainer"] {{ padding: 3.5rem 2rem 0.5rem 2rem; }}
[data-testid="stMain"] .st-key-{CHART_BOX} {{ flex: 0 0 auto;
    height: calc(100vh - {_ABOVE_AND_BELOW_CHART}); min-height: {_SMALLEST_CHART}; }}
.st-key-{CHART_BOX} > .stElementContainer {{ flex: 1 1 0; min-height: 0; }}
.st-key-{CHART_BOX} > .stElementContainer > div, .st-key-{CHART_BOX} .stPlotlyChart {{
    height: 100%; }}
[data-testid="stMain"] .st-key-{SIDE_BOX} {{ flex: 0 0 auto;
    height: calc(100vh - {_ABOVE_SIDE}); min-height: {_SMALLEST_CHART}; }}
.st-key-{SIDE_BOX} h3 {{ padding: 0 0 0.5rem 0; }}
.st-key-{SIDE_BOX} [data-testid="stTable"] th, .st-key-{SIDE_BOX} [data-testid="stTable"] td {{
    padding: 0.3rem 0.4rem; }}
[data-testid="stMain"] .st-key-{CARD_BOX} {{ flex: 1 1 0; min-height: {_SMALLEST_CARD};
    overflow-y: auto; overflow-x: hidden; }}
.st-key-{CARD_BOX} h3 {{ font-size: 1.4rem; padding: 0; }}
.st-key-{CARD_BOX} [data-testid="stMetricValue"] {{ font-size: 1.5rem; }}
</style>"""


def fit_to_screen() -> None:
    """Size the page's boxes to the window (off presenter mode, which fits its own way)."""
    if not presenting():
        st.html(_FITTED_CSS)


def chart_height() -> str:
    """The chart's height for `st.plotly_chart`: its box's, or the figure's while presenting."""
    return "content" if presenting() else "stretch"
