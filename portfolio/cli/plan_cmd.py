"""`plan INPUT [--grid PATH] [--norms PATH] [--out PATH]`: plan every rep's visits from a client file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from portfolio.cli.common import add_file_arguments, file_inputs, write_computed_output

if TYPE_CHECKING:
    from portfolio.planning import PlanInputs, VisitPlan


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plan", help="plan every rep's visits by marginal return",
        description="Score a client file with the grid, then plan each rep's visits with the norms "
                    "(capacity, visit norms, response judgements). Writes one row per client: "
                    "client_id, salesperson, segment, visits_current, visits_recommended, "
                    "expected_revenue_current, expected_revenue_recommended; a summary per rep "
                    "goes to standard error, with one line for each data rule applied (a capacity "
                    "far beyond the workload is planned at the norms; no visit data or no visit "
                    "dates are said so; see docs/visit-planning.md).")
    add_file_arguments(parser, norms=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from portfolio.planning import PlanInputs, plan_output, view_plan

    with file_inputs(args, norms=True) as given:
        assert given.norms is not None  # asked for with norms=True
        inputs = PlanInputs.from_norms(given.norms)
        plan = view_plan(given.view, inputs)
    if plan.unplaced:
        print(f"{Path(args.input).name}: {plan.unplaced:,} client(s) have no segment (a score is "
              f"missing); they are left out of the plan", file=sys.stderr)
    write_computed_output(plan_output(plan), args.out)
    for line in summary_lines(plan, inputs):
        print(line, file=sys.stderr)
    return 0


def summary_lines(plan: VisitPlan, inputs: PlanInputs, lang: str = "en") -> list[str]:
    """One line per rep: clients, capacity, workload, utilisation, visits, expected revenue;
    first, one line for each rule the plan applied to the file's data."""
    from portfolio.i18n import t
    from portfolio.numbers import number, percent
    from portfolio.visits import SURPLUS_SHARE

    capacity = inputs.capacity
    lines = [f"plan: {len(plan.reps)} rep(s), {len(plan.clients):,} client(s); capacity "
             f"{capacity.visits_per_day:g} visits a day × {capacity.field_days:g} field days"]
    if not plan.uses_curves:
        lines.append("plan: the norms give no response judgements: visits follow the norms, "
                     "cut where they do not fit; no expected revenue")
    surplus = plan.reps["capacity_surplus"].astype(bool)
    unknown = ~plan.reps["visits_known"].astype(bool)
    if surplus.any():
        lines.append(t("plan.cli_surplus_rule", lang, reps=number(surplus.sum(), lang),
                       share=percent(SURPLUS_SHARE, lang)))
    if unknown.any():
        lines.append(t("plan.cli_no_visits_rule", lang, reps=number(unknown.sum(), lang)))
    if plan.clients["urgency"].astype(str).eq("no_visit_date").any():
        lines.append(t("plan.cli_no_dates", lang))
    for rep in plan.reps.itertuples(index=False):  # one line per rep, not per client
        line = (f"{rep.salesperson}: {rep.clients:,} clients, capacity {rep.capacity:,}, "
                f"workload {rep.workload:,.0f}, utilisation {rep.utilisation:.0%}, "
                f"visits recommended {rep.visits_recommended:,.0f}")
        if plan.uses_curves:
            line += (f", revenue today {rep.revenue_today:,.0f} → planned "
                     f"{rep.revenue_planned:,.0f} ({rep.expected_gain_share:+.1%}), "
                     f"value of a visit-day {rep.visit_day_value:,.0f}")
        if not rep.minimums_fit:
            line += f"; the minimums do not fit: {rep.visits_cut:,.0f} visit(s) below the minimum"
        if rep.capacity_surplus:
            line += "; " + t("plan.cli_surplus", lang, free=number(rep.visits_free, lang))
        if not rep.visits_known:
            line += "; " + t("plan.cli_no_visits", lang)
        lines.append(line)
    return lines
