"""`plan INPUT [--grid PATH] [--norms PATH] [--out PATH]`: plan every rep's visits from a client file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from portfolio.cli.common import (add_file_arguments, config_errors_reported, file_inputs,
                                  write_output)

if TYPE_CHECKING:
    import pandas as pd

    from portfolio.planning import PlanInputs, VisitPlan


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plan", help="plan every rep's visits by marginal return",
        description="Score a client file with the grid, then plan each rep's visits with the norms "
                    "(capacity, visit norms, response judgements). Writes one row per client: "
                    "client_id, salesperson, segment, visits_current, visits_recommended, "
                    "expected_revenue_current, expected_revenue_recommended; a summary per rep "
                    "goes to standard error.")
    add_file_arguments(parser, norms=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from portfolio.planning import PlanInputs, data_date, make_plan, plan_output, plan_roles
    from portfolio.scoring.engine import score_frame

    given = file_inputs(args, norms=True)
    with config_errors_reported():
        scores = score_frame(given.clients, given.grid)
    frame = _plannable(given.clients, scores, Path(args.input).name)
    inputs = PlanInputs.from_norms(given.norms)
    plan = make_plan(frame, inputs, data_date(frame) or pd.Timestamp.today(),
                     plan_roles(given.grid))
    write_output(plan_output(plan), args.out)
    for line in summary_lines(plan, inputs):
        print(line, file=sys.stderr)
    return 0


def _plannable(clients: pd.DataFrame, scores: pd.DataFrame, file: str) -> pd.DataFrame:
    """The clients with their segment; those the grid could not place are named and left out."""
    import numpy as np
    import pandas as pd

    frame = clients.copy()
    for column in ("visits_12m", "last_visit"):  # optional columns the file may lack
        if column not in frame.columns:
            frame[column] = np.nan if column == "visits_12m" else pd.NaT
    segments = scores.set_index("client_id")["segment"]
    frame["segment"] = frame["client_id"].map(segments)
    unplaced = frame["segment"].isna()
    if unplaced.any():
        ids = ", ".join(map(str, frame.loc[unplaced, "client_id"].head(5)))
        more = " …" if unplaced.sum() > 5 else ""
        print(f"{file}: {int(unplaced.sum())} client(s) have no segment (a score is missing: "
              f"{ids}{more}); they are left out of the plan", file=sys.stderr)
    return frame[~unplaced].reset_index(drop=True)


def summary_lines(plan: VisitPlan, inputs: PlanInputs) -> list[str]:
    """One line per rep: clients, capacity, workload, utilisation, visits, expected revenue."""
    capacity = inputs.capacity
    lines = [f"plan: {len(plan.reps)} rep(s), {len(plan.clients):,} client(s); capacity "
             f"{capacity.visits_per_day:g} visits a day × {capacity.field_days:g} field days"]
    if not plan.uses_curves:
        lines.append("plan: the norms give no response judgements: visits follow the norms, "
                     "cut where they do not fit; no expected revenue")
    for rep in plan.reps.itertuples(index=False):  # one line per rep, not per client
        line = (f"{rep.salesperson}: {rep.clients:,} clients, capacity {rep.capacity:,}, "
                f"workload {rep.workload:,.0f}, utilisation {rep.utilisation:.0%}, "
                f"visits recommended {rep.visits_recommended:,.0f}")
        if plan.uses_curves:
            gain = (rep.revenue_expected_recommended / rep.revenue_expected_current - 1
                    if rep.revenue_expected_current else float("nan"))
            line += (f", expected revenue {rep.revenue_expected_current:,.0f} → "
                     f"{rep.revenue_expected_recommended:,.0f} ({gain:+.1%}), "
                     f"value of a visit-day {rep.visit_day_value:,.0f}")
        if not rep.minimums_fit:
            line += f"; the minimums do not fit: {rep.visits_cut:,.0f} visit(s) below the minimum"
        lines.append(line)
    return lines
