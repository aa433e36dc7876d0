"""A rep's self-steering: structure against the norm and peers, what to work on, objectives."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.rep.kept import outcome_section, saved_section
from portfolio.ui.rep.objective import objective_section, priority_clients_section
from portfolio.ui.rep.view import (development_section, peers_section, rep_headline, rep_or_stop,
                                   structure_section)
from portfolio.ui.shared.norms import norms_or_stop
from portfolio.ui.shared.report_buttons import report_buttons

ctx = frame("rep")
st.title(ctx.t("rep.title"), anchor=False)
norms = norms_or_stop(ctx)
rep = rep_or_stop(ctx)
rep_headline(ctx, rep)
report_buttons(ctx, norms, [rep], "w.rep.report")
mine = structure_section(ctx, norms, rep)
peers_section(ctx, rep, mine)
development_section(ctx, rep)
priority_clients_section(ctx, rep)
outcome_section(ctx, rep)
saved_section(ctx, rep, objective_section(ctx, rep))
