"""A hand-checkable team for visit plans: two reps, seven clients, a 2 × 2 grid.

Attractiveness: potential ≥ 100 000 → high band. QRC: share of wallet ≥ 0.5 → high band.
Segments worked out by hand in the last column. Norms (visits a year, min / norm / max):
develop 4 / 8 / 12, partners 6 / 10 / 16, maintain 1 / 3 / 4, minimal 0 / 1 / 1.
Capacity 2 visits a day × 10 field days = 20 visits a year.
"""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.norms.model import Capacity, VisitNorm
from portfolio.planning import PlanInputs
from portfolio.store.datasets import create_dataset
from portfolio.visits import Judgements
from tests.scoring.gridkit import bands, grid_2x2

ROWS = [
    # id,  rep,   potential, revenue, visits, last visit,    segment (by hand)
    ("a1", "Ana", 400_000,   40_000,  2,      "2026-06-01",  "develop"),   # sow 0.10, headroom 360k
    ("a2", "Ana", 200_000,   20_000,  0,      None,          "develop"),   # sow 0.10, headroom 180k
    ("a3", "Ana", 150_000,   90_000,  5,      "2026-09-15",  "partners"),  # sow 0.60
    ("a4", "Ana", 50_000,    40_000,  4,      "2026-10-01",  "maintain"),  # sow 0.80
    ("b1", "Ben", 300_000,   180_000, 3,      "2026-02-01",  "partners"),  # sow 0.60
    ("b2", "Ben", 20_000,    2_000,   1,      "2026-03-01",  "minimal"),   # sow 0.10
    ("b3", "Ben", 80_000,    60_000,  6,      "2026-08-01",  "maintain"),  # sow 0.75
]
SEGMENT = {row[0]: row[-1] for row in ROWS}
PLAN_DATE = "2026-10-31"

NORMS = {"develop": VisitNorm(4, 8, 12), "partners": VisitNorm(6, 10, 16),
         "maintain": VisitNorm(1, 3, 4), "minimal": VisitNorm(0, 1, 1)}
CAPACITY = Capacity(2, 10)  # 20 visits a year
# Judgements lying exactly on r(u) = 0.5 + u / (1 + u) (c = 1, d = 1 on the scale of today's
# visits): r(0.5) = 0.5 + 0.5/1.5, r(1) = 1, r(1.5) = 0.5 + 1.5/2.5 = 1.1. For a client
# visited v times today, r(x) = 0.5 + x / (v + x).
EXACT = Judgements(none=0.5, half=0.5 + 0.5 / 1.5, more_50=1.1, saturation=1.5)


def client_frame() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["client_id", "salesperson", "potential", "revenue",
                                        "visits_12m", "last_visit", "expected"])
    frame["client_name"] = "Client " + frame["client_id"].str.upper()
    frame["share_of_wallet"] = frame["revenue"] / frame["potential"]
    frame["visits_12m"] = frame["visits_12m"].astype("Int64")
    frame["last_visit"] = pd.to_datetime(frame["last_visit"])
    frame["period"] = "2026-Q3"
    return frame.drop(columns="expected")


def plan_grid():
    return grid_2x2([bands("potential", 1, (0, 0), (100_000, 1))],
                    [bands("share_of_wallet", 1, (0, 0), (0.5, 1))])


def inputs(judgements: Judgements | None = None, capacity: Capacity = CAPACITY) -> PlanInputs:
    given = () if judgements is None else tuple((s, judgements) for s in NORMS)
    return PlanInputs(tuple(NORMS.items()), capacity, given)


@pytest.fixture
def grid():
    return plan_grid()


@pytest.fixture
def team(memory_store):
    """(store, dataset_id) holding the seven clients above."""
    return memory_store, create_dataset(memory_store, client_frame(), name="plan team")
