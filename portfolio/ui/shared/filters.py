"""The client filter bar (salesperson, region, industry, segment), kept per page scope in the session."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from portfolio.queries.scope import ClientFilter
from portfolio.ui.shared import chart_export
from portfolio.ui.shared import queries as data
from portfolio.ui.shared import state
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.presenter import presenting
from portfolio.ui.shared.widgets import multiselect_filter


def client_filters(ctx: PageContext, scope: str, *, segments: bool = True) -> ClientFilter:
    """Draw the filter bar and return the filters chosen (what the viewer may see only).

    `scope` names the filters kept in the session: pages sharing a scope share
    their filters. The salesperson filter is left out when "view as" already
    narrows the portfolio to one person.
    """
    choices = data.filter_choices(ctx.view)
    current = state.filters(scope)

    def keep(field: str):
        return lambda values: state.set_filters(scope, replace(state.filters(scope),
                                                               **{field: values}))

    fields: list[tuple[str, str, list[str], object]] = []
    if ctx.viewer is None:
        fields.append(("salespeople", "common.filter_salesperson", choices["salespeople"], str))
    fields += [("regions", "common.filter_region", choices["regions"], str),
               ("industries", "common.filter_industry", choices["industries"], str)]
    if segments and ctx.grid is not None:
        labels = ctx.grid.segment_labels(ctx.lang)
        fields.append(("segments", "common.filter_segment", list(labels), labels.__getitem__))
    if presenting():
        # No bar on a projected screen: the filters chosen before still apply, as offered.
        kept = ClientFilter(**{field: tuple(v for v in getattr(current, field) if v in options)
                               for field, _, options, _ in fields})
        chart_export.set_filters(kept)  # the page's chart images name them
        return kept
    picked: dict[str, tuple] = {}
    # The button column fits "Effacer" with its icon beside four filters on a 1366-pixel screen.
    columns = st.columns([3] * len(fields) + [2], vertical_alignment="bottom")
    for column, (field, label, options, format_func) in zip(columns, fields):
        with column:
            picked[field] = multiselect_filter(
                ctx.t(label), f"w.{scope}.filter.{field}", options, getattr(current, field),
                keep(field), ctx.lang, format_func=format_func)  # type: ignore[arg-type]
    with columns[-1]:
        st.button(ctx.t("common.clear_filters"), key=f"w.{scope}.filter.clear",
                  icon=":material/filter_alt_off:", width="stretch",
                  on_click=state.set_filters, args=(scope, ClientFilter()))
    chosen = ClientFilter(**picked)
    chart_export.set_filters(chosen)
    return chosen
