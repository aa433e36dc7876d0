"""Checks across columns and rows: revenue against potential, the share of wallet, duplicates."""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio.problems import Problem, detail
from portfolio.reading.columns import number_text
from portfolio.reading.issues import MAX_ROWS_PER_KIND as CAP
from portfolio.reading.issues import row_problems


def share_of_wallet(frame: pd.DataFrame, headers: dict[str, str], decimal: str) -> list[Problem]:
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
             for r, p in zip(revenue[above][:CAP], potential[above][:CAP])]
    return row_problems(
        frame["source_row"].to_numpy()[above], headers.get("revenue"), "revenue_above_potential",
        detail("problems_cells.revenue_above_potential"), shown, blocking=False)


def duplicate_ids(frame: pd.DataFrame, idhash: np.ndarray, header: str | None) -> list[Problem]:
    """Every row whose client_id was already used by an earlier row (of the same period,
    when the file has a period column).

    Candidates are found on 64-bit hashes of the ids (a sort, no string hashing in
    Python); the exact comparison runs on the candidates only.
    """
    if "client_id" not in frame:
        return []
    present = np.flatnonzero(frame["client_id"].notna().to_numpy())
    hashes = idhash[present]
    by_period = "period" in frame
    if by_period:
        # A file may hold several periods of one portfolio: a client appears once per period.
        periods = frame["period"].to_numpy(dtype=object, na_value="")[present]
        hashes = hashes ^ pd.util.hash_array(periods).astype(hashes.dtype)
    ordered = np.sort(hashes)  # a plain sort answers "any repeat?" faster than argsort
    if not (ordered[1:] == ordered[:-1]).any():
        return []
    order = np.argsort(hashes, kind="stable")
    same = hashes[order][1:] == hashes[order][:-1]
    grouped = np.zeros(len(order), dtype=bool)
    grouped[1:] |= same
    grouped[:-1] |= same
    group = frame.iloc[np.sort(present[order[grouped]])]
    # As plain text: a repeated period is a categorical, which cannot take "" as a value.
    ids = group["client_id"].astype("str")
    key = (ids.str.cat(group["period"].astype("str").fillna(""), sep="\x1f") if by_period
           else ids)
    # Two rows are identical when every cell (typed) is the same.
    fingerprint = pd.util.hash_pandas_object(group.drop(columns=["source_row"]), index=False)
    first_row = group["source_row"].groupby(key, sort=False).transform("first").to_numpy()
    first_print = fingerprint.groupby(key, sort=False).transform("first").to_numpy()
    later = key.duplicated(keep="first").to_numpy()
    identical = (fingerprint.to_numpy() == first_print)[later]
    firsts = first_row[later]
    reasons = [
        detail("problems_cells.duplicate_identical" if same else "problems_cells.duplicate_different",
               first=int(f))
        for f, same in zip(firsts[:CAP], identical[:CAP])]
    return row_problems(group["source_row"].to_numpy()[later], header, "duplicate_id", reasons,
                        group["client_id"].to_numpy()[later][:CAP])
