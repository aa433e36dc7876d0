"""The method taught to a room, one step per screen: text, chart, question, presenter notes."""

import streamlit as st

from portfolio.ui import frame
from portfolio.ui.workshop.room_demo import room_demo_chooser
from portfolio.ui.workshop.view import path_bar, step_buttons, step_screen

ctx = frame("workshop")
st.title(ctx.t("workshop.title"), anchor=False)
room_demo_chooser(ctx)
step = path_bar(ctx)
step_screen(ctx, step)
step_buttons(ctx, step)
