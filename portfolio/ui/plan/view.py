"""The visit plan page's parts: rep and date, headline figures, utilisation, what gives, priorities."""

from __future__ import annotations


import numpy as np
import pandas as pd
import streamlit as st

from portfolio.planning import EffortRange, PlanInputs
from portfolio.figures.plan import utilisation_gauge
from portfolio.ui.plan import data as plan_data
from portfolio.ui.shared import chart_export, norms
from portfolio.ui.plan import state as plan_state
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import style
from portfolio.numbers import EMPTY, decimal, money, number, percent
from portfolio.ui.plan.data import RepView
from portfolio.numbers import amounts, one_decimal, signed_percent, two_figures, visit_counts, \
    whole_numbers
from portfolio.ui.shared.summary import chart
from portfolio.ui.shared.presenter import presenting, rep_stepper
from portfolio.ui.shared.widgets import bound_widget, metric, metric_row, show_issues
from portfolio.view import PortfolioView
from portfolio.visits import REASON_PARAMS, SURPLUS_SHARE, URGENCY_CLASSES

TABLE_HEIGHT = 460


def latest_period_note(ctx: PageContext) -> None:
    """Say so when another period is looked at: a plan is made from where the portfolio is now."""
    if ctx.period is not None and ctx.dataset is not None:
        st.info(ctx.md("plan.latest_period_only", period=ctx.dataset.latest_period,
                      chosen=ctx.period), icon=":material/info:")


def planned_view(ctx: PageContext) -> PortfolioView:
    """The portfolio a plan is made from: the one looked at, at its latest period."""
    return ctx.view.at_period(None)


def plan_inputs_or_stop(ctx: PageContext) -> PlanInputs:
    """The norms file's capacity, visit norms and judgements; the page stops on its errors."""
    read = norms.active_norms(ctx)
    if read.issues or read.norms is None:
        show_issues(ctx.t("plan.norms_errors", file=ctx.settings.norms_path.name), read.issues,
                    ctx.lang)
        st.stop()
    return PlanInputs.from_norms(read.norms)


def plan_date(ctx: PageContext) -> pd.Timestamp:
    """The date chosen for the plan, by default the latest visit the viewer's data records."""
    chosen = plan_state.plan_date()
    if chosen is not None:
        return pd.Timestamp(chosen)
    return plan_data.default_date(planned_view(ctx))


def rep_controls(ctx: PageContext, inputs: PlanInputs, date: pd.Timestamp,
                 reps: list[str]) -> str:
    """The rep chooser and the plan's date; returns the rep shown (the page's chart images
    name it)."""
    rep = _rep_chosen(ctx, inputs, date, reps)
    chart_export.set_subject(rep)
    return rep


def _rep_chosen(ctx: PageContext, inputs: PlanInputs, date: pd.Timestamp, reps: list[str]) -> str:
    chosen = plan_state.rep()
    if chosen not in reps:
        chosen = reps[0]
        plan_state.set_rep(chosen)
    if presenting():
        # The room follows the meeting rep by rep; the chooser and the date are controls.
        if not ctx.shows_one_portfolio:
            rep_stepper(ctx.lang, reps, chosen, plan_state.set_rep, "w.plan.step")
        return plan_state.rep() or chosen
    rep_column, date_column, capacity_column = st.columns([3, 2, 4], vertical_alignment="bottom")
    with rep_column:
        bound_widget(st.selectbox, "w.plan.rep", chosen, plan_state.set_rep,
                     label=ctx.t("plan.rep"), options=reps, disabled=len(reps) == 1)
    with date_column:
        bound_widget(st.date_input, "w.plan.date", date.date(), plan_state.set_plan_date,
                     label=ctx.t("plan.date"), help=ctx.t("plan.date_help"),
                     format=style(ctx.lang).date_input)
    with capacity_column:
        capacity = inputs.capacity
        st.caption(ctx.md("plan.capacity_rule", per_day=decimal(capacity.visits_per_day, ctx.lang),
                         days=number(capacity.field_days, ctx.lang),
                         visits=number(int(capacity.visits_per_year + 1e-9), ctx.lang)))
    return plan_state.rep() or chosen


