"""The response judgements form: try other judgements per segment in this session, see the curves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from portfolio.norms.model import RESPONSE_LEVELS
from portfolio.planning import EDITABLE_LEVELS, JudgementProblem, PlanInputs, judgements_from_levels
from portfolio.figures.plan import response_figure
from portfolio.ui.plan import state as plan_state
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import decimal
from portfolio.number_entry import NotANumber, entry_text, parse_number
from portfolio.ui.plan.data import RepView
from portfolio.ui.shared.summary import chart
from portfolio.ui.shared.presenter import presenting

# A fitted curve farther than this from the judgements (in multiples of today's revenue)
# deserves a second look at them (see the visit-planning documentation).
RESIDUAL_NOTICE = 0.03
LEVEL_DECIMALS = 2  # the judgements are multiples of today's revenue: 0,30 · 1,15
Levels = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class JudgementsInUse:
    """The inputs the plan uses, the levels the form starts from, and what is wrong with an edit."""

    inputs: PlanInputs
    base: Levels
    problems: tuple[JudgementProblem, ...]
    customised: bool  # judgements other than the norms file's are in use


def file_levels(inputs: PlanInputs, segments: list[str]) -> Levels:
    """The norms file's judgements per segment; without any, 1 everywhere (visits change nothing)."""
    given = inputs.responses
    return {segment: ({level: float(getattr(given[segment], level)) for level in RESPONSE_LEVELS}
                      if segment in given else dict.fromkeys(RESPONSE_LEVELS, 1.0))
            for segment in segments}


def _with_edits(base: Levels, edits: dict[int, dict[str, Any]], lang: str) -> Levels:
    """`base` with the editor's changed cells (rows are segments in `base`'s order), each
    read as the user typed it in `lang`."""
    segments = list(base)
    levels = {segment: dict(values) for segment, values in base.items()}
    for row, cells in edits.items():
        if 0 <= row < len(segments):
            levels[segments[row]].update({k: _typed_number(v, lang) for k, v in cells.items()
                                          if k in EDITABLE_LEVELS})
    return levels


def _typed_number(value: Any, lang: str) -> Any:
    """A cell's text ("0,75" in French) as its number; text that is no number is left as it is,
    for the judgements' check to refuse it."""
    if not isinstance(value, str):
        return value
    try:
        return parse_number(value, lang, required=True)
    except NotANumber:
        return value


def judgements_in_use(ctx: PageContext, file_inputs: PlanInputs) -> JudgementsInUse:
    """The judgements the plan follows: the ones applied in the form if they hold together,
    else the last valid ones of this session, else the norms file's."""
    segments = [s.id for s in ctx.view.grid.segments]
    original = file_levels(file_inputs, segments)
    base = plan_state.judgements() or original
    candidate = _with_edits(base, plan_state.editor_edits(), plan_state.edits_language(ctx.lang))
    read, problems = judgements_from_levels(candidate)
    if problems:
        read, _ = judgements_from_levels(base)
        candidate = base
    customised = candidate != original
    if not file_inputs.has_curves and not customised:
        return JudgementsInUse(file_inputs, base, tuple(problems), False)
    return JudgementsInUse(file_inputs.with_judgements(read), base, tuple(problems), customised)


def _apply(base: Levels, lang: str) -> None:
    """Keep the applied judgements for the session (they follow the user to other pages).
    The editor's cells reach the page only when applied: they were typed in `lang`, the
    language they are read in from then on."""
    plan_state.set_edits_language(lang)
    candidate = _with_edits(base, plan_state.editor_edits(), lang)
    _, problems = judgements_from_levels(candidate)
    if not problems:
        plan_state.set_judgements(candidate)


def judgements_panel(ctx: PageContext, state: JudgementsInUse, view: RepView) -> None:
    """The five judgements per segment in a form, the reset button and the fitted curves."""
    st.subheader(ctx.md("plan.judgements_title"), anchor=False)
    if presenting():
        # The editor is a control: the room sees the curves the judgements give.
        _curves(ctx, view)
        return
    st.markdown(ctx.md("plan.judgements_intro"))
    form_column, chart_column = st.columns([1, 1], gap="large")
    with form_column:
        with st.form("plan_judgements_form", border=False):
            st.data_editor(_editor_table(ctx, state.base), key=plan_state.EDITOR_KEY, hide_index=True,
                           num_rows="fixed", disabled=["segment", "current"],
                           column_config=_editor_columns(ctx), width="stretch")
            st.form_submit_button(ctx.t("plan.judgements_apply"), key="w.plan.judgements_apply", type="primary",
                                  icon=":material/refresh:", on_click=_apply, args=(state.base, ctx.lang))
        st.button(ctx.t("plan.judgements_reset"), key="w.plan.judgements_reset",
                  icon=":material/restart_alt:", on_click=plan_state.reset_judgements,
                  disabled=not state.customised and not plan_state.editor_edits())
        for problem in state.problems:
            st.error(_problem_text(ctx, problem), icon=":material/error:")
        if state.customised:
            st.caption(ctx.md("plan.judgements_session"))
    with chart_column:
        _curves(ctx, view)


def _curves(ctx: PageContext, view: RepView) -> None:
    """The response curves the judgements give, when there are any."""
    if view.uses_curves:
        chart(response_figure(view.shapes, view.typical, ctx.view.grid, ctx.lang), "w.plan.curves")
        st.caption(ctx.md("plan.curves_caption"))
        _residual_notes(ctx, view)


def _editor_table(ctx: PageContext, levels: Levels) -> pd.DataFrame:
    """The levels as text written the user's way ("0,30" in French): a number column of
    Streamlit's writes them with a point whatever the page's language, and reads "0,3" as 3."""
    labels = ctx.view.grid.segment_labels(ctx.lang)
    table = pd.DataFrame.from_dict(levels, orient="index")[list(RESPONSE_LEVELS)].astype(float)
    table = table.map(lambda value: entry_text(value, ctx.lang, LEVEL_DECIMALS))
    table.insert(0, "segment", [labels.get(s, s) for s in table.index])
    return table.reset_index(drop=True)


def _editor_columns(ctx: PageContext) -> dict[str, Any]:
    columns: dict[str, Any] = {"segment": st.column_config.TextColumn(ctx.t("plan.col_segment"))}
    for level in RESPONSE_LEVELS:
        columns[level] = st.column_config.TextColumn(
            ctx.t(f"plan.level.{level}"), help=ctx.t(f"plan.level_help.{level}"), required=True)
    return columns


def _problem_text(ctx: PageContext, problem: JudgementProblem) -> str:
    labels = ctx.view.grid.segment_labels(ctx.lang)
    return ctx.md(f"plan.judgement_problem.{problem.code}",
                 segment=labels.get(problem.segment, problem.segment),
                 level=ctx.t(f"plan.level.{problem.level}"),
                 before=ctx.t(f"plan.level.{problem.before}") if problem.before else "",
                 value=decimal(problem.value, ctx.lang))


def _residual_notes(ctx: PageContext, view: RepView) -> None:
    """Say where the curve family cannot follow a segment's judgements closely."""
    labels = ctx.view.grid.segment_labels(ctx.lang)
    for segment, shape in view.shapes.items():
        if shape.residual > RESIDUAL_NOTICE:
            st.warning(ctx.md("plan.curve_residual", segment=labels.get(segment, segment),
                             gap=decimal(shape.residual, ctx.lang)), icon=":material/warning:")
