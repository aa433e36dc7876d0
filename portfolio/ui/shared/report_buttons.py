"""Download buttons for the printed report: a rep's page on the Rep page, the team's on the
Structure page, as PDF or PNG.

The file is built only when a button is pressed (Streamlit calls the data function then):
charts drawn in Chromium cost seconds, far too much for every rerun.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from portfolio.norms import Norms
from portfolio.queries.scope import ClientFilter
from portfolio.report.charts import ChartsUnavailable, browser_path
from portfolio.report.files import file_stem
from portfolio.report.service import report_bytes
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.presenter import presenting


def report_buttons(ctx: PageContext, norms: Norms, reps: Sequence[str] | None, key: str,
                   filters: ClientFilter = ClientFilter()) -> None:
    """"Download the page (PDF)" and "PNG" for `reps` (one rep), or the team when None,
    of the clients the page's `filters` keep (the view carries them: every figure of the
    report is of those clients, and its header names them); none while presenting
    (downloads are for the desk, and the page must fit the screen)."""
    if presenting():
        return
    try:
        browser_path()  # a look at the PATH, not a start of the browser
    except ChartsUnavailable as error:
        st.caption(ctx.md("report.charts_unavailable", reason=str(error)))
        return
    view, lang, peers = ctx.view.filtered(filters), ctx.lang, ctx.peers
    stem = f"{file_stem(reps[0] if reps else None)}-{view.shown_period or 'latest'}"
    label = "report.download_rep" if reps else "report.download_team"
    help_text = ctx.t("report.download_help" if reps else "report.download_team_help")
    left, right, _ = st.columns([3, 1, 2])
    with left:
        st.download_button(ctx.t(label), lambda: report_bytes(view, norms, lang, reps, peers)[0],
                           file_name=f"{stem}.pdf", mime="application/pdf", key=f"{key}.pdf",
                           icon=":material/picture_as_pdf:", help=help_text,
                           width="stretch")
    with right:
        st.download_button(ctx.t(f"{label}_png"),
                           lambda: report_bytes(view, norms, lang, reps, peers, image=True)[0],
                           file_name=f"{stem}.png", mime="image/png", key=f"{key}.png",
                           icon=":material/image:", help=help_text,
                           width="stretch")