def headline(ctx: PageContext, view: RepView) -> None:
    """Workload, capacity, recommended visits, expected revenue and the value of a visit-day."""
    s, lang = view.plan.summary, ctx.lang
    planned = s["revenue_planned"]
    known = bool(s["visits_known"])  # without any visit count, no change against today
    against = ctx.t("plan.vs_today") if known else ctx.t("plan.vs_norm_visits")
    if view.unplaced:
        st.caption(ctx.md("plan.unplaced", clients=number(view.unplaced, lang)))
    with st.container(key="plan_headline"), metric_row():  # shown first on a projected screen
        metric(ctx.t("plan.metric_workload"), number(s["workload"], lang),
               help=ctx.t("plan.metric_workload_help"))
        metric(ctx.t("plan.metric_capacity"), number(s["capacity"], lang),
               help=ctx.t("plan.metric_capacity_help"))
        metric(ctx.t("plan.metric_recommended"), number(s["visits_recommended"], lang),
               delta=(_delta(s["visits_recommended"] - s["visits_today"], lang, ctx.t("plan.vs_today"))
                      if known else None),
               delta_color="off", help=ctx.t("plan.metric_recommended_help"))
        if not view.uses_curves:
            metric(ctx.t("plan.metric_revenue"), EMPTY)
            metric(ctx.t("plan.metric_day_value"), EMPTY)
        else:
            metric(ctx.t("plan.metric_revenue"), money(planned, lang, compact=True),
                   delta=_gain(planned, s["revenue_today"], lang, against),
                   help=ctx.t("plan.metric_revenue_help",
                              today=money(s["revenue_today"], lang, compact=True),
                              modelled=money(s["revenue_expected_current"], lang, compact=True)))
            metric(ctx.t("plan.metric_day_value"),
                   "≈\u00a0" + money(two_figures(s["visit_day_value"]), lang, compact=True),
                   help=ctx.t("plan.metric_day_value_help"))
    rule_notes(ctx, view)
    if not view.uses_curves:
        st.info(ctx.md("plan.no_judgements"), icon=":material/info:")
        return
    with st.container(key="plan_revenue_line"):
        st.caption(ctx.md("plan.revenue_line" if known else "plan.revenue_line_no_visits",
                         today=money(s["revenue_today"], lang, compact=True),
                         planned=money(planned, lang, compact=True),
                         gain=_gain(planned, s["revenue_today"], lang, ""),
                         modelled=money(s["revenue_expected_current"], lang, compact=True)))
    st.markdown(ctx.md("plan.vs_norms", gain=_gain(s["revenue_expected_recommended"],
                                                  s["revenue_expected_norms"], lang, ""),
                      norms=money(s["revenue_expected_norms"], lang, compact=True)))
    if view.effort is not None:
        st.caption(effort_note(ctx, view.effort))


def rule_notes(ctx: PageContext, view: RepView) -> None:
    """One line for each rule the plan applied to this rep's data (docs/visit-planning.md)."""
    s, lang = view.plan.summary, ctx.lang
    if bool(s["capacity_surplus"]):
        st.info(ctx.md("plan.capacity_surplus", maximum=number(s["workload_max"], lang),
                       share=percent(SURPLUS_SHARE, lang), capacity=number(s["capacity"], lang),
                       free=number(s["visits_free"], lang)), icon=":material/info:")
    if not bool(s["visits_known"]):
        st.info(ctx.md("plan.no_visit_data" if view.uses_curves else "plan.no_visit_data_plain"),
                icon=":material/info:")


def _delta(value: float, lang: str, suffix: str) -> str:
    sign = "+" if value > 0 else ""
    return f"{sign}{number(value, lang)} {suffix}".strip()


def _gain(new: float, old: float, lang: str, suffix: str) -> str:
    """+4.5% vs …; a dash when there is nothing to compare with."""
    if not np.isfinite(old) or old == 0:
        return "—"
    return f"{signed_percent(new / old - 1, lang)} {suffix}".strip()


