"""The Structure and Rep pages' session choices: rep order, gap measure, rep shown, objective."""

from __future__ import annotations

import streamlit as st

# Own keys, not widget keys: the choices follow the user to other pages and back.
_ORDER = "pp.structure.order"
_MEASURE = "pp.structure.measure"
_REP = "pp.rep.rep"
_GROWTH = "pp.rep.growth"
_TARGET = "pp.rep.target"

ORDERS = ("revenue", "potential", "headroom", "share_of_wallet", "name")
MEASURES = ("clients", "revenue")
TARGET_RULES = ("next_band", "partners")
DEFAULT_GROWTH_PERCENT = 10.0


def _choice(key: str, options: tuple[str, ...]) -> str:
    """The kept choice among `options`, the first one until the user picks another."""
    value = st.session_state.get(key)
    return value if value in options else options[0]


def reps_order() -> str:
    """How reps are sorted when compared side by side (largest first; names alphabetically)."""
    return _choice(_ORDER, ORDERS)


def set_reps_order(value: str | None) -> None:
    st.session_state[_ORDER] = value


def gap_measure() -> str:
    """Whether gaps are read on the share of clients or of revenue."""
    return _choice(_MEASURE, MEASURES)


def set_gap_measure(value: str | None) -> None:
    st.session_state[_MEASURE] = value


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
    return _choice(_TARGET, TARGET_RULES)


def set_target_rule(value: str | None) -> None:
    st.session_state[_TARGET] = value
