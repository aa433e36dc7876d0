"""What the matrix, the client card, the filters and a grid trial read, cached per view."""

from __future__ import annotations

from portfolio.queries import card, matrix, moves, potential
from portfolio.scoring.coverage import unscorable_criteria
from portfolio.ui.shared.cache import cached
from portfolio.view import PortfolioView

matrix_points = cached(matrix.matrix_clients)
segment_totals = cached(matrix.segment_totals)
filter_choices = cached(matrix.filter_choices)
client_card = cached(card.client_card)
segment_moves = cached(moves.segment_moves, max_entries=64)
criteria_without_data = cached(unscorable_criteria, max_entries=64)
scores_table = cached(PortfolioView.scores_table, max_entries=64)
estimated_potential = cached(potential.estimated_potential)


def team(view: PortfolioView) -> list[str]:
    """Every salesperson whose clients the view shows (the "view as" choices)."""
    return filter_choices(view)["salespeople"]