def effort_note(ctx: PageContext, effort: EffortRange) -> str:
    """Revenue and visit-day value with 25 % fewer and more field days: the plan as a range."""
    lang = ctx.lang
    low, mid, high = effort.revenue
    days = sorted(effort.visit_day_value)
    return ctx.md("plan.effort_note",
                 spread=percent(effort.factors[2] - 1, lang),
                 fewer=_gain(low, mid, lang, ""), more=_gain(high, mid, lang, ""),
                 day_low=money(two_figures(days[0]), lang, compact=True),
                 day_high=money(two_figures(days[-1]), lang, compact=True))


def utilisation_panel(ctx: PageContext, view: RepView) -> None:
    """The gauge, then what gives when the norms do not fit (or that they fit)."""
    s = view.plan.summary
    gauge_column, gives_column = st.columns([2, 3], gap="large")
    with gauge_column:
        chart(utilisation_gauge(float(s["utilisation"]), ctx.lang), "w.plan.gauge")
        st.caption(ctx.md("plan.gauge_caption", workload=number(s["workload"], ctx.lang),
                         capacity=number(s["capacity"], ctx.lang)))
    with gives_column:
        if bool(s["fits"]):
            st.success(ctx.md("plan.norms_fit", spare=number(s["capacity"] - s["workload"], ctx.lang)),
                       icon=":material/check_circle:")
        else:
            what_gives_table(ctx, view)
        if len(view.plan.cuts):
            cuts_table(ctx, view)


def what_gives_table(ctx: PageContext, view: RepView) -> None:
    s, gives, lang = view.plan.summary, view.plan.gives, ctx.lang
    st.subheader(ctx.md("plan.gives_title"), anchor=False)
    st.warning(ctx.md("plan.gives_intro", excess=number(s["workload"] - s["capacity"], lang),
                     clients=number(len(gives), lang)), icon=":material/warning:")
    labels = _segment_labels(ctx)
    table = pd.DataFrame({
        ctx.t("plan.col_order"): gives["order"].to_numpy(),
        ctx.t("plan.col_client"): gives["client_name"].to_numpy(),
        ctx.t("plan.col_segment"): gives["segment"].map(labels).to_numpy(),
        ctx.t("plan.col_norm"): visit_counts(gives["visits_norm"], lang).to_numpy(),
        ctx.t("plan.col_planned"): visit_counts(gives["visits_planned"], lang).to_numpy(),
        ctx.t("plan.col_lost"): visit_counts(gives["visits_lost"], lang).to_numpy(),
        ctx.t("plan.col_below_min"): np.where(gives["below_min"], ctx.t("plan.answer_yes"), ""),
    })
    st.dataframe(table, hide_index=True, placeholder=EMPTY, height=min(TABLE_HEIGHT, 38 + 35 * len(table)),
                 key="w.plan.gives")


def cuts_table(ctx: PageContext, view: RepView) -> None:
    """Clients the recommended plan leaves below their minimum, least valuable visits first."""
    cuts, lang = view.plan.cuts, ctx.lang
    st.error(ctx.md("plan.cuts_intro", clients=number(len(cuts), lang),
                   visits=number(cuts["visits_cut"].sum(), lang)), icon=":material/error:")
    labels = _segment_labels(ctx)
    table = pd.DataFrame({
        ctx.t("plan.col_client"): cuts["client_name"].to_numpy(),
        ctx.t("plan.col_segment"): cuts["segment"].map(labels).to_numpy(),
        ctx.t("plan.col_min"): whole_numbers(cuts["visits_min"], lang).to_numpy(),
        ctx.t("plan.col_recommended"): whole_numbers(cuts["visits_recommended"], lang).to_numpy(),
        ctx.t("plan.col_lost_value"): (amounts(cuts["revenue_lost_per_visit"], lang).to_numpy()
                                       if "revenue_lost_per_visit" in cuts else ""),
    })
    st.dataframe(table, hide_index=True, placeholder=EMPTY, height=min(TABLE_HEIGHT, 38 + 35 * len(table)),
                 key="w.plan.cuts")


