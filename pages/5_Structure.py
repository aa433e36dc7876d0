"""Portfolio structure: the team's mix against the norms, reps side by side, concentration, gaps,
and how the structure moved from one period to another."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.shared.filters import client_filters
from portfolio.ui.shared.norms import norms_or_stop
from portfolio.ui.shared.report_buttons import report_buttons
from portfolio.ui.structure.gaps import gaps_tab
from portfolio.ui.structure.history import history_tab
from portfolio.ui.structure.reps import concentration_tab, reps_tab
from portfolio.ui.structure.view import team_tab, viewer_note

ctx = frame("structure")
st.title(ctx.t("structure.title"), anchor=False)
norms = norms_or_stop(ctx)
filters = client_filters(ctx, "structure", segments=False)
viewer_note(ctx)
report_buttons(ctx, norms, None, "w.structure.report", filters)
team, reps, concentration, gaps, history = st.tabs([
    ctx.t("structure.tab_team"), ctx.t("structure.tab_reps"), ctx.t("structure.tab_concentration"),
    ctx.t("structure.tab_gaps"), ctx.t("structure.tab_history")])
with team:
    team_tab(ctx, norms, filters)
with reps:
    reps_tab(ctx, filters)
with concentration:
    concentration_tab(ctx, filters)
with gaps:
    gaps_tab(ctx, norms, filters)
with history:
    history_tab(ctx, filters)
