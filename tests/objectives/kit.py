"""Two quarters of a small portfolio made by hand, so that a kept objective and its outcome
can be checked against figures worked out on paper (the shipped grid, config/grids/default.yaml).

Every client of Ana is a leader, solvency A, two product families, met at director level,
90 % of commitments kept: QRC = 40 × sow band ÷ 3 + 20 × 2/3 + 20 × 3/4 + 20 × 2/3
= 41.67 + (0 under 10 %, 13.33 from 10 %, 26.67 from 30 %): under 10 % of share of wallet
a client is below the QRC cut of 50, from 10 % above it.
Attractiveness = 50 × potential band ÷ 4 + 25 + 25: 87.5 from 100 k€, 75 from 20 k€ (both
attractive); A4 is a niche player rated C, under 20 k€: 12.5 + 6.25 + 6.25 = 25.

At Q1 (share of wallet = revenue ÷ potential; headroom per visit decides the order):
  A1  200 k€ potential,  10 k€ revenue (5 %),  1 visit:  develop,  190,000 per visit
  A2  100 k€,             5 k€ (5 %),          1 visit:  develop,   95,000
  A5  100 k€,             5 k€ (5 %),          2 visits: develop,   47,500
  A3  200 k€,            80 k€ (40 %),         4 visits: partners,  30,000
  A4   10 k€,             1 k€ (10 %),         2 visits: maintain,   4,500
Revenue 101,000; +20 % = 20,200 to gain. Next band: A1, A2, A5 to 10 % (+5 points:
10,000, 5,000, 5,000), then A3 from 40 % only as far as the 200 left: 40.1 % (+0.1 point).
"""

from __future__ import annotations

import pandas as pd

Q1, Q2 = "2026-Q1", "2026-Q2"
ANA, BEN = "Ana Petit", "Ben Roux"
GROWTH = 0.20

_LEADER = {"market_position": "leader", "solvency": "A", "product_families": 2,
           "contact_level": "director", "commitments_kept": 0.9}
_NICHE = {"market_position": "niche", "solvency": "C", "product_families": 2,
          "contact_level": "director", "commitments_kept": 0.9}


def _client(client_id: str, rep: str, region: str, potential: float, revenue: float,
            visits: int, kind: dict) -> dict:
    return {"client_id": client_id, "client_name": f"Client {client_id}", "salesperson": rep,
            "region": region, "potential": potential, "revenue": revenue,
            "share_of_wallet": revenue / potential, "visits_12m": visits, **kind}


def quarter_one() -> pd.DataFrame:
    return pd.DataFrame([
        _client("A1", ANA, "Nord", 200_000, 10_000, 1, _LEADER),
        _client("A2", ANA, "Nord", 100_000, 5_000, 1, _LEADER),
        _client("A5", ANA, "Nord", 100_000, 5_000, 2, _LEADER),
        _client("A3", ANA, "Nord", 200_000, 80_000, 4, _LEADER),
        _client("A4", ANA, "Nord", 10_000, 1_000, 2, _NICHE),
        _client("B1", BEN, "Sud", 100_000, 20_000, 2, _LEADER),
    ])


def quarter_two() -> pd.DataFrame:
    """A1 to 12 % (reached, now a partner), A2 to 7 % (not reached), A5 gone, A3 to 45 %
    (reached), A4 unchanged, A6 new (50 k€, 3 k€: develop). Ana's revenue: 125,000."""
    revenue = {"A1": 24_000, "A2": 7_000, "A3": 90_000, "A4": 1_000, "B1": 22_000}
    later = quarter_one().query("client_id != 'A5'").copy()
    later["revenue"] = later["client_id"].map(revenue).astype(float)
    later["share_of_wallet"] = later["revenue"] / later["potential"]
    new = pd.DataFrame([_client("A6", ANA, "Nord", 50_000, 3_000, 1, _LEADER)])
    return pd.concat([later, new], ignore_index=True)
