"""The visit plan's session choices: the rep shown, the plan's date, the judgements being tried."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

# Own keys, not widget keys: the choices follow the user to other pages and back.
_REP = "pp.plan.rep"
_DATE = "pp.plan.date"
_JUDGEMENTS = "pp.plan.judgements"
_EDITS_LANGUAGE = "pp.plan.judgements_typed_in"
EDITOR_KEY = "w.plan.judgements"


def rep() -> str | None:
    """The rep whose plan is shown (None: not chosen yet)."""
    return st.session_state.get(_REP)


def set_rep(value: str | None) -> None:
    st.session_state[_REP] = value


def plan_date() -> dt.date | None:
    """The date the plan is made for (None: the latest visit in the data)."""
    return st.session_state.get(_DATE)


def set_plan_date(value: dt.date | None) -> None:
    st.session_state[_DATE] = value


def judgements() -> dict[str, dict[str, float]] | None:
    """Judgements tried in this session, {segment: {level: value}} (None: the norms file's)."""
    return st.session_state.get(_JUDGEMENTS)


def set_judgements(value: dict[str, dict[str, float]] | None) -> None:
    st.session_state[_JUDGEMENTS] = value


def editor_edits() -> dict[int, dict[str, Any]]:
    """Cells changed in the judgements editor and applied: {row position: {level: value}}.

    Read before the editor is drawn, so that the plan at the top of the page already
    follows the judgements applied at its bottom.
    """
    edits = st.session_state.get(EDITOR_KEY)
    rows = edits.get("edited_rows", {}) if isinstance(edits, dict) else {}
    return {int(row): dict(cells) for row, cells in rows.items()}


def edits_language(default: str) -> str:
    """The language the editor's cells were typed in: their text is read in it ("2,5" is a
    number in French, not in English), whatever the page is in now."""
    return st.session_state.get(_EDITS_LANGUAGE) or default


def set_edits_language(lang: str) -> None:
    st.session_state[_EDITS_LANGUAGE] = lang


def reset_judgements() -> None:
    """Back to the norms file: forget the session's judgements and the editor's edits."""
    st.session_state[_JUDGEMENTS] = None
    st.session_state.pop(EDITOR_KEY, None)
    st.session_state.pop(_EDITS_LANGUAGE, None)
