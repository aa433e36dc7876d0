"""How many of the clients looked at have an estimated potential, not a stated one.

A client file built from sales lines (`build-clients`) may estimate a client's potential
by a rule the user picked; it says so in its `potential_estimated` column. Every page
that shows potential, headroom or share of wallet then says how much of it rests on an
estimate, so that no one reads a guess as a figure the client gave.
"""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.store.datasets import table_columns
from portfolio.view import PortfolioView

FLAG = "potential_estimated"


@dataclass(frozen=True)
class EstimatedPotential:
    estimated: int  # clients whose potential is an estimate
    clients: int  # clients looked at
    share_of_potential: float  # of the total potential looked at, what is estimated (0–1)


def estimated_potential(view: PortfolioView) -> EstimatedPotential | None:
    """The clients of the view with an estimated potential, or None when none has one."""
    with view.store.reading() as cur:
        if FLAG not in table_columns(cur, view.dataset.table):
            return None
        source = view.clients()
        # A flag written as text by a spreadsheet ("true", "VRAI", "1") counts too.
        flag = (f"lower(trim(CAST({FLAG} AS VARCHAR))) IN ('true', '1', 'yes', 'oui', 'vrai')")
        estimated, clients, share = cur.execute(
            f"SELECT count_if({flag}), count(*), "
            f"sum(CASE WHEN {flag} THEN potential ELSE 0 END) / nullif(sum(potential), 0) "
            f"FROM {source.sql}", source.params).fetchone()
    if not estimated:
        return None
    return EstimatedPotential(int(estimated), int(clients), float(share or 0.0))
