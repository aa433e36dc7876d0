"""The attractiveness × QRC matrix: filters, the clients' bubbles, a clicked client's card, totals."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.shared.client_card import client_card_panel
from portfolio.ui.shared.filters import client_filters
from portfolio.ui.matrix.view import matrix_chart, segment_totals_panel

ctx = frame("matrix")
st.title(ctx.t("matrix.title"), anchor=False)
filters = client_filters(ctx, "matrix")
chart_column, side_column = st.columns([3, 2], gap="large")
with chart_column:
    clicked = matrix_chart(ctx, filters)
with side_column:
    if clicked is not None:
        client_card_panel(ctx, clicked)
    segment_totals_panel(ctx, filters)
