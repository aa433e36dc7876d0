"""Demo portfolios for workshops and benchmarks: `generate_demo` and the story's rep names."""

from portfolio.demo.generator import (
    CONTACT_LEVELS,
    LOYAL_REP,
    MARKET_POSITIONS,
    PERIOD,
    SAME_REVENUE_REPS,
    SNAPSHOT_DATE,
    SOLVENCY_RATINGS,
    STRONGHOLD_REP,
    WEAK_CONTACT_REP,
    generate_demo,
)

__all__ = [
    "CONTACT_LEVELS", "LOYAL_REP", "MARKET_POSITIONS", "PERIOD", "SAME_REVENUE_REPS",
    "SNAPSHOT_DATE", "SOLVENCY_RATINGS", "STRONGHOLD_REP", "WEAK_CONTACT_REP", "generate_demo",
]
