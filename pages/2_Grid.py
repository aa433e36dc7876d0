"""The active scoring grid as readable tables, with the grid file's validation status."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.grid_view import axis_tables, grid_status, grid_summary, matrix_tables

ctx = frame("grid")
st.title(ctx.t("grid.title"), anchor=False)
grid_status(ctx)
if ctx.grid is not None:
    grid_summary(ctx, ctx.grid)
    axis_tables(ctx, ctx.grid)
    matrix_tables(ctx, ctx.grid)
