"""Presenter mode: one switch, kept for the session, that turns every page into a projected
screen (no sidebar, no controls, larger type, each page's point within 1366×768)."""

from __future__ import annotations

from typing import Callable, Sequence

import streamlit as st

from portfolio.i18n import t
from portfolio.ui.shared.pages import PAGES
from portfolio.text_safety import markdown_text
from portfolio.ui.shared.widgets import bound_widget

# Its own key, not the widget's: Streamlit drops a widget's value on a page where the
# widget is not drawn, and the mode must follow the presenter from page to page.
_PRESENTING = "pp.presenting"
SWITCH_KEY = "w.presenter.switch"
LEAVE_KEY = "w.presenter.leave"
PRESENTED_PAGES = ("matrix", "structure", "rep", "plan", "workshop")  # linked while presenting
DESK_PAGES = ("import", "datasets")  # uploads and data management: nothing to project
# Fixed text, never user input. Streamlit has no setting to hide the sidebar, so it is hidden
# with CSS, with its collapse arrow and the top bar (the way back is the "leave" button).
# The root font size scales the whole interface, which Streamlit sizes in rem.
_PRESENTER_CSS = """<style>
html { font-size: 18px; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.5rem 1.5rem 1rem 1.5rem !important;
    max-width: 100% !important; }
[data-testid="stMain"] h1 { font-size: 1.8rem; padding: 0.2rem 0; }
</style>"""


def presenting() -> bool:
    """True while the screen is projected to a room."""
    return bool(st.session_state.get(_PRESENTING, False))


def set_presenting(value: bool | None) -> None:
    st.session_state[_PRESENTING] = bool(value)


def presenter_switch(lang: str) -> None:
    """The switch, in the sidebar of every page."""
    bound_widget(st.toggle, SWITCH_KEY, presenting(), set_presenting,
                 label=t("presenter.switch", lang), help=t("presenter.switch_help", lang))


def presenter_layout(lang: str, page_id: str, trial: bool = False) -> None:
    """While presenting: the projected layout and, at the top, the pages a meeting shows and
    the way back out of presenter mode (the sidebar, its menu and its switch are hidden).
    `trial`: the pages score with grid changes tried in the session; the trial banner and its
    reset button (a control, and two lines of the projector) give way to a word in the bar,
    so that the room still knows the figures are not the grid file's."""
    if not presenting():
        return
    st.html(_PRESENTER_CSS)
    with st.container(horizontal=True, vertical_alignment="center", key="presenter_bar"):
        # The menu is in the hidden sidebar: the pages a meeting shows, one click away.
        for entry in PAGES:
            if entry.id in PRESENTED_PAGES:
                st.page_link(entry.path, label=t(entry.label, lang), icon=entry.icon)
        st.space("stretch")
        if trial:
            st.caption(t("presenter_trial.trial_marker", lang), help=t("common.grid_trial_active", lang))
        st.button(t("presenter.leave", lang), key=LEAVE_KEY, icon=":material/close_fullscreen:",
                  type="tertiary", on_click=set_presenting, args=(False,))
    if page_id in DESK_PAGES:
        # Its uploads and editors are controls: the page waits for the end of the meeting.
        st.info(t("presenter.desk_page", lang), icon=":material/co_present:")
        st.stop()


def neighbours(options: Sequence[str], current: str) -> tuple[str | None, str | None]:
    """The options before and after `current` (None at either end)."""
    if current not in options:
        return None, None
    index = list(options).index(current)
    before = options[index - 1] if index > 0 else None
    after = options[index + 1] if index + 1 < len(options) else None
    return before, after


def rep_stepper(lang: str, reps: Sequence[str], current: str,
                on_pick: Callable[[str], None], key: str) -> None:
    """"Previous rep" and "next rep" buttons, each naming the rep it opens, around the name
    of the rep shown (the chooser that names it otherwise is hidden). `reps` are those in the
    viewer's scope: a rep-scoped viewer is given one only and sees no button."""
    if len(reps) < 2:
        return
    before, after = neighbours(reps, current)
    with st.container(horizontal=True, vertical_alignment="center",
                      key=f"stepper_{key.replace('.', '_')}"):
        st.button(_step_label("previous", before, lang), key=f"{key}.previous",
                  icon=":material/arrow_back:", disabled=before is None,
                  on_click=on_pick, args=(before,))
        st.markdown(t("presenter.rep_position", lang, rep=markdown_text(current),
                      position=reps.index(current) + 1, total=len(reps)))
        st.button(_step_label("next", after, lang), key=f"{key}.next",
                  icon=":material/arrow_forward:", icon_position="right",
                  disabled=after is None, on_click=on_pick, args=(after,))


def _step_label(way: str, rep: str | None, lang: str) -> str:
    """"Next: Claire Martin"; plain "Next" at the end of the list (the button is disabled)."""
    if rep is None:
        return t(f"presenter.{way}", lang)
    return t(f"presenter.{way}_rep", lang, rep=markdown_text(rep))
