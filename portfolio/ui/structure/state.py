"""The Structure page's session choices: the order of the reps and the gap measure."""

from __future__ import annotations

import streamlit as st

from portfolio.ui.shared.state import kept_choice

# Own keys, not widget keys: the choices follow the user to other pages and back.
_ORDER = "pp.structure.order"
_MEASURE = "pp.structure.measure"

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
