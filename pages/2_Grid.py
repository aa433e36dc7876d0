"""The active scoring grid as readable tables with the grid file's validation status, a client
scored live against it, and changes to it tried for the session."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.grid.view import axis_tables, grid_status, grid_summary, matrix_tables
from portfolio.ui.shared.live_scoring import live_client
from portfolio.ui.grid.trial import trial_section

ctx = frame("grid")
st.title(ctx.t("grid.title"), anchor=False)
grid_status(ctx)
if ctx.grid is not None:
    # Tracked, so that the tab a trainer works in stays open when the page is drawn again.
    grid_tab, live_tab, trial_tab = st.tabs([ctx.t("grid.tab_grid"), ctx.t("grid.tab_live"),
                                             ctx.t("grid.tab_trial")],
                                            key="w.grid_tab", on_change="rerun")
    with grid_tab:
        grid_summary(ctx, ctx.grid)
        axis_tables(ctx, ctx.grid)
        matrix_tables(ctx, ctx.grid)
    with live_tab:
        live_client(ctx, ctx.grid)
    with trial_tab:
        trial_section(ctx, ctx.file_grid or ctx.grid)
