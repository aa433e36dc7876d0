"""The Structure page: the team's mix, gaps to the norms, reps compared, over time."""
