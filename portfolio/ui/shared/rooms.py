"""The workshop rooms of this server process, shared by the trainer's and the participants'
sessions, and this session's anonymous participant token."""

from __future__ import annotations

import streamlit as st

from portfolio.workshop.room import Rooms, new_participant

_PARTICIPANT = "pp.room.participant"
_OPEN_ROOM = "pp.room.code"  # the room this session (a trainer's) opened


@st.cache_resource(show_spinner=False)
def rooms() -> Rooms:
    """One registry for every session of this process (answers live in memory only)."""
    return Rooms()


def participant() -> str:
    """This browser session's anonymous token, the same for every answer it gives."""
    if _PARTICIPANT not in st.session_state:
        st.session_state[_PARTICIPANT] = new_participant()
    return st.session_state[_PARTICIPANT]


def open_room_code() -> str | None:
    """The code of the room this session opened and has not closed."""
    code = st.session_state.get(_OPEN_ROOM)
    return code if code and rooms().find(code) is not None else None


def set_open_room_code(code: str | None) -> None:
    st.session_state[_OPEN_ROOM] = code
