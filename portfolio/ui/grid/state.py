"""The Grid page's own session state: a save waiting for the user to confirm replacing a file."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

_PENDING = "pp.grid.pending_save"


@dataclass(frozen=True)
class PendingSave:
    """A grid text refused because `file_name` exists, kept until replaced or dropped."""

    text: str
    file_name: str


def pending_save() -> PendingSave | None:
    return st.session_state.get(_PENDING)


def set_pending_save(value: PendingSave | None) -> None:
    st.session_state[_PENDING] = value
