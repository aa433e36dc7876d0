"""The active scoring grid as readable tables with the grid file's validation status, a client
scored live against it, changes to it tried for the session, the grid files (chosen, saved,
downloaded, uploaded) and two grids compared."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.grid.comparison import comparison_section
from portfolio.ui.grid.edges import edges_section
from portfolio.ui.grid.files import active_file_name, grid_chooser, save_section, upload_section
from portfolio.ui.grid.view import axis_tables, grid_status, grid_summary, matrix_tables
from portfolio.ui.shared.live_scoring import live_client
from portfolio.ui.grid.texts import texts_section
from portfolio.ui.grid.trial import trial_section

ctx = frame("grid")
st.title(ctx.t("grid.title"), anchor=False)
active_file = active_file_name(ctx)
grid_chooser(ctx)
grid_status(ctx, active_file)
if ctx.grid is None:
    upload_section(ctx)  # a broken grid file: another can still be brought in
else:
    # Tracked, so that the tab a trainer works in stays open when the page is drawn again.
    grid_tab, live_tab, trial_tab, files_tab, compare_tab = st.tabs(
        [ctx.t("grid.tab_grid"), ctx.t("grid.tab_live"), ctx.t("grid.tab_trial"),
         ctx.t("grid.tab_files"), ctx.t("grid.tab_compare")],
        key="w.grid_tab", on_change="rerun")
    with grid_tab:
        grid_summary(ctx, ctx.grid)
        axis_tables(ctx, ctx.grid)
        matrix_tables(ctx, ctx.grid)
    with live_tab:
        live_client(ctx, ctx.grid)
    with trial_tab:
        trial_section(ctx, ctx.file_grid or ctx.grid)
        edges_section(ctx)
        texts_section(ctx, ctx.file_grid or ctx.grid)
    with files_tab:
        save_section(ctx, ctx.grid)
        upload_section(ctx)
    if compare_tab.open:  # two scorings and two matrices: only when looked at
        with compare_tab:
            comparison_section(ctx, active_file)
