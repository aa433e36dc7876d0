"""The trainer's side of a room scoring one client: open it on a case, show its code, link
and QR code, and the room's answers as they come in."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno
import streamlit as st

from portfolio.figures.room import room_spread_figure
from portfolio.grid.model import Grid
from portfolio.numbers import number, percent, score
from portfolio.problems import Refusal
from portfolio.ui.shared import rooms as room_state
from portfolio.ui.shared.client_card import segment_badge
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.grid_tables import level_rule
from portfolio.ui.shared.live_scoring import kept_values
from portfolio.ui.shared.pages import page
from portfolio.ui.shared.summary import chart
from portfolio.ui.shared.widgets import metric, metric_row
from portfolio.workshop.room import MAX_CASE_CHARS, levels, room_result

REFRESH_SECONDS = 2  # the answers on the trainer's screen follow the room's phones
CASE_KEY = "w.room.case"


def room_step(ctx: PageContext) -> None:
    """Open a room on the live client, or show the open room and its answers."""
    code = room_state.open_room_code()
    if code is None:
        _opening_form(ctx)
    else:
        _open_room(ctx, code)


def _opening_form(ctx: PageContext) -> None:
    st.text_area(ctx.t("workshop.room_case"), key=CASE_KEY, max_chars=MAX_CASE_CHARS,
                 placeholder=ctx.t("workshop.room_case_placeholder"))
    st.caption(ctx.md("workshop.room_case_values"))
    st.button(ctx.t("workshop.room_open"), icon=":material/groups:", type="primary",
              on_click=_open, args=(ctx, ctx.view.grid), key="w.room.open")


def _open(ctx: PageContext, grid: Grid) -> None:
    try:
        room = room_state.rooms().open(grid, st.session_state.get(CASE_KEY) or "",
                                       kept_values(grid))
    except Refusal as refusal:
        st.toast(refusal.text(ctx.lang), icon=":material/error:")
        return
    room_state.set_open_room_code(room.code)


def _close(code: str) -> None:
    room_state.rooms().close(code)
    room_state.set_open_room_code(None)


def join_link(code: str) -> str:
    """The participants' page of this server with the code filled in."""
    here = urlsplit(st.context.url or "http://localhost:8501/")
    path = "/" + page("join").path.split("_", 1)[1].removesuffix(".py")
    prefix = here.path.rsplit("/", 1)[0]  # under a base path, the pages are siblings
    return urlunsplit((here.scheme, here.netloc, prefix + path, urlencode({"code": code}), ""))


def _qr_png(link: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def _open_room(ctx: PageContext, code: str) -> None:
    link = join_link(code)
    join_column, answers_column = st.columns([2, 5], gap="large")
    with join_column:
        with st.container(key="room_code"):
            st.markdown(ctx.md("workshop.room_code", code=code))
        st.image(_qr_png(link), width=220)
        st.code(link, language=None)
        st.button(ctx.t("workshop.room_close"), icon=":material/close:",
                  on_click=_close, args=(code,), key="w.room.close")
    with answers_column:
        _answers(ctx, code)


@st.fragment(run_every=REFRESH_SECONDS)
def _answers(ctx: PageContext, code: str) -> None:
    """The room's answers so far; redrawn on its own every few seconds."""
    room = room_state.rooms().snapshot(code)
    if room is None:
        st.info(ctx.md("workshop.room_closed"), icon=":material/info:")
        return
    spreads, scored = room_result(room)
    with metric_row():
        metric(ctx.t("workshop.room_participants"), number(len(room.answers), ctx.lang))
        metric(room.grid.axes["attractiveness"].label.get(ctx.lang),
               f"{score(scored.attractiveness, ctx.lang)} / 100")
        metric(ctx.t("workshop.room_median_qrc"), f"{score(scored.qrc, ctx.lang)} / 100")
    if not room.answers:
        st.caption(ctx.md("workshop.room_waiting"))
        return
    with st.container(key="room_segment"):
        st.markdown(ctx.md("workshop.room_segment"))
        segment_badge(ctx, scored.segment)
    titles = [ctx.t("workshop.room_agreement", criterion=found.criterion.label.get(ctx.lang),
                    agreement=percent(found.agreement, ctx.lang),
                    answers=number(found.answers, ctx.lang)) for found in spreads]
    labels = [[level_rule(found.criterion, level, ctx.lang) for level in levels(found.criterion)]
              for found in spreads]
    chart(room_spread_figure(spreads, titles, labels, ctx.lang), "w.room.spread")
