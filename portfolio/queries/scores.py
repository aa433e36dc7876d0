"""The grid format's scoring output for the clients a view shows, in the file's order."""

from __future__ import annotations

from portfolio.scoring.engine import output_columns
from portfolio.sql import Fragment, quote_identifier
from portfolio.view import PortfolioView


def scores_output(view: PortfolioView) -> Fragment:
    """SELECT of `client_id, attractiveness, qrc, segment, incomplete, pts_<criterion>` for
    each client of the view, in the order of the file it came from."""
    source = view.clients()
    columns = ", ".join(quote_identifier(c) for c in output_columns(view.grid))
    return Fragment(f"SELECT {columns} FROM ").extend(source).add(" ORDER BY source_row, client_id")
