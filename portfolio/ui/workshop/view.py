"""The Workshop page's parts: where the room is in the method, the step, and the way on."""

from __future__ import annotations

import streamlit as st

from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.widgets import bound_widget
from portfolio.ui.workshop import state as workshop_state
from portfolio.ui.workshop.charts import CHARTS
from portfolio.ui.workshop.steps import STEPS, Step

STEPS_KEY = "w.workshop.steps"


def path_bar(ctx: PageContext) -> Step:
    """The steps by number and title (any can be opened) and reset; returns the
    step to show."""
    index = min(workshop_state.step(), len(STEPS) - 1)
    steps_column, controls_column = st.columns([5, 2], vertical_alignment="bottom")
    with steps_column:
        bound_widget(st.segmented_control, STEPS_KEY, index,
                     lambda chosen: workshop_state.set_step(index if chosen is None else chosen),
                     label=ctx.t("workshop.steps"), options=list(range(len(STEPS))),
                     format_func=lambda i: f"{i + 1}. {ctx.t(STEPS[i].key('short'))}",
                     label_visibility="collapsed")
    with controls_column:
        st.button(ctx.t("workshop.reset"), icon=":material/restart_alt:",
                  help=ctx.t("workshop.reset_help"), on_click=workshop_state.reset,
                  key="w.workshop.reset")
    return STEPS[index]


def step_screen(ctx: PageContext, step: Step) -> None:
    """The step: its title and text, the chart that makes its point, the question for the room,
    and (unless presenting) the presenter's notes."""
    index = STEPS.index(step)
    with st.container(key=f"workshop_step_{step.id}"):
        st.subheader(ctx.t("workshop.step_heading", number=index + 1, total=len(STEPS),
                           title=ctx.t(step.key("title"))), anchor=False)
        st.markdown(ctx.md(step.key("text")))
        CHARTS[step.id](ctx)
        with st.container(key="workshop_question"):
            st.info(ctx.md(step.key("question")), icon=":material/forum:")
        if not workshop_state.presenting():
            with st.expander(ctx.t("workshop.notes"), icon=":material/sticky_note_2:"):
                st.markdown(ctx.md(step.key("notes")))


def step_buttons(ctx: PageContext, step: Step) -> None:
    """Previous and next, each naming the step it opens."""
    index = STEPS.index(step)
    back_column, _, next_column = st.columns([2, 3, 2])
    if index > 0:
        back_column.button(ctx.t("workshop.previous", title=ctx.t(STEPS[index - 1].key("short"))),
                           icon=":material/arrow_back:", on_click=workshop_state.set_step,
                           args=(index - 1,), key="w.workshop.previous", width="stretch")
    if index < len(STEPS) - 1:
        next_column.button(ctx.t("workshop.next", title=ctx.t(STEPS[index + 1].key("short"))),
                           icon=":material/arrow_forward:", icon_position="right",
                           on_click=workshop_state.set_step, args=(index + 1,),
                           key="w.workshop.next", width="stretch", type="primary")
