"""Exact integer allocation of a visit budget over tables of value per visit count.

Problem, for each group g (a rep) independently: choose steps k_i in [0, width_i] for the
clients i of g, with Σ k_i ≤ budget_g, maximising Σ values[i, k_i]. values[i, k] is the
value of client i at its minimum visits + k; any shape is accepted.

Method, vectorised over every client of every group at once:

1. Concave envelope. For the curves used here (convex then concave, or concave), the
   upper hull of a client's points is one segment from k = 0 to the point of steepest
   average slope, then every later point. Its step slopes, made non-increasing, are sorted
   per group; the first budget_g steps are taken. This is the greedy "next visit to the
   client it helps most" on the envelope: it solves the continuous relaxation, and only
   the client whose envelope segment is cut by the budget may sit off its curve.
2. Certificate. With λ_g the slope at the cut, any allocation satisfies
   Σ v_i(k_i) ≤ L_g = λ_g·budget_g + Σ_i max_k (v_i(k) − λ_g·k), computed from the values
   themselves. When the greedy reaches L_g it is optimal (always for concave curves).
3. Repair, only for groups with a gap L_g − greedy > 0. An allocation better than the
   greedy can only give client i a count k whose reduced cost
   δ_i(k) = max_k' (v_i(k') − λk') − (v_i(k) − λk) is at most the gap. Clients with one such
   count are fixed; the others are solved exactly: those whose remaining counts form a
   concave run are merged greedily, the rest by dynamic programming over the budget.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Relative slack in the certificate: float sums over a few hundred clients carry errors
# around 1e-13; anything looser than that only adds candidates to the exact repair.
_REL_TOL = 1e-10


@dataclass(frozen=True)
class Solution:
    """Steps chosen per client, the greedy's cut slope per group, and which groups needed repair."""

    steps: np.ndarray
    cut_slope: np.ndarray
    repaired: np.ndarray


def solve(values: np.ndarray, width: np.ndarray, group: np.ndarray, budget: np.ndarray) -> Solution:
    """Maximise Σ values[i, k_i] with k_i ≤ width_i and Σ k_i ≤ budget per group, exactly.

    values: (clients × K) floats, entries past width_i ignored; width: ints ≥ 0, < K;
    group: ints in [0, groups); budget: ints ≥ 0, one per group.
    """
    values = np.asarray(values, dtype=float)
    n, k_cols = values.shape if values.ndim == 2 else (len(values), 1)
    width = np.asarray(width, dtype=np.int64)
    group = np.asarray(group, dtype=np.intp)
    budget = np.asarray(budget, dtype=np.int64)
    groups = len(budget)
    if n == 0:
        return Solution(np.zeros(0, np.int64), np.zeros(groups), np.zeros(groups, bool))
    cols = np.arange(k_cols)
    valid = cols[None, :] <= width[:, None]
    table = np.where(valid, values.reshape(n, k_cols), -np.inf)

    slopes = _envelope_slopes(table, valid)
    steps, cut_slope = _greedy(slopes, group, budget, n)

    rows = np.arange(n)
    chosen = table[rows, steps]
    reduced = table - cut_slope[group][:, None] * cols[None, :]
    best_reduced = reduced.max(axis=1)
    bound = cut_slope * budget + np.bincount(group, best_reduced, minlength=groups)
    achieved = np.bincount(group, chosen, minlength=groups)
    scale = np.maximum(1.0, np.bincount(group, np.abs(chosen), minlength=groups))
    gap = bound - achieved
    repaired = gap > _REL_TOL * scale

    if repaired.any():
        order = np.argsort(group, kind="stable")
        starts = np.searchsorted(group[order], np.arange(groups + 1))
        for g in np.flatnonzero(repaired):
            members = order[starts[g]:starts[g + 1]]
            better = _repair(table[members], reduced[members], best_reduced[members],
                             gap[g] + _REL_TOL * scale[g], int(budget[g]))
            if table[members, better].sum() >= chosen[members].sum():
                steps[members] = better
    return Solution(steps, cut_slope, repaired)


