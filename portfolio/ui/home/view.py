"""The home page's parts: data status, the method in brief, links to every page."""

from __future__ import annotations

import streamlit as st

from portfolio.problems import ConfigError
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.frame import coverage_notice
from portfolio.numbers import number, timestamp
from portfolio.ui.shared.names import dataset_name
from portfolio.ui.shared.resources import session_grid_path
from portfolio.ui.shared.widgets import metric, metric_row, show_issues
from portfolio.ui.shared.pages import MENU, page

# The method's three principles, as catalogue keys (title, text).
PRINCIPLES = (("home.principle_structure_title", "home.principle_structure_text"),
              ("home.principle_objectives_title", "home.principle_objectives_text"),
              ("home.principle_good_client_title", "home.principle_good_client_text"))


def data_status(ctx: PageContext) -> None:
    """Active dataset, its rows and periods, and the grid with its validity."""
    st.subheader(ctx.md("home.status_title"), anchor=False)
    dataset, grid = ctx.dataset, ctx.grid
    with metric_row():
        metric(ctx.t("home.status_dataset"), dataset_name(dataset, ctx.lang) if dataset else ctx.t("home.none"))
        metric(ctx.t("home.status_rows"),
               number(dataset.clients_in(ctx.period) if dataset else 0, ctx.lang))
        metric(ctx.t("home.status_periods"),
               ", ".join(dataset.periods) if dataset and dataset.periods else "—")
        metric(ctx.t("home.status_grid"), grid.name.get(ctx.lang) if grid else ctx.t("home.none"))
    if dataset is not None:
        imported = timestamp(dataset.imported_at, ctx.lang)
        kind = ctx.t("home.demo_dataset") if dataset.is_demo else ctx.t("home.imported_dataset")
        st.caption(ctx.md("home.dataset_details", kind=kind, when=imported,
                         count=number(len(ctx.datasets), ctx.lang)))
    if ctx.grid_issues:
        st.error(ctx.md("home.grid_errors", count=number(len(ctx.grid_issues), ctx.lang)),
                 icon=":material/error:")
    elif grid is not None:
        st.success(ctx.md("home.grid_valid", file=session_grid_path(ctx.settings.default_grid).name),
                   icon=":material/check_circle:")
    if ctx.portfolio is not None:
        # A valid grid can still lack data: say so here too, not only on the scoring pages.
        try:
            coverage_notice(ctx.portfolio, ctx.lang)
        except ConfigError as error:
            show_issues(ctx.t("common.grid_does_not_fit", name=dataset_name(ctx.portfolio.dataset,
                                                                             ctx.lang)),
                        error.issues, ctx.lang)


def method_brief(ctx: PageContext) -> None:
    """The three principles of the method the product implements."""
    st.subheader(ctx.md("home.method_title"), anchor=False)
    for column, (title, text) in zip(st.columns(len(PRINCIPLES)), PRINCIPLES):
        with column.container(border=True, height="stretch"):
            st.markdown(f"**{ctx.t(title)}**")
            st.markdown(ctx.md(text))
    workshop = page("workshop")
    st.page_link(workshop.path, label=ctx.t("home.workshop_start"), icon=workshop.icon)


def page_links(ctx: PageContext) -> None:
    """A link to every other page with what it is for."""
    st.subheader(ctx.md("home.pages_title"), anchor=False)
    for entry in MENU:
        if entry.id == ctx.page.id:
            continue
        st.page_link(entry.path, label=ctx.t(entry.label), icon=entry.icon)
        st.caption(ctx.md(entry.summary))
