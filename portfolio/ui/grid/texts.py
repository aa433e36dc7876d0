"""Edit, for the session, a criterion's points per level and the segments' names and actions
in both languages: tried like the weights and cuts, saved with the grid as a new file.

Every edit goes through the grid loader before it is tried: an edit the grid format
refuses shows the loader's own report, and nothing changes.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from portfolio.grid.model import Grid
from portfolio.grid.saving import checked_text
from portfolio.grid.trial import GridChanges, InvalidTrial
from portfolio.problems import ConfigError
from portfolio.text_safety import markdown_text
from portfolio.ui.shared import state
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.grid_tables import level_condition
from portfolio.ui.shared.number_entry import NumberRule, form_number_entry
from portfolio.ui.shared.state import seed_widget
from portfolio.ui.shared.widgets import show_issues

_KEY = state.TRIAL_WIDGETS  # + "points.<criterion>.<level>", "label|action.<segment>.<lang>"
_HEADINGS = {("label", "en"): "grid_texts.col_label_en", ("label", "fr"): "grid_texts.col_label_fr",
             ("action", "en"): "grid_texts.col_action_en", ("action", "fr"): "grid_texts.col_action_fr"}
_PARTS = tuple(_HEADINGS)
# What an edit the trial refuses is told (the weights' and cuts' form says its own).
_INVALID = {"points": "grid_texts.invalid_points", "labels": "grid_texts.invalid_labels"}


def texts_section(ctx: PageContext, file_grid: Grid) -> None:
    """A criterion's points, then the segments' labels and actions, each tried on Apply."""
    shown = ctx.grid or file_grid
    st.subheader(ctx.md("grid_texts.title"), anchor=False)
    st.caption(ctx.md("grid_texts.intro"))
    labels = {c.id: c.label.get(ctx.lang) for c in shown.criteria}
    chosen = st.selectbox(ctx.t("grid_texts.criterion"), list(labels), format_func=labels.get,
                          key=f"{_KEY}points_criterion")
    criterion = shown.criterion(chosen)
    levels = list(criterion.bands if criterion.bands is not None else criterion.categories or ())
    with st.form("grid_texts", border=False):
        points = [form_number_entry(
            f"{_KEY}points.{chosen}.{index}", float(level.points),
            label=ctx.md("grid_texts.points_of", level=level_condition(criterion, level, ctx.lang)),
            lang=ctx.lang, rule=NumberRule(minimum=0.0, required=True))
            for index, level in enumerate(levels)]
        texts = {part: {} for part in ("label", "action")}
        for segment in shown.segments:
            st.markdown(f"**{markdown_text(segment.label.get(ctx.lang))}** "
                        f"({markdown_text(segment.id)})")
            for (part, lang), column in zip(_PARTS, st.columns(len(_PARTS))):
                text = segment.label if part == "label" else segment.action
                key = f"{_KEY}{part}.{segment.id}.{lang}"
                if key not in st.session_state:  # the text typed stays until the trial ends
                    seed_widget(key, text.get(lang) if text is not None else "")
                with column:
                    texts[part].setdefault(segment.id, {})[lang] = st.text_input(
                        ctx.t(_HEADINGS[(part, lang)]), key=key)
        tried = st.form_submit_button(ctx.t("grid_texts.apply"), icon=":material/science:")
    if tried and None not in points:  # an unreadable number is refused under its input
        kept = state.grid_changes() or GridChanges()
        _try(ctx, file_grid, replace(kept, points={**kept.points, chosen: tuple(points)},
                                     labels=texts["label"], actions=texts["action"]))


def _try(ctx: PageContext, file_grid: Grid, changes: GridChanges) -> None:
    """Try the changes if the grid format takes them; else say why, changing nothing."""
    try:
        tried = changes.applied_to(file_grid)
        checked_text(tried, None, "trial.yaml")  # the loader's own rules, every one of them
    except InvalidTrial as error:
        st.error(ctx.md(_INVALID.get(error.part, "grid_texts.invalid_points"),
                        where=error.where), icon=":material/error:")
        return
    except ConfigError as error:
        show_issues(ctx.t("grid_texts.refused", count=len(error.issues)), error.issues, ctx.lang)
        return
    state.set_grid_changes(changes)
    st.rerun()
