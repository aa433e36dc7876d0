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
from portfolio.ui.shared.presenter import presenting
from portfolio.ui.grid.texts import texts_section
from portfolio.ui.grid.trial import trial_section

ctx = frame("grid")
# Presenter mode shows the grid, it does not edit it: the file chooser, the changes tried and
# the files' save and upload wait for the desk (the live client and the comparison only read).
editing = not presenting()
st.title(ctx.t("grid.title"), anchor=False)
active_file = active_file_name(ctx)
if editing:
    grid_chooser(ctx)
grid_status(ctx, active_file)
if ctx.grid is None:
    if editing:
        upload_section(ctx)  # a broken grid file: another can still be brought in
else:
    labels = {"grid": "grid.tab_grid", "live": "grid.tab_live", "trial": "grid.tab_trial",
              "files": "grid.tab_files", "compare": "grid.tab_compare"}
    shown = [name for name in labels if editing or name not in ("trial", "files")]
    # Tracked, so that the tab a trainer works in stays open when the page is drawn again
    # (a key of its own while presenting: the tab open at the desk may not be shown).
    tabs = dict(zip(shown, st.tabs([ctx.t(labels[name]) for name in shown],
                                   key="w.grid_tab" if editing else "w.grid_tab_presented",
                                   on_change="rerun")))
    with tabs["grid"]:
        grid_summary(ctx, ctx.grid)
        axis_tables(ctx, ctx.grid)
        matrix_tables(ctx, ctx.grid)
    with tabs["live"]:
        live_client(ctx, ctx.grid)
    if editing:
        with tabs["trial"]:
            trial_section(ctx, ctx.file_grid or ctx.grid)
            edges_section(ctx)
            texts_section(ctx, ctx.file_grid or ctx.grid)
        with tabs["files"]:
            save_section(ctx, ctx.grid)
            upload_section(ctx)
    if tabs["compare"].open:  # two scorings and two matrices: only when looked at
        with tabs["compare"]:
            comparison_section(ctx, active_file)
