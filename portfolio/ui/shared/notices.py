"""A message left by an action (an import done, a file refused, a dataset deleted), shown once
on the next drawing of the page it was left for."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.pages import page

_KEYS = {"import": "pp.import.notice", "datasets": "pp.datasets.notice"}


@dataclass(frozen=True)
class Notice:
    """A message to show once, on the next drawing of the page: (kind, text)."""

    kind: str  # "success" | "error" | "info"
    text: str  # Markdown: the names in it escaped where it is written



def pop_notice(page_id: str) -> Notice | None:
    """The notice left for `page_id` ("import" or "datasets"), removed once read."""
    return st.session_state.pop(_KEYS[page_id], None)


def set_notice(page_id: str, notice: Notice) -> None:
    st.session_state[_KEYS[page_id]] = notice


def notice_section(ctx: PageContext, page_id: str) -> None:
    """The message left by the last action (import done, file refused…), shown once."""
    notice = pop_notice(page_id)
    if notice is None:
        return
    if notice.kind == "success":
        st.success(notice.text, icon=":material/check_circle:")
        if page_id == "import":
            st.page_link(page("matrix").path, label=ctx.t("import.see_matrix"),
                         icon=":material/bubble_chart:")
    elif notice.kind == "error":
        st.error(notice.text, icon=":material/error:")
    else:
        st.info(notice.text, icon=":material/info:")
