"""Small reusable pieces of screen: widgets bound to session values, lists of configuration errors."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

import streamlit as st

from portfolio.i18n import t
from portfolio.problems import ConfigIssue
from portfolio.text_safety import markdown_frame, markdown_text
from portfolio.ui.shared import state


def bound_widget(draw: Callable[..., Any], key: str, value: Any,
                 on_pick: Callable[[Any], None], **options: Any) -> Any:
    """Draw a widget showing `value` and call `on_pick(new value)` when the user changes it.

    `draw` is a Streamlit widget function (st.selectbox, st.multiselect, ...). The
    change is handled in the widget's callback, so the page drawn right after the
    click already reflects it (a language switch redraws everything in the new
    language, not one click late).
    """
    state.seed_widget(key, value)
    return draw(key=key, on_change=lambda: on_pick(state.widget_value(key)), **options)


def multiselect_filter(label: str, key: str, options: Sequence[Any], chosen: Iterable[Any],
                       on_pick: Callable[[tuple], None], lang: str,
                       format_func: Callable[[Any], str] = str) -> tuple:
    """A multiselect over `options`, empty meaning "all"; choices no longer offered
    (another dataset, another viewer) are dropped."""
    kept = [value for value in chosen if value in options]
    picked = bound_widget(st.multiselect, key, kept, lambda value: on_pick(tuple(value or ())),
                          label=label, options=list(options), format_func=format_func,
                          placeholder=t("common.filter_all", lang),
                          # Streamlit writes "Select all" in English only; and picking
                          # every value is what the empty filter already means.
                          select_all=False)
    return tuple(picked)


def show_issues(heading: str, issues: Iterable[ConfigIssue], lang: str) -> None:
    """An error box with every configuration issue as `FILE:LINE: key: message`, the
    message in `lang`."""
    st.error(heading, icon=":material/error:")
    st.code("\n".join(issue.describe(lang) for issue in issues), language=None, wrap_lines=True)


def metric_row() -> Any:
    """A row for `metric`s: each is as wide as its label and value, and the row wraps on a
    narrow screen. Equal columns cut long labels short ("Part de marché che…") on a
    1366-pixel projector, where no one can hover for the rest.
    """
    return st.container(horizontal=True, gap="medium")


def metric(label: str, value: str, **options: Any) -> None:
    """A figure in a `metric_row`, as wide as its label and value (`options` go to st.metric).
    The value renders Markdown and may be a name (a dataset's, a grid's): it is escaped."""
    st.metric(label, markdown_text(value), width="content", **options)


def text_table(table: Any, style: Callable[[Any], Any] | None = None) -> None:
    """A static table whose cells show exactly their text: `st.table` renders Markdown in
    every cell and header, and these hold names from files. `style` (a DataFrame's escaped
    copy → its Styler) colours it."""
    escaped = markdown_frame(table)
    st.table(style(escaped) if style else escaped, hide_index=True)
