"""A small hand-checkable portfolio: 3 reps, 10 clients, a 2 × 2 grid with two QRC criteria.

Attractiveness: potential ≥ 100 000 → high band, else low (cut 50 on a 0/100 score).
QRC = 100 × (3 · sow_pts/2 + 1 · contact_pts/2) / 4, cut 50, with share-of-wallet bands
0 → 0, 0.30 → 1, 0.60 → 2 and contact operational 0, manager 1, director 2. Segments
worked out by hand, client by client, in the `SEGMENT` column below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.store.datasets import create_dataset
from tests.scoring.gridkit import bands, categories, grid_2x2

ROWS = [
    # id,   rep,    region,  potential, revenue, contact,       visits, margin, segment (by hand)
    ("c01", "Ana",  "north", 200_000,   20_000,  "operational", 2,      4_000,  "develop"),   # q 0
    ("c02", "Ana",  "north", 400_000,   40_000,  "manager",     0,      8_000,  "develop"),   # q 12.5
    ("c03", "Ana",  "north", 150_000,   90_000,  "director",    5,      27_000, "partners"),  # q 100
    ("c04", "Ana",  "south", 50_000,    40_000,  "manager",     4,      10_000, "maintain"),  # q 87.5
    ("c05", "Ben",  "south", 300_000,   150_000, "manager",     3,      30_000, "partners"),  # q 50
    ("c06", "Ben",  "South", 20_000,    2_000,   "operational", 1,      500,    "minimal"),   # q 0
    ("c07", "Ben",  "south", 30_000,    9_000,   "operational", 1,      2_000,  "minimal"),   # q 37.5
    ("c08", "Ben",  "north", 80_000,    60_000,  "director",    6,      15_000, "maintain"),  # q 100
    ("c09", "Cleo", "north", 500_000,   100_000, "manager",     2,      20_000, "develop"),   # q 12.5
    ("c10", "Cleo", "south", 10_000,    0,       "operational", None,   None,   "minimal"),   # q 0
]
SEGMENT = {row[0]: row[-1] for row in ROWS}


def portfolio_frame() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["client_id", "salesperson", "region", "potential", "revenue",
                                        "contact_level", "visits_12m", "margin", "expected"])
    frame["client_name"] = "Client " + frame["client_id"]
    frame["share_of_wallet"] = frame["revenue"] / frame["potential"]
    frame["team"] = frame["salesperson"].map({"Ana": "east", "Ben": "west", "Cleo": "west"})
    frame["visits_12m"] = frame["visits_12m"].astype("Int64")
    frame["period"] = "2026-Q3"
    return frame.drop(columns="expected")


def structure_grid(sow_weight: float = 3, contact_weight: float = 1):
    return grid_2x2(
        [bands("potential", 1, (0, 0), (100_000, 1))],
        [bands("share_of_wallet", sow_weight, (0, 0), (0.30, 1), (0.60, 2)),
         categories("contact_level", contact_weight, ("operational", 0), ("manager", 1),
                    ("director", 2))],
    )


@pytest.fixture
def grid():
    return structure_grid()


@pytest.fixture
def dataset(memory_store):
    """(store, dataset_id) of the portfolio above."""
    dataset_id = create_dataset(memory_store, portfolio_frame(), name="structure")
    return memory_store, dataset_id
