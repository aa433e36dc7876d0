"""The demo portfolio a quarter earlier, so that a workshop can show the history views.

The story: since the quarter before, some relationships grew (a larger share of the
client's wallet, one more product family, a higher contact), fewer slipped, a few
clients were won and a few lost. Comparing the two quarters shows clients changing
segment, arriving and leaving, with the revenue at both dates.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio.demo.generator import CONTACT_LEVELS, generate_demo

PREVIOUS_PERIOD = "2026-Q2"
GREW_SHARE = 0.15  # clients whose relationship grew since the quarter before
SLIPPED_SHARE = 0.05  # clients whose relationship slipped
WON_SHARE = 0.03  # clients of this quarter that were not clients the quarter before
LOST_SHARE = 0.02  # clients of the quarter before that are gone (relative to this quarter)
MAX_SHARE_OF_WALLET = 0.95
_QUARTER = pd.Timedelta(days=91)


def previous_quarter(current: pd.DataFrame, seed: int = 11) -> pd.DataFrame:
    """The demo portfolio `current` (quarter PERIOD) as it stood a quarter earlier,
    same output for a seed."""
    rng = np.random.default_rng(seed)
    n = len(current)
    draw = rng.random(n)
    grew = draw < GREW_SHARE
    slipped = (draw >= GREW_SHARE) & (draw < GREW_SHARE + SLIPPED_SHARE)
    won = rng.random(n) < WON_SHARE
    # What grew was smaller before, what slipped was larger.
    factor = np.where(grew, rng.uniform(0.5, 0.8, n), np.where(slipped, rng.uniform(1.25, 1.6, n), 1.0))
    frame = current.copy()
    sow = frame["share_of_wallet"].to_numpy(dtype=float)
    before = np.minimum(sow * factor, MAX_SHARE_OF_WALLET)
    frame["share_of_wallet"] = np.round(before, 4)
    # Revenue and margin follow the share of wallet (the factor itself where it is empty).
    scale = np.divide(before, sow, out=factor.copy(), where=sow > 0)
    frame["revenue"] = np.round(frame["revenue"].to_numpy() * scale, 2)
    frame["margin"] = np.round(frame["margin"].to_numpy(dtype=float) * scale, 2)
    families = frame["product_families"]
    fewer = grew & (rng.random(n) < 0.5) & (families.fillna(0).to_numpy() > 1)
    frame["product_families"] = families - pd.array(fewer.astype(int), dtype="Int64")
    frame["contact_level"] = _lower_contact(frame["contact_level"], grew & (rng.random(n) < 0.4))
    frame["last_visit"] = frame["last_visit"] - _QUARTER
    frame["period"] = PREVIOUS_PERIOD
    return pd.concat([frame[~won], _lost_clients(current, rng)], ignore_index=True)


def _lower_contact(levels: pd.Series, lower: np.ndarray) -> pd.Series:
    """One contact level lower where `lower` is true (operational stays operational)."""
    rank = {level: k for k, level in enumerate(CONTACT_LEVELS)}
    below = {level: CONTACT_LEVELS[max(k - 1, 0)] for level, k in rank.items()}
    return levels.where(~lower | levels.isna(), levels.map(below))


def _lost_clients(current: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Clients of the quarter before that left: drawn like the demo's own, given to its reps,
    under codes the current quarter does not use."""
    count = max(1, round(LOST_SHARE * len(current)))
    reps = current["salesperson"].dropna().unique()
    others = generate_demo(n_clients=max(count, 10 * len(reps)), n_reps=len(reps),
                           seed=int(rng.integers(1_000, 1_000_000)))
    lost = others.sample(n=count, random_state=int(rng.integers(2**31))).reset_index(drop=True)
    lost["client_id"] = [f"C9{k:04d}" for k in range(1, count + 1)]
    lost["salesperson"] = rng.choice(reps, size=count)
    lost["last_visit"] = lost["last_visit"] - _QUARTER
    lost["period"] = PREVIOUS_PERIOD
    if lost["client_id"].isin(current["client_id"]).any():  # a much larger demo than ours
        raise ValueError("the lost clients' codes are taken: generate a smaller demo")
    return lost
