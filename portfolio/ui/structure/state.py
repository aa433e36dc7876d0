"""The Structure page's session choices: the order of the reps and the gap measure."""

from __future__ import annotations

import streamlit as st

from portfolio.ui.shared.state import kept_choice

# Own keys, not widget keys: the choices follow the user to other pages and back.
_ORDER = "pp.structure.order"
_MEASURE = "pp.structure.measure"
_GAPS_PAGE = "pp.structure.gaps_page"

ORDERS = ("revenue", "potential", "headroom", "share_of_wallet", "name")
MEASURES = ("clients", "revenue")


def reps_order() -> str:
    """How reps are sorted when compared side by side (largest first; names alphabetically)."""
    return kept_choice(_ORDER, ORDERS)


def set_reps_order(value: str | None) -> None:
    st.session_state[_ORDER] = value


def gap_measure() -> str:
    """Whether gaps are read on the share of clients or of revenue."""
    return kept_choice(_MEASURE, MEASURES)


def set_gap_measure(value: str | None) -> None:
    st.session_state[_MEASURE] = value


def gaps_page() -> int:
    """The page of reps shown on the gaps heatmap (0: the furthest from the norms)."""
    return max(0, int(st.session_state.get(_GAPS_PAGE, 0)))


def set_gaps_page(index: int) -> None:
    st.session_state[_GAPS_PAGE] = max(0, index)
