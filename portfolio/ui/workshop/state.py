"""Where the workshop is: the step shown and whether the presenter's notes are hidden."""

from __future__ import annotations

import streamlit as st

from portfolio.ui.shared import state

_STEP = "pp.workshop.step"
_PRESENTING = "pp.workshop.presenting"


def step() -> int:
    """The index of the step shown (0: the first)."""
    return int(st.session_state.get(_STEP, 0))


def set_step(index: int) -> None:
    st.session_state[_STEP] = index


def presenting() -> bool:
    """True while the screen is projected: the presenter's notes are hidden."""
    return bool(st.session_state.get(_PRESENTING, False))


def set_presenting(value: bool) -> None:
    st.session_state[_PRESENTING] = bool(value)


def reset() -> None:
    """The workshop back to its start: first step, the file's grid (trials dropped) and the
    live client's inputs emptied."""
    set_step(0)
    state.set_grid_changes(None)
    state.clear_live_inputs()