def _envelope_slopes(table: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Slope of each unit step along the client's concave envelope (non-increasing per row)."""
    n, k_cols = table.shape
    if k_cols == 1:
        return np.full((n, 0), -np.inf)
    step_valid = valid[:, 1:]
    with np.errstate(invalid="ignore"):
        diffs = np.where(step_valid, table[:, 1:] - table[:, :-1], -np.inf)
        average = np.where(step_valid, (table[:, 1:] - table[:, :1]) / np.arange(1, k_cols), -np.inf)
    # The first envelope segment ends at the steepest average slope from 0; on ties the
    # farthest point, so that the segment swallows every collinear point.
    seg_end = (k_cols - 2) - np.argmax(average[:, ::-1], axis=1)
    seg_slope = average[np.arange(n), seg_end]
    slopes = np.where(np.arange(k_cols - 1)[None, :] <= seg_end[:, None], seg_slope[:, None], diffs)
    # Rounding can make a later step a hair steeper; a running minimum keeps each client's
    # steps in order, so that taking the steepest steps of a group takes a prefix per client.
    return np.minimum.accumulate(np.where(step_valid, slopes, -np.inf), axis=1)


def _greedy(slopes: np.ndarray, group: np.ndarray, budget: np.ndarray, n: int
            ) -> tuple[np.ndarray, np.ndarray]:
    """Take the budget_g steepest positive envelope steps of each group; return steps and λ."""
    groups = len(budget)
    positive = slopes > 0
    rows, _ = np.nonzero(positive)
    slope = slopes[positive]
    # Steepest first, then grouped: both sorts are stable, so ties keep (client, step) order
    # and a client's steps stay consecutive among equal slopes. Two passes (the second a
    # radix sort on small integers) are about twice as fast as np.lexsort here.
    by_slope = np.argsort(-slope, kind="stable")
    key = group[rows][by_slope]
    order = by_slope[np.argsort(key.astype(np.uint16) if groups <= 65536 else key, kind="stable")]
    sorted_group = group[rows][order]
    starts = np.searchsorted(sorted_group, np.arange(groups + 1))
    position = np.arange(len(order)) - starts[sorted_group]
    taken = position < budget[sorted_group]
    steps = np.bincount(rows[order][taken], minlength=n).astype(np.int64)
    cut_at = starts[:-1] + budget
    has_cut = cut_at < starts[1:]
    cut_slope = np.zeros(groups)
    cut_slope[has_cut] = slope[order][cut_at[has_cut]]
    return steps, cut_slope


def _repair(table: np.ndarray, reduced: np.ndarray, best_reduced: np.ndarray, gap: float,
            budget: int) -> np.ndarray:
    """Exact optimum of one group over the counts whose reduced cost is within the gap."""
    m, k_cols = table.shape
    candidate = (best_reduced[:, None] - reduced) <= gap
    count = candidate.sum(axis=1)
    first = np.argmax(candidate, axis=1)
    last = (k_cols - 1) - np.argmax(candidate[:, ::-1], axis=1)
    free = count > 1
    steps = first.astype(np.int64)
    room = budget - int(first.sum())

    with np.errstate(invalid="ignore"):  # −inf − (−inf) past a client's width: never read
        diffs = table[:, 1:] - table[:, :-1] if k_cols > 1 else np.zeros((m, 0))
    inner = np.arange(max(k_cols - 2, 0))
    rising = (diffs[:, 1:] > diffs[:, :-1]) & (inner >= first[:, None]) & (inner <= last[:, None] - 2)
    concave = free & (last - first + 1 == count) & ~rising.any(axis=1)
    lumpy = np.flatnonzero(free & ~concave)

    # Concave runs: merged, steepest step first, as far as the budget goes.
    step_cols = np.arange(k_cols - 1)
    run = concave[:, None] & (step_cols >= first[:, None]) & (step_cols < last[:, None])
    run &= diffs > 0
    run_rows, _ = np.nonzero(run)
    run_gain = diffs[run]
    run_order = np.argsort(-run_gain, kind="stable")
    merged = np.concatenate([[0.0], np.cumsum(run_gain[run_order])])

    # Other clients: best value for exactly w extra visits among them, by dynamic programming.
    best = np.zeros(1)
    picks: list[np.ndarray] = []
    offsets: list[np.ndarray] = []
    for i in lumpy:
        ks = np.flatnonzero(candidate[i])
        offset = ks - first[i]
        gain = table[i, ks] - table[i, first[i]]
        length = min(len(best) + int(offset[-1]), room + 1)
        new = np.full(length, -np.inf)
        pick = np.zeros(length, dtype=np.int64)
        for j in range(len(ks)):
            o = int(offset[j])
            if o >= length:
                break
            moved = best[:length - o] + gain[j]
            window = new[o:o + len(moved)]
            better = moved > window
            window[better] = moved[better]
            pick[o:o + len(moved)][better] = j
        best = new
        picks.append(pick)
        offsets.append(offset)

    spent = np.arange(len(best))
    total = best + merged[np.minimum(room - spent, len(merged) - 1)]
    w = int(np.argmax(total))
    extra_runs = min(room - w, len(merged) - 1)
    for i, pick, offset in zip(lumpy[::-1], picks[::-1], offsets[::-1]):
        o = int(offset[pick[w]])
        steps[i] += o
        w -= o
    steps += np.bincount(run_rows[run_order][:extra_runs], minlength=m)
    return steps
