"""The attractiveness × QRC matrix: filters, the clients' bubbles, a clicked client's card, totals."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.shared.filters import client_filters
from portfolio.ui.matrix.layout import fit_to_screen
from portfolio.ui.matrix.view import matrix_chart, side_panel

ctx = frame("matrix")
fit_to_screen()
st.title(ctx.t("matrix.title"), anchor=False)
filters = client_filters(ctx, "matrix")
chart_column, side_column = st.columns([3, 2], gap="large")
with chart_column:
    clicked = matrix_chart(ctx, filters)
with side_column:
    side_panel(ctx, filters, clicked)
