"""Portfolio norms: target structure per segment, visit norms and capacity, response judgements."""

from portfolio.norms.grid_fit import check_norms_against_grid
from portfolio.norms.loader import load_norms, parse_norms
from portfolio.norms.model import Norms

__all__ = ["Norms", "check_norms_against_grid", "load_norms", "parse_norms"]
