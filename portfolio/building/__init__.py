"""Building a client file (one row per client) from sales lines or won deals."""

from portfolio.building.build import BuildOptions, BuildOutcome, build_clients

__all__ = ["BuildOptions", "BuildOutcome", "build_clients"]
