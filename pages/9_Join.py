"""A workshop participant's page: join the room with its code and score its case."""

import streamlit as st

from portfolio.i18n import t
from portfolio.ui.join.view import answer_form, join_frame, joined_room

lang = join_frame()
st.title(t("join.title", lang), anchor=False)
room = joined_room(lang)
if room is not None:
    answer_form(room, lang)
