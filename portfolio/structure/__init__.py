"""Portfolio structure: mix per segment, gaps to norms, rep comparison, QRC profile, objectives."""

from portfolio.structure.compare import RepComparison, compare_reps
from portfolio.structure.development import (MIN_REPS_FOR_PEERS, development_priorities,
                                             peer_distribution, peers_shown_to, qrc_profile,
                                             strengths, team_qrc_shares)
from portfolio.structure.gaps import (ScopedTargets, ShareTarget, SmallPortfolios, main_values, norms_gaps,
                                      outside_tolerance, small_portfolio_note, structure_gaps,
                                      team_gaps, team_norms_gaps)
from portfolio.structure.mix import rep_mix, team_mix
from portfolio.structure.objectives import ObjectivePlan, revenue_objective_plan
from portfolio.structure.priority import priority_clients
from portfolio.structure.roles import develop_segments, partner_segments

__all__ = [
    "MIN_REPS_FOR_PEERS", "ObjectivePlan", "RepComparison", "ScopedTargets", "ShareTarget", "SmallPortfolios", "compare_reps",
    "develop_segments", "development_priorities", "main_values", "norms_gaps",
    "outside_tolerance", "partner_segments", "peer_distribution", "peers_shown_to", "priority_clients",
    "qrc_profile", "team_qrc_shares", "rep_mix", "revenue_objective_plan", "small_portfolio_note",
    "strengths", "structure_gaps",
    "team_gaps",
    "team_mix", "team_norms_gaps",
]
