"""A demo portfolio over two quarters, with clients lost, gained and moved between them."""

from __future__ import annotations

import pandas as pd

from portfolio.demo import generate_demo

START, END = "2026-Q2", "2026-Q3"
LOST, GAINED, GROWN = 20, 5, 30


def two_period_clients(size: int = 300) -> pd.DataFrame:
    """`size` demo clients at START; at END the first LOST are gone, GAINED new ones came,
    and the next GROWN doubled their share of wallet (and their revenue)."""
    clients = generate_demo().head(size)
    later = clients.iloc[LOST:].assign(period=END).reset_index(drop=True)
    grown = later.index < GROWN
    later.loc[grown, "share_of_wallet"] = (later.loc[grown, "share_of_wallet"] * 2).clip(upper=1)
    later.loc[grown, "revenue"] = later.loc[grown, "share_of_wallet"] * later.loc[grown, "potential"]
    new = clients.head(GAINED).assign(client_id=[f"N{i}" for i in range(GAINED)], period=END)
    return pd.concat([clients.assign(period=START), later, new], ignore_index=True)
