"""Where the workshop is: the step shown, and whether the screen is projected."""

from __future__ import annotations

import streamlit as st

from portfolio.ui.shared import presenter, state

_STEP = "pp.workshop.step"


def step() -> int:
    """The index of the step shown (0: the first)."""
    return int(st.session_state.get(_STEP, 0))


def set_step(index: int) -> None:
    st.session_state[_STEP] = index


def presenting() -> bool:
    """True while the screen is projected (the app's one presenter mode): the presenter's
    notes are hidden."""
    return presenter.presenting()


def reset() -> None:
    """The workshop back to its start: first step, the file's grid (trials dropped) and the
    live client's inputs emptied."""
    set_step(0)
    state.set_grid_changes(None)
    state.clear_live_inputs()
