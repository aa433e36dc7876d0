"""Capacity far beyond the workload: when even every client at its maximum leaves most of
a rep's visits unused, filling the capacity is no recommendation.

The response curves only saturate in the limit, so a plan by marginal return fills any
capacity up to every client's maximum. When the maximums themselves use less than
SURPLUS_SHARE of the capacity, the capacity does not describe the rep's time with these
clients (other duties, a partial file, a generic norms file): the plan then recommends
the norms and says how many visits the norms leave free.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

# The rule: workload at every client's maximum < SURPLUS_SHARE × capacity.
SURPLUS_SHARE = 0.5


def capacity_surplus(workload_max: ArrayLike, capacity: ArrayLike,
                     share: float = SURPLUS_SHARE) -> np.ndarray:
    """Per rep: True where a positive capacity exceeds the visits at every client's maximum
    by so much that those use less than `share` of it."""
    load = np.asarray(workload_max, dtype=float)
    cap = np.asarray(capacity, dtype=float)
    return (cap > 0) & (load < share * cap)
