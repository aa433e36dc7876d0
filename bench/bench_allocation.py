"""Time the team visit allocation on a synthetic team: 300 reps, 100,000 clients."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portfolio.visits import Capacity, allocate_team, fit_shapes  # noqa: E402

REPS = 300
CLIENTS = 100_000
RUNS = 7
NORMS = {"develop": (4, 8, 12), "partners": (6, 10, 16), "maintain": (2, 4, 6), "minimal": (0, 1, 2)}
# develop is S-shaped (visits pay off only once the relationship starts), the rest concave.
JUDGEMENTS = {
    "develop": {"none": 0.6, "half": 0.75, "current": 1.0, "more_50": 1.35, "saturation": 2.2},
    "partners": {"none": 0.5, "half": 0.85, "current": 1.0, "more_50": 1.07, "saturation": 1.15},
    "maintain": {"none": 0.8, "half": 0.95, "current": 1.0, "more_50": 1.02, "saturation": 1.04},
    "minimal": {"none": 0.9, "half": 0.97, "current": 1.0, "more_50": 1.01, "saturation": 1.02},
}


def synthetic_team(seed: int = 7) -> tuple[pd.DataFrame, dict[str, Capacity]]:
    rng = np.random.default_rng(seed)
    reps = np.array([f"rep{i:03d}" for i in range(REPS)])
    segment = rng.choice(list(NORMS), size=CLIENTS, p=[0.2, 0.2, 0.3, 0.3])
    revenue = np.round(rng.lognormal(mean=10, sigma=1.1, size=CLIENTS), 2)
    norm = np.array([NORMS[s][1] for s in segment])
    clients = pd.DataFrame({
        "client_id": [f"C{i:06d}" for i in range(CLIENTS)],
        "salesperson": reps[rng.integers(0, REPS, CLIENTS)],
        "segment": segment,
        "revenue": revenue,
        "potential": revenue * rng.uniform(1.0, 6.0, CLIENTS),
        "visits_12m": np.maximum(np.round(norm * rng.uniform(0.0, 1.6, CLIENTS)), 0).astype(int),
    })
    # Between the minimums and the norms for most reps; a few cannot even fit the minimums.
    capacity = {r: Capacity(float(v), 210.0) for r, v in zip(reps, rng.uniform(3.6, 7.5, REPS))}
    return clients, capacity


def main() -> None:
    clients, capacity = synthetic_team()
    shapes = fit_shapes(JUDGEMENTS)
    allocate_team(clients, NORMS, capacity, shapes)  # warm-up
    times, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        plan = allocate_team(clients, NORMS, capacity, shapes)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    reps = plan.reps
    print(f"team allocation, {REPS} reps × {CLIENTS:,} clients: median {statistics.median(times):.3f} s "
          f"(min {min(times):.3f} s, max {max(times):.3f} s, {RUNS} runs); "
          f"CPU time median {statistics.median(cpu):.3f} s (the wall time grows when the machine is busy)")
    print(f"reps whose minimums do not fit: {int((~reps['fits']).sum())}; "
          f"visits recommended {int(reps['visits_recommended_total'].sum()):,} "
          f"of capacity {int(reps['capacity'].sum()):,}")
    gain = reps["revenue_expected_recommended"].sum() / reps["revenue_expected_current"].sum() - 1
    print(f"expected revenue, recommended vs today's visits: {gain:+.1%}")


if __name__ == "__main__":
    main()
