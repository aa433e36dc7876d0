"""The active scoring grid as readable tables, with the grid file's validation status, and a
client scored live against it."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.grid_view import axis_tables, grid_status, grid_summary, matrix_tables
from portfolio.ui.live_view import live_client

ctx = frame("grid")
st.title(ctx.t("grid.title"), anchor=False)
grid_status(ctx)
if ctx.grid is not None:
    grid_tab, live_tab = st.tabs([ctx.t("grid.tab_grid"), ctx.t("grid.tab_live")])
    with grid_tab:
        grid_summary(ctx, ctx.grid)
        axis_tables(ctx, ctx.grid)
        matrix_tables(ctx, ctx.grid)
    with live_tab:
        live_client(ctx, ctx.grid)