def _segment_labels(ctx: PageContext) -> dict[str, str]:
    return ctx.view.grid.segment_labels(ctx.lang)


def priority_list(ctx: PageContext, view: RepView) -> None:
    """Ranked clients to visit first, each with its urgency and the reason for its rank."""
    priorities, lang = view.plan.priorities, ctx.lang
    st.subheader(ctx.md("plan.priorities_title"), anchor=False)
    # The file holds no visit dates: nobody is known to be due (never "all up to date").
    undated = view.plan.clients["urgency"].astype(str).eq("no_visit_date").any()
    if priorities.empty:
        st.info(ctx.md("plan.no_visit_dates" if undated else "plan.priorities_none"),
                icon=":material/info:")
        return
    st.caption(ctx.md("plan.priorities_caption", clients=number(len(priorities), lang)))
    if undated:
        st.caption(ctx.md("plan.no_visit_dates"))
    urgency = {u: ctx.t(f"plan.urgency.{u}") for u in URGENCY_CLASSES}
    days = whole_numbers(priorities["days_since_visit"], lang)
    interval = whole_numbers(priorities["norm_interval_days"].replace(np.inf, np.nan), lang)
    ratio = one_decimal(priorities["urgency_ratio"].where(priorities["days_since_visit"].notna()), lang)
    since = (days + " ÷ " + interval + " = " + ratio).where(priorities["days_since_visit"].notna(), "—")
    table = pd.DataFrame({
        ctx.t("plan.col_rank"): priorities["rank"].to_numpy(),
        ctx.t("plan.col_client"): priorities["client_name"].to_numpy(),
        ctx.t("plan.col_segment"): priorities["segment"].map(_segment_labels(ctx)).to_numpy(),
        ctx.t("plan.col_urgency"): priorities["urgency"].map(urgency).to_numpy(),
        ctx.t("plan.col_since"): since.to_numpy(),
        ctx.t("plan.col_headroom"): amounts(priorities["headroom"], lang).to_numpy(),
        ctx.t("plan.col_visits"): _today_to_plan(priorities, lang).to_numpy(),
        ctx.t("plan.col_reason"): reasons(ctx, priorities).to_numpy(),
    })
    st.dataframe(table, hide_index=True, placeholder=EMPTY, height=min(TABLE_HEIGHT, 38 + 35 * len(table)),
                 key="w.plan.priorities")


def _today_to_plan(priorities: pd.DataFrame, lang: str) -> pd.Series:
    """"3 → 8"; the plan's visits alone where today's are unknown (no change to show)."""
    plan = whole_numbers(priorities["visits_recommended"], lang)
    both = whole_numbers(priorities["visits_12m"], lang) + " → " + plan
    return both.where(priorities["visits_12m"].notna().to_numpy(), plan)


def reasons(ctx: PageContext, priorities: pd.DataFrame) -> pd.Series:
    """Each rank's reason in words, from its reason code and parameters."""
    labels = _segment_labels(ctx)
    lang = ctx.lang
    params = pd.DataFrame(list(priorities["params"]), index=priorities.index)
    words = pd.Series("", index=priorities.index, dtype=object)
    for code in priorities["reason"].unique():  # a handful of codes, each phrased in one pass
        rows = priorities["reason"] == code
        values = params.loc[rows]
        text = pd.Series(ctx.t(f"plan.reason.{code}"), index=values.index, dtype="string")
        for name in REASON_PARAMS[code]:
            if name == "headroom":
                shown = amounts(values[name], lang)
            elif name == "segment":
                shown = values[name].map(labels).fillna(values[name])
            else:
                shown = whole_numbers(values[name], lang)
            text = _fill(text, name, shown)
        words.loc[rows] = text.to_numpy()
    return words


def _fill(text: pd.Series, name: str, values: pd.Series) -> pd.Series:
    """Put `values` in place of `{name}` in each text."""
    parts = text.str.split("{" + name + "}", n=1, expand=True, regex=False)
    if parts.shape[1] == 1:
        return text
    return parts[0] + pd.Series(values.to_numpy(), index=text.index, dtype="string") + parts[1]
