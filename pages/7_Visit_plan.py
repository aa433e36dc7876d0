"""The visit plan of a rep: priorities, workload against capacity, visits by marginal return."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.plan.data import rep_view, team_plan_reps
from portfolio.ui.plan.judgements import judgements_in_use, judgements_panel
from portfolio.ui.plan.tables import client_table, segment_panel, team_panel
from portfolio.ui.plan.view import (headline, latest_period_note, plan_date, planned_view, plan_inputs_or_stop,
                                    priority_list, rep_controls, utilisation_panel)

ctx = frame("plan")
st.title(ctx.t("plan.title"), anchor=False)
latest_period_note(ctx)
planned = planned_view(ctx)
judgements = judgements_in_use(ctx, plan_inputs_or_stop(ctx))
date = plan_date(ctx)
reps = team_plan_reps(planned, judgements.inputs, date)
if reps.empty:
    st.info(ctx.md("plan.no_clients"), icon=":material/info:")
    st.stop()
rep = rep_controls(ctx, judgements.inputs, date, list(reps["salesperson"]))
view = rep_view(planned, judgements.inputs, date, rep)
headline(ctx, view)
utilisation_panel(ctx, view)
priority_list(ctx, view)
segment_panel(ctx, view)
client_table(ctx, view)
judgements_panel(ctx, judgements, view)
if not ctx.shows_one_portfolio:
    team_panel(ctx, reps)
