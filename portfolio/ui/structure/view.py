"""The Structure page's team view: headline figures, mix per segment, mix against the norms."""

from __future__ import annotations


import pandas as pd
import streamlit as st

from portfolio.figures.structure import mix_figure, norms_figure
from portfolio.norms import Norms
from portfolio.queries.scope import ClientFilter
from portfolio.ui.shared import structure_queries as structure_data
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import money, number, percent
from portfolio.ui.shared.summary import chart, gap_text, headline, segment_labels
from portfolio.ui.shared.widgets import text_table


def team_tab(ctx: PageContext, norms: Norms, filters: ClientFilter) -> None:
    """Headline figures, the mix per segment on every measure, and the mix against the norms."""
    team = structure_data.comparison(ctx.view, filters).team.iloc[0]
    if int(team["clients"]) == 0:
        st.info(ctx.md("structure.no_clients"), icon=":material/info:")
        return
    headline(ctx, team)
    mix = structure_data.team_mix(ctx.view, filters)
    st.subheader(ctx.md("structure.mix_title"), anchor=False)
    st.caption(ctx.md("structure.mix_caption"))
    chart(mix_figure(mix, ctx.view.grid, ctx.lang), "w.structure.mix")
    gaps = structure_data.team_gaps(ctx.view, norms, filters)
    st.subheader(ctx.md("structure.norms_title"), anchor=False)
    st.caption(ctx.md("structure.norms_caption",
                     tolerance=number(100 * norms.structure.tolerance, ctx.lang, 0)))
    chart(norms_figure(gaps, ctx.view.grid, ctx.lang), "w.structure.norms")
    text_table(segment_table(ctx, mix, gaps))
    if norms.overrides:
        one = len(norms.overrides) == 1  # "1 override(s)" reads as a form, not a sentence
        st.caption(ctx.md("structure.overrides_note_one" if one else "structure.overrides_note",
                          count=len(norms.overrides)))


def segment_table(ctx: PageContext, mix: pd.DataFrame, gaps: pd.DataFrame) -> pd.DataFrame:
    """Per segment: clients and revenue against their targets, margin, potential, headroom."""
    lang, labels = ctx.lang, segment_labels(ctx)
    rows = mix.merge(gaps[["segment", "target_share", "gap", "within_tolerance",
                           "revenue_target_share", "revenue_gap", "revenue_within_tolerance"]],
                     on="segment", how="left")

    def amounts(column: str) -> list[str]:
        return [money(v, lang, compact=True) for v in rows[column]]

    def shares(column: str) -> list[str]:
        return [percent(v, lang) for v in rows[column]]

    return pd.DataFrame({
        ctx.t("structure.col_segment"): [labels.get(s, s) for s in rows["segment"]],
        ctx.t("structure.col_clients"): [number(v, lang) for v in rows["clients"]],
        ctx.t("structure.col_client_share"): shares("client_share"),
        ctx.t("structure.col_target"): shares("target_share"),
        ctx.t("structure.col_gap"): [gap_text(g, w, lang) for g, w
                                     in zip(rows["gap"], rows["within_tolerance"])],
        ctx.t("structure.col_revenue"): amounts("revenue"),
        ctx.t("structure.col_revenue_share"): shares("revenue_share"),
        ctx.t("structure.col_revenue_target"): shares("revenue_target_share"),
        ctx.t("structure.col_revenue_gap"): [gap_text(g, w, lang) for g, w
                                             in zip(rows["revenue_gap"],
                                                    rows["revenue_within_tolerance"])],
        ctx.t("structure.col_margin"): amounts("margin"),
        ctx.t("structure.col_potential"): amounts("potential"),
        ctx.t("structure.col_headroom"): amounts("headroom"),
        ctx.t("structure.col_sow"): shares("share_of_wallet"),
    })


def viewer_note(ctx: PageContext) -> None:
    """When one rep's portfolio alone is shown: where to compare it with anonymous peers."""
    if ctx.viewer is None:
        return
    st.info(ctx.md("structure.viewer_note", rep=ctx.viewer), icon=":material/person:")
    st.page_link("pages/6_Rep.py", label=ctx.t("rep.nav"), icon=":material/person:")
