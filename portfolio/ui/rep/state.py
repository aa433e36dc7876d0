"""The Rep page's session choices: the rep shown, the revenue objective and its target rule."""

from __future__ import annotations

import streamlit as st

from portfolio.ui.shared.state import kept_choice

# Own keys, not widget keys: the choices follow the user to other pages and back.
_REP = "pp.rep.rep"
_GROWTH = "pp.rep.growth"
_TARGET = "pp.rep.target"

TARGET_RULES = ("next_band", "partners")
DEFAULT_GROWTH_PERCENT = 10.0


def rep() -> str | None:
    """The rep shown on the Rep page (None: not chosen yet)."""
    return st.session_state.get(_REP)


def set_rep(value: str | None) -> None:
    st.session_state[_REP] = value


def growth_percent() -> float:
    """The revenue objective, in percent of today's revenue."""
    value = st.session_state.get(_GROWTH)
    return DEFAULT_GROWTH_PERCENT if value is None else float(value)


def set_growth_percent(value: float | None) -> None:
    st.session_state[_GROWTH] = value


def target_rule() -> str:
    """How far each client's share of wallet may be raised: the grid's next band, or partners'."""
    return kept_choice(_TARGET, TARGET_RULES)


def set_target_rule(value: str | None) -> None:
    st.session_state[_TARGET] = value
