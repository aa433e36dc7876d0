"""The pandas baseline of the benchmarks: a client file scored by a grid with pandas and numpy.

    python bench/pandas_baseline.py CLIENTS.csv GRID_SPEC.json OUT.csv

What a well-written pandas script does: `read_csv`, each criterion's points by
`numpy.searchsorted` over its bands (or a mapping of its categories), the axes' weighted
means, the segment by the cuts, `to_csv`. It imports nothing of Portfolio Pilot: the grid
comes as a JSON spec (`grid_spec`), so its run pays for pandas alone.
"""

from __future__ import annotations

import json
import sys
from types import SimpleNamespace

import numpy as np
import pandas as pd


def grid_spec(grid: object) -> dict:
    """What `pandas_scores` reads of a grid (portfolio.grid.model.Grid), as plain JSON."""
    def criterion(c: object) -> dict:
        return {"id": c.id, "column": c.column, "is_numeric": c.is_numeric, "weight": c.weight,
                "max_points": c.max_points,
                "bands": [{"start": b.start, "points": b.points} for b in c.bands or ()],
                "categories": [{"key": k.key, "points": k.points} for k in c.categories or ()]}
    return {"missing": grid.missing,
            "axes": {a: {"criteria": [criterion(c) for c in axis.criteria]}
                     for a, axis in grid.axes.items()},
            "cuts": {a: list(cuts) for a, cuts in grid.cuts.items()},
            "segments": [{"id": s.id, "cell": dict(s.cell)} for s in grid.segments]}


def spec_grid(spec: dict) -> SimpleNamespace:
    """A grid-like object from `grid_spec`'s JSON, for `pandas_scores`."""
    def ns(value: object) -> object:
        if isinstance(value, dict):
            return SimpleNamespace(**{k: ns(v) for k, v in value.items()})
        if isinstance(value, list):
            return [ns(v) for v in value]
        return value
    axes = {a: ns(axis) for a, axis in spec["axes"].items()}
    segments = [SimpleNamespace(id=s["id"], cell=s["cell"]) for s in spec["segments"]]
    criteria = [c for axis in axes.values() for c in axis.criteria]
    return SimpleNamespace(missing=spec["missing"], axes=axes, cuts=spec["cuts"],
                           segments=segments, criteria=criteria)


def pandas_scores(frame: pd.DataFrame, grid: SimpleNamespace) -> pd.DataFrame:
    """The grid's semantics written with pandas/numpy vector operations (the baseline)."""
    out = pd.DataFrame({"client_id": frame["client_id"]})
    for criterion in grid.criteria:
        values = frame[criterion.column]
        if criterion.is_numeric:
            starts = np.array([b.start for b in criterion.bands], dtype=float)
            points = np.array([b.points for b in criterion.bands], dtype=float)
            numbers = values.astype("float64").to_numpy(na_value=np.nan)
            index = np.searchsorted(starts, numbers, side="right") - 1
            valid = (index >= 0) & ~np.isnan(numbers)
            out[f"pts_{criterion.id}"] = np.where(valid, points[np.clip(index, 0, None)], np.nan)
        else:
            mapping = {c.key: c.points for c in criterion.categories}
            out[f"pts_{criterion.id}"] = (values.astype("string").str.strip().str.lower()
                                          .map(mapping).astype("float64"))
    incomplete = np.zeros(len(frame), dtype=bool)
    for axis_id, axis in grid.axes.items():
        total = np.zeros(len(frame))
        weights = np.zeros(len(frame))
        for criterion in axis.criteria:
            pts = out[f"pts_{criterion.id}"].to_numpy()
            missing = np.isnan(pts)
            incomplete |= missing
            total += criterion.weight * np.nan_to_num(pts) / criterion.max_points
            weights += criterion.weight if grid.missing == "zero" else np.where(missing, 0, criterion.weight)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[axis_id] = np.round(100 * total / np.where(weights == 0, np.nan, weights), 9)
    bands = {axis: sum((out[axis] >= cut).astype(int) for cut in grid.cuts[axis])
             for axis in grid.axes}
    segment = pd.Series(pd.NA, index=out.index, dtype="string")
    for seg in grid.segments:
        hit = (bands["attractiveness"] == seg.cell["attractiveness"]) & (bands["qrc"] == seg.cell["qrc"])
        segment = segment.mask(hit, seg.id)
    out["segment"] = segment.mask(out["attractiveness"].isna() | out["qrc"].isna())
    out["incomplete"] = incomplete
    if grid.missing == "zero":
        for criterion in grid.criteria:
            out[f"pts_{criterion.id}"] = out[f"pts_{criterion.id}"].fillna(0.0)
    return out


def main(clients: str, spec_path: str, out: str) -> None:
    with open(spec_path, encoding="utf-8") as spec_file:
        grid = spec_grid(json.load(spec_file))
    frame = pd.read_csv(clients, dtype={"client_id": str})
    # As the data contract says: a missing share of wallet is revenue / potential, at most 1.
    derived = (frame["revenue"] / frame["potential"].where(frame["potential"] > 0)).clip(upper=1.0)
    frame["share_of_wallet"] = frame["share_of_wallet"].fillna(derived)
    scores = pandas_scores(frame, grid)
    order = ["client_id", "attractiveness", "qrc", "segment", "incomplete"]
    order += [f"pts_{c.id}" for c in grid.criteria]  # the columns as `score` writes them
    scores[order].to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
