"""The Join page's parts: its own light frame (no data, no menu), the code, the case and
the participant's answers.

A participant may be anyone in the room: in sign-in mode they sign in but need not be in
the access file, and this page shows only the workshop's case (no dataset, no client
name), so it never opens the store.
"""

from __future__ import annotations

import streamlit as st

from portfolio.i18n import LANGUAGES, language_from_locale, t
from portfolio.problems import Refusal
from portfolio.text_safety import markdown_text
from portfolio.ui.shared.streamlit_words import streamlit_words
from portfolio.ui.shared import rooms as room_state
from portfolio.ui.shared import state
from portfolio.ui.shared.identity import sign_in_mode
from portfolio.ui.shared.grid_tables import level_rule
from portfolio.workshop.room import Room, levels, normal_code

CODE_KEY = "w.join.code"


def join_frame() -> str:
    """Page setup and language for a participant; in sign-in mode, sign-in first. Returns the
    language."""
    lang = state.language()
    if lang not in LANGUAGES:
        lang = language_from_locale(st.context.locale)
        state.set_language(lang)
    st.set_page_config(page_title=t("join.title", lang), page_icon=":material/groups:",
                       layout="centered", initial_sidebar_state="collapsed")
    if sign_in_mode() and not st.user.is_logged_in:
        st.title(t("join.title", lang), anchor=False)
        st.button(t("join.sign_in", lang), on_click=st.login, key="w.join.login")
        st.stop()
    streamlit_words(lang)
    return lang


def joined_room(lang: str) -> Room | None:
    """The room of the code in the link or typed in; None (after saying why) otherwise."""
    linked = st.query_params.get("code")
    if linked and CODE_KEY not in st.session_state:
        st.session_state[CODE_KEY] = normal_code(linked)
    typed = st.text_input(t("join.code", lang), key=CODE_KEY, max_chars=24)
    if not typed:
        st.caption(t("join.code_help", lang))
        return None
    room = room_state.rooms().snapshot(typed)
    if room is None:
        st.warning(t("join.unknown", lang, code=normal_code(typed)), icon=":material/search_off:")
    return room


def answer_form(room: Room, lang: str) -> None:
    """The case, then one choice per relationship criterion with the grid's written rules."""
    st.subheader(t("join.case", lang), anchor=False)
    if room.case_text:
        # The trainer's words, shown as text: escaped, line breaks kept.
        st.markdown("  \n".join(markdown_text(line) for line in room.case_text.splitlines()))
    with st.form(key=f"w.join.form.{room.code}", enter_to_submit=False):
        chosen: dict[str, int | None] = {}
        for criterion in room.criteria:
            options = list(range(len(levels(criterion))))
            chosen[criterion.id] = st.radio(
                markdown_text(criterion.label.get(lang)), options, index=None,
                format_func=lambda i, c=criterion: markdown_text(level_rule(c, levels(c)[i], lang)),
                key=f"w.join.{room.code}.{criterion.id}")
        sent = st.form_submit_button(t("join.send", lang), type="primary", width="stretch")
    if sent:
        _send(room, {key: value for key, value in chosen.items() if value is not None}, lang)
    st.caption(t("join.anonymous", lang))


def _send(room: Room, answers: dict[str, int], lang: str) -> None:
    if not answers:
        st.warning(t("join.nothing", lang), icon=":material/info:")
        return
    try:
        room_state.rooms().answer(room.code, room_state.participant(), answers)
    except Refusal as refusal:
        st.error(refusal.text(lang), icon=":material/error:")
        return
    st.success(t("join.sent", lang), icon=":material/check_circle:")
