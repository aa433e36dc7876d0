"""Reps that make a point of the method on any portfolio: the same revenue with opposite
structures, and the weakest commercial relationships (for a workshop's examples).

Rules:
- a *telling pair* is two reps whose revenues differ by at most `SAME_REVENUE_TOLERANCE`
  of the larger one and whose revenue splits by segment differ most (the sum over segments
  of the absolute differences of their revenue shares, 0 to 2); ties go to the larger
  revenues, then to the names in order;
- the *weakest relationships* are those of the rep whose clients' average QRC score is the
  lowest (clients without a QRC score left out); ties go to the first name.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio.view import PortfolioView

SAME_REVENUE_TOLERANCE = 0.05


def telling_pair(revenue_by_segment: pd.DataFrame,
                 tolerance: float = SAME_REVENUE_TOLERANCE) -> tuple[str, str] | None:
    """The two reps (larger revenue first) that best show "same revenue, different structure",
    from revenue per rep (index) and segment (columns), as `RepComparison` holds it; None when
    no two reps with revenue are within `tolerance` of each other."""
    split = revenue_by_segment
    revenue = split.sum(axis=1).to_numpy(dtype=float)
    names = np.asarray(split.index, dtype=object)
    if len(names) < 2:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(revenue[:, None] > 0, split.to_numpy(dtype=float) / revenue[:, None], 0)
    # Every pair at once (a few hundred reps: tens of thousands of pairs, a small matrix).
    larger = np.maximum(revenue[:, None], revenue[None, :])
    close = (np.abs(revenue[:, None] - revenue[None, :]) <= tolerance * larger) & (larger > 0)
    close &= np.triu(np.ones_like(close, dtype=bool), k=1)
    if not close.any():
        return None
    distance = np.abs(shares[:, None, :] - shares[None, :, :]).sum(axis=2)
    first, second = np.nonzero(close)
    pairs = pd.DataFrame({"first": first, "second": second,
                          "distance": np.round(distance[first, second], 9),
                          "revenue": larger[first, second],
                          "name_a": names[first], "name_b": names[second]})
    best = pairs.sort_values(["distance", "revenue", "name_a", "name_b"],
                             ascending=[False, False, True, True], kind="stable").iloc[0]
    a, b = int(best["first"]), int(best["second"])
    return (str(names[a]), str(names[b])) if revenue[a] >= revenue[b] else (str(names[b]),
                                                                            str(names[a]))


def weakest_relationships(view: PortfolioView) -> str | None:
    """The rep whose visible clients have the lowest average QRC score (None: no scored client)."""
    source = view.clients()
    sql = f"""SELECT salesperson FROM {source.sql} WHERE qrc IS NOT NULL
              GROUP BY salesperson ORDER BY avg(qrc), salesperson LIMIT 1"""
    with view.store.reading() as cur:
        found = cur.execute(sql, source.params).fetchone()
    return None if found is None else str(found[0])
