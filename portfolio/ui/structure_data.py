"""What the Structure and Rep pages read, cached per view; and the norms they are held to.

Anonymous peers are everyone (`PEERS`): the core gives only aggregates for them.
"""

from __future__ import annotations

import streamlit as st

from portfolio.access import Visibility
from portfolio.norms import Norms
from portfolio import structure
from portfolio.structure.history import compare_periods
from portfolio.ui.cache import cached
from portfolio.ui.context import PageContext
from portfolio.ui.plan_data import active_norms
from portfolio.ui.widgets import show_issues

PEERS = Visibility.everyone()

team_mix = cached(structure.team_mix)
team_gaps = cached(structure.team_norms_gaps)
rep_gaps = cached(structure.norms_gaps)
comparison = cached(structure.compare_reps)
qrc_profile = cached(structure.qrc_profile)
peer_distribution = cached(structure.peer_distribution)
priority_clients = cached(structure.priority_clients)
objective_plan = cached(structure.revenue_objective_plan)
period_comparison = cached(compare_periods, max_entries=32)


def norms_or_stop(ctx: PageContext) -> Norms:
    """The norms file checked against the active grid; the page stops on its errors."""
    read = active_norms(ctx)
    if read.issues or read.norms is None:
        show_issues(ctx.t("structure.norms_errors", file=ctx.settings.norms_path.name), read.issues,
                    ctx.lang)
        st.stop()
    return read.norms
