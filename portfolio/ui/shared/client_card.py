"""A client's card: who it is, its segment and, per criterion, value, points and the rule that gave them."""

from __future__ import annotations

import streamlit as st

from portfolio.figures.common import segment_colors
from portfolio.grid.model import AXES
from portfolio.queries.card import ClientCard, CriterionResult, ScoredClient
from portfolio.ui.shared import queries as data
from portfolio.ui.shared.card_table import CriterionLine, Headings, criteria_table
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import EMPTY, column_value, decimal, money, percent, score
from portfolio.ui.shared.grid_tables import level_rule
from portfolio.ui.shared.widgets import metric, metric_row
from portfolio.text_safety import html_text, markdown_text


def client_card_panel(ctx: PageContext, client_id: str) -> None:
    """Draw the card of `client_id`, or say that it cannot be shown to this viewer."""
    card = data.client_card(ctx.view, client_id)
    if card is None:
        st.info(ctx.md("matrix.card_not_visible", client=client_id), icon=":material/visibility_off:")
        return
    with st.container(border=True, key="client_card"):
        _header(ctx, card)
        criteria_section(ctx, card)


def _header(ctx: PageContext, card: ClientCard) -> None:
    st.subheader(markdown_text(card.client_name), anchor=False)
    details = [card.client_id, card.salesperson, card.region, card.industry]
    st.caption(" · ".join(markdown_text(d) for d in details if d))
    segment_badge(ctx, card.segment)
    with metric_row():
        metric(ctx.t("matrix.card_revenue"), money(card.revenue, ctx.lang, compact=True))
        metric(ctx.t("matrix.card_potential"), money(card.potential, ctx.lang, compact=True))
        metric(ctx.t("matrix.card_share"), percent(card.share_of_wallet, ctx.lang))


def segment_badge(ctx: PageContext, segment_id: str | None) -> None:
    """The segment's label on its colour, then its action; or why there is no segment."""
    if segment_id is None or ctx.grid is None:
        st.markdown(ctx.md("matrix.card_no_segment"))
        return
    segment = ctx.grid.segment(segment_id)
    color = segment_colors(ctx.grid)[segment.id]
    action = f" — {html_text(segment.action.get(ctx.lang))}" if segment.action else ""
    # Grid texts are escaped: a label is written by a user, not by us.
    st.markdown(f'<span style="background:{color};color:white;padding:0.2em 0.6em;'
                f'border-radius:0.4em;font-weight:600">{html_text(segment.label.get(ctx.lang))}'
                f'</span>{action}', unsafe_allow_html=True)


def criteria_section(ctx: PageContext, client: ScoredClient) -> None:
    """Per axis, its score and the table of its criteria; then the criteria left missing."""
    headings = Headings(ctx.t("matrix.card_criterion_rule"), ctx.t("matrix.card_value"),
                        ctx.t("matrix.card_points"))
    for axis in AXES:
        axis_score = client.attractiveness if axis == "attractiveness" else client.qrc
        st.markdown(f"**{markdown_text(ctx.view.grid.axes[axis].label.get(ctx.lang))}** — "
                    f"{score(axis_score, ctx.lang)} / 100")
        st.markdown(criteria_table(headings, criteria_lines(ctx, client.on_axis(axis))),
                    unsafe_allow_html=True)
    if client.missing:
        names = ", ".join(r.criterion.label.get(ctx.lang) for r in client.missing)
        key = "matrix.card_missing_zero" if ctx.view.grid.missing == "zero" else "matrix.card_missing_ignore"
        st.warning(ctx.md(key, criteria=names), icon=":material/help:")


def criteria_lines(ctx: PageContext, results: tuple[CriterionResult, ...]) -> list[CriterionLine]:
    """The card's rows for one axis: criterion, the rule that gave its points, value, points."""
    def rule(result: CriterionResult) -> str:
        if result.level is not None:
            return level_rule(result.criterion, result.level, ctx.lang)
        if column_value(result.criterion.column, result.value, ctx.lang) == EMPTY:
            return ctx.t("matrix.card_no_value")
        return ctx.t("matrix.card_no_level")

    return [CriterionLine(criterion=r.criterion.label.get(ctx.lang), rule=rule(r),
                          value=column_value(r.criterion.column, r.value, ctx.lang),
                          points=f"{decimal(r.points, ctx.lang)} / {decimal(r.max_points, ctx.lang)}")
            for r in results]
