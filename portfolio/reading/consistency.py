"""Checks across columns and rows: revenue against potential, the share of wallet, duplicates."""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio.problems import Problem
from portfolio.reading.columns import number_text
from portfolio.reading.issues import MAX_ROWS_PER_KIND, row_problems


def share_of_wallet(frame: pd.DataFrame, rows: np.ndarray, headers: dict[str, str],
                    decimal: str) -> list[Problem]:
    """Warn where revenue exceeds potential; derive the share of wallet where it is missing.

    The derived share is revenue / potential, capped at 1 when revenue is above the
    potential (the potential is then probably underestimated).
    """
    if "revenue" not in frame or "potential" not in frame:
        return []
    revenue = frame["revenue"].to_numpy()
    potential = frame["potential"].to_numpy()
    above = revenue > potential  # False wherever either is missing
    with np.errstate(divide="ignore", invalid="ignore"):
        derived = np.where(potential > 0, np.minimum(revenue / potential, 1.0),
                           np.where(above, 1.0, np.nan))
    if "share_of_wallet" in frame:
        given = frame["share_of_wallet"].to_numpy()
        frame["share_of_wallet"] = np.where(np.isnan(given), derived, given)
    else:
        frame["share_of_wallet"] = derived
    shown = [f"{number_text(r, decimal)} > {number_text(p, decimal)}"
             for r, p in zip(revenue[above][:MAX_ROWS_PER_KIND], potential[above][:MAX_ROWS_PER_KIND])]
    return row_problems(
        rows[above], headers.get("revenue"), "revenue_above_potential",
        "Revenue is above the potential: the potential is probably underestimated. The share "
        "of wallet is capped at 100 %; check the potential.", shown, blocking=False)


def duplicate_ids(frame: pd.DataFrame, rows: np.ndarray, header: str | None) -> list[Problem]:
    """Every row whose client_id was already used by an earlier row."""
    if "client_id" not in frame:
        return []
    ids = frame["client_id"]
    repeated = (ids.duplicated(keep=False) & ids.notna()).to_numpy()
    if not repeated.any():
        return []
    group = frame.loc[repeated]
    data = group.drop(columns=["source_row"], errors="ignore")
    # Two rows are identical when every cell (typed) is the same.
    fingerprint = pd.util.hash_pandas_object(data, index=False)
    key = group["client_id"]
    first_row = pd.Series(rows[repeated], index=group.index).groupby(key, sort=False).transform("first")
    first_print = fingerprint.groupby(key, sort=False).transform("first")
    later = key.duplicated(keep="first").to_numpy()
    identical = (fingerprint == first_print).to_numpy()[later]
    firsts = first_row.to_numpy()[later]
    reasons = [
        (f"This client id is already used by row {f}, and this row is identical to it: delete "
         f"the repeated row." if same else
         f"This client id is already used by row {f} with different values. Each client must "
         f"appear once: keep the right row, or give this client its own id.")
        for f, same in zip(firsts[:MAX_ROWS_PER_KIND], identical[:MAX_ROWS_PER_KIND])]
    return row_problems(rows[repeated][later], header, "duplicate_id", reasons,
                        key.to_numpy()[later][:MAX_ROWS_PER_KIND])
