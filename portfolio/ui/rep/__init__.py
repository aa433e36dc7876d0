"""The Rep page: one rep against the norms and the team, priorities and objective."""
