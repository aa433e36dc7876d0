"""The plan as tables to hand over: the command line's columns and the page's export."""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.planning.plan import VisitPlan
from portfolio.visits import URGENCY_CLASSES

# The command line's output, one row per client, in this order.
PLAN_OUTPUT_COLUMNS = ("client_id", "salesperson", "segment", "visits_current", "visits_recommended",
                       "expected_revenue_current", "expected_revenue_recommended")


def plan_output(plan: VisitPlan) -> pd.DataFrame:
    """One row per planned client with exactly PLAN_OUTPUT_COLUMNS (money rounded to the cent)."""
    c = plan.clients
    return pd.DataFrame({
        "client_id": c["client_id"],
        "salesperson": c["salesperson"],
        "segment": c["segment"],
        "visits_current": c["visits_12m"].astype("Int64"),
        "visits_recommended": c["visits_recommended"],
        "expected_revenue_current": c["revenue_expected_current"].round(2),
        "expected_revenue_recommended": c["revenue_expected_recommended"].round(2),
    }).reset_index(drop=True)


# Export column → catalogue key of its header; the page's download uses the reader's language.
_EXPORT = (
    ("client_id", "plan.export.client_id"), ("client_name", "plan.export.client_name"),
    ("salesperson", "plan.export.salesperson"), ("segment", "plan.export.segment"),
    ("urgency", "plan.export.urgency"), ("days_since_visit", "plan.export.days_since_visit"),
    ("norm_interval_days", "plan.export.norm_interval"), ("revenue", "plan.export.revenue"),
    ("headroom", "plan.export.headroom"), ("visits_12m", "plan.export.visits_current"),
    ("visits_min", "plan.export.visits_min"), ("visits_norm", "plan.export.visits_norm"),
    ("visits_max", "plan.export.visits_max"), ("visits_recommended", "plan.export.visits_recommended"),
    ("revenue_expected_current", "plan.export.revenue_current"),
    ("revenue_expected_recommended", "plan.export.revenue_recommended"),
)


def plan_export(clients: pd.DataFrame, grid: Grid, lang: str) -> pd.DataFrame:
    """The plan of `clients` (rows of `VisitPlan.clients`) with headers, segment labels and
    urgency classes in `lang`; numbers stay numbers so the sheet can be sorted."""
    labels = grid.segment_labels(lang)
    out = pd.DataFrame({t(key, lang): clients[column].to_numpy() for column, key in _EXPORT})
    segment, urgency = t("plan.export.segment", lang), t("plan.export.urgency", lang)
    out[segment] = clients["segment"].map(labels).to_numpy()
    classes = {u: t(f"plan.urgency.{u}", lang) for u in URGENCY_CLASSES}
    out[urgency] = clients["urgency"].astype(str).map(classes).to_numpy()
    for column in ("plan.export.days_since_visit", "plan.export.norm_interval"):
        # A segment with no visit norm has no interval (infinite): left empty.
        out[t(column, lang)] = out[t(column, lang)].replace(np.inf, np.nan).round(0)
    for column in ("plan.export.revenue_current", "plan.export.revenue_recommended"):
        out[t(column, lang)] = out[t(column, lang)].round(2)
    return out
