"""What the Structure and Rep pages read, cached per view.

Anonymous peers are `PageContext.peers` (from `portfolio.access.rules.peers_of`): the core
gives only aggregates for them.
"""

from __future__ import annotations

from portfolio import structure
from portfolio.structure.history import compare_periods
from portfolio.ui.shared.cache import cached

team_mix = cached(structure.team_mix)
team_gaps = cached(structure.team_norms_gaps)
rep_gaps = cached(structure.norms_gaps)
comparison = cached(structure.compare_reps)
qrc_profile = cached(structure.qrc_profile)
peer_distribution = cached(structure.peer_distribution)
priority_clients = cached(structure.priority_clients)
objective_plan = cached(structure.revenue_objective_plan)
period_comparison = cached(compare_periods, max_entries=32)
